package drogulus.repl;

import drogulus.logos.builtins.PrintLength;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.eval.Interp;
import drogulus.logos.read.Reader;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The read-eval-print loop: reads whole forms (a form may span lines), prints each value readably and each
 * error with its position, and keeps going. On a terminal it uses JLine (history, completion, Ctrl-C stops a
 * running evaluation); on a pipe it reads plain lines, so {@code echo '(+ 1 2)' | drogulus} works.
 */
public final class Repl {
    private static final String BANNER = "Logos REPL. Ctrl-D to leave, (doc name) for help.";

    /** Longest result text shown; a value sharing structure may print to more text than memory holds. */
    static final long MAX_RESULT_CHARS = 64L * 1024 * 1024;

    private final Interp interp;

    public Repl(Interp interp) {
        this.interp = interp;
    }

    /** Runs on the process's terminal, keeping history in the given file; returns the exit status. */
    public int runOnTerminal(Path historyFile) {
        if (!interactive()) {
            return run(System.in, System.out);
        }
        try (TerminalInput input = new TerminalInput(interp.globals(), historyFile)) {
            PrintStream out = input.output();
            interp.setOutput(out);
            interp.setGuestOutput(escaping(out));
            input.onInterrupt(Thread.currentThread()::interrupt);
            out.println(BANNER);
            loop(input, out);
        }
        return 0;
    }

    /** Runs on plain streams, as pipes and tests use it; no prompt is echoed back. */
    public int run(InputStream in, OutputStream outStream) {
        PrintStream out = new PrintStream(outStream, true, StandardCharsets.UTF_8);
        interp.setOutput(out);
        interp.setGuestOutput(escaping(out));
        loop(new LineInput(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))), out);
        out.flush();
        return 0;
    }

    /** What sandboxed code prints, with control characters shown escaped rather than obeyed by the terminal. */
    private static PrintStream escaping(PrintStream out) {
        return new PrintStream(new ControlEscapes(out), true, StandardCharsets.UTF_8);
    }

    // On Java 17, the project's runtime, console() is null exactly when stdin or stdout is not a terminal.
    @SuppressWarnings("SystemConsoleNull")
    private static boolean interactive() {
        return System.console() != null;
    }

    private void loop(Input input, PrintStream out) {
        while (true) {
            String text = input.read("logos> ");
            if (text == null) {
                return;
            }
            evalAndPrint(text, out);
        }
    }

    /** Evaluates every form of one input and prints each value, or the first error. */
    void evalAndPrint(String text, PrintStream out) {
        Reader forms = new Reader(text, "<repl>");
        try {
            for (Object form = forms.next(); form != Reader.EOF; form = forms.next()) {
                Object value = interp.eval(form);
                out.println(escapeControls(Printer.printLimited(value, true, MAX_RESULT_CHARS,
                    PrintLength.of(interp, PrintLength.INTERACTIVE))));
            }
        } catch (LogosError e) {
            out.println(e.report());
        } catch (OutOfMemoryError | StackOverflowError e) {
            // The failed work is garbage now: say so in one line and read the next input.
            out.println(e instanceof OutOfMemoryError ? "Out of memory: the value is larger than the Java heap holds"
                : "Stack overflow: the value is nested too deeply");
        } finally {
            // A Ctrl-C that arrived after the evaluation ended must not interrupt the next one.
            Thread.interrupted();
        }
    }

    /** Whether more lines are needed before the input is a whole form. */
    static boolean incomplete(String text) {
        return FormScanner.incomplete(text);
    }

    /**
     * A result's text with control characters escaped: readable printing escapes them in strings, but symbols
     * and keywords a guest made may hold them.
     */
    static String escapeControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\t';
            if (control && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(control ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /** Where the loop gets its next complete input; null at the end. */
    interface Input {
        String read(String prompt);
    }

    /** Plain lines, joined until they make whole forms. */
    static final class LineInput implements Input {
        private final BufferedReader reader;

        LineInput(BufferedReader reader) {
            this.reader = reader;
        }

        @Override
        public String read(String prompt) {
            FormScanner text = new FormScanner();
            try {
                while (true) {
                    String line = reader.readLine();
                    if (line == null) {
                        return text.isEmpty() ? null : text.text();
                    }
                    text.append(line + "\n");
                    if (!text.incomplete()) {
                        return text.text();
                    }
                }
            } catch (java.io.IOException e) {
                return null;
            }
        }
    }
}
