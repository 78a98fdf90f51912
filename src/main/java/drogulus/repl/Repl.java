package drogulus.repl;

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
        loop(new LineInput(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))), out);
        out.flush();
        return 0;
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
                out.println(Printer.print(value, true));
            }
        } catch (LogosError e) {
            out.println(e.report());
        } finally {
            // A Ctrl-C that arrived after the evaluation ended must not interrupt the next one.
            Thread.interrupted();
        }
    }

    /** Whether more lines are needed before the input is a whole form. */
    static boolean incomplete(String text) {
        return Reader.isIncomplete(text);
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
            StringBuilder text = new StringBuilder();
            try {
                while (true) {
                    String line = reader.readLine();
                    if (line == null) {
                        return text.length() == 0 ? null : text.toString();
                    }
                    text.append(line).append('\n');
                    if (!incomplete(text.toString())) {
                        return text.toString();
                    }
                }
            } catch (java.io.IOException e) {
                return null;
            }
        }
    }
}
