package drogulus.repl;

import drogulus.bindings.NetworkWait;
import drogulus.logos.builtins.HelpBuiltins;
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
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The read-eval-print loop: reads whole forms (a form may span lines), prints each value readably (a long one
 * cut short with a note of how much was left out) and each error with its position, and keeps going. On a
 * terminal it uses JLine (history, completion, highlighting, Ctrl-C stops a running evaluation or network wait);
 * on a pipe it reads plain lines, so {@code echo '(+ 1 2)' | drogulus} works.
 */
public final class Repl {
    private static final String BANNER = "Logos REPL. :help or (help) to start, (doc name) for one function, "
        + "Ctrl-D to leave.";
    /** Results longer than this many characters are shown cut short. */
    static final int SHOWN_RESULT_CHARS = 4_000;

    /** Longest result text shown; a value sharing structure may print to more text than memory holds. */
    static final long MAX_RESULT_CHARS = 64L * 1024 * 1024;

    private final Interp interp;
    private Supplier<Collection<String>> aliases = List::of;
    private volatile TerminalInput terminal;

    public Repl(Interp interp) {
        this.interp = interp;
    }

    /** Where Tab finds aliases to complete inside strings. */
    public void completeAliasesFrom(Supplier<Collection<String>> source) {
        this.aliases = source;
    }

    /** The status line of the terminal the loop runs on; shows nothing when there is none. */
    public NetworkWait.StatusLine statusLine() {
        return new NetworkWait.StatusLine() {
            @Override
            public void show(String text) {
                TerminalInput t = terminal;
                if (t != null) {
                    t.showStatus(text);
                }
            }

            @Override
            public void clear() {
                TerminalInput t = terminal;
                if (t != null) {
                    t.clearStatus();
                }
            }
        };
    }

    /**
     * Runs on the process's terminal, keeping history in the given file, after printing the greeting lines;
     * returns the exit status.
     */
    public int runOnTerminal(Path historyFile, List<String> greeting) {
        if (!interactive()) {
            return run(System.in, System.out);
        }
        try (TerminalInput input = new TerminalInput(interp.globals(), aliases, historyFile)) {
            return runOn(input, greeting);
        }
    }

    /** Runs on an open JLine input (the system terminal, or one a test drives). */
    int runOn(TerminalInput input, List<String> greeting) {
        PrintStream out = input.output();
        interp.setOutput(out);
        interp.setGuestOutput(escaping(out));
        input.onInterrupt(Thread.currentThread()::interrupt);
        out.println(BANNER);
        greeting.forEach(out::println);
        terminal = input;
        try {
            loop(input, out);
        } finally {
            terminal = null;
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
            String trimmed = text.strip();
            if (trimmed.startsWith(":")) {
                command(trimmed, out);
            } else {
                evalAndPrint(text, out);
            }
        }
    }

    /** The REPL's own commands, which start with a colon. */
    private void command(String text, PrintStream out) {
        String name = text.split("\\s", 2)[0].toLowerCase(Locale.ROOT);
        if (name.equals(":help") || name.equals(":h") || name.equals(":?")) {
            out.print(HelpBuiltins.overview(interp.globals()));
        } else {
            out.println("Unknown command " + name + "; :help says how to start. Logos forms are typed as they are.");
        }
    }

    /** Evaluates every form of one input and prints each value, or the first error. */
    void evalAndPrint(String text, PrintStream out) {
        Reader forms = new Reader(text, "<repl>");
        try {
            for (Object form = forms.next(); form != Reader.EOF; form = forms.next()) {
                Object value = interp.evalTopLevel(form, forms.formStart());
                out.println(truncate(escapeControls(Printer.printLimited(value, true, MAX_RESULT_CHARS,
                    PrintLength.of(interp, PrintLength.INTERACTIVE)))));
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

    /** The printed value, cut at {@link #SHOWN_RESULT_CHARS} with a note of how much was left out. */
    static String truncate(String printed) {
        if (printed.length() <= SHOWN_RESULT_CHARS) {
            return printed;
        }
        int left = printed.length() - SHOWN_RESULT_CHARS;
        return printed.substring(0, SHOWN_RESULT_CHARS) + " ... [" + String.format(Locale.ROOT, "%,d", left)
            + " more characters not shown]";
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
