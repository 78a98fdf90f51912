package drogulus.repl;

import drogulus.logos.Interp;
import drogulus.logos.LogosError;
import drogulus.logos.Printer;
import drogulus.logos.Reader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The read-eval-print loop: reads whole forms (a form may span lines), prints each value readably and each
 * error with its position, and keeps going. Ctrl-C stops a running evaluation; Ctrl-D leaves.
 */
public final class Repl {
    private final Interp interp;
    private final Terminal terminal;
    private final Path historyFile;

    /** A REPL on the process's terminal. */
    public Repl(Interp interp, Path historyFile) {
        this(interp, systemTerminal(), historyFile);
    }

    /** A REPL on given streams, as tests and pipes use it. */
    public Repl(Interp interp, InputStream in, OutputStream out) {
        this(interp, streamTerminal(in, out), null);
    }

    private Repl(Interp interp, Terminal terminal, Path historyFile) {
        this.interp = interp;
        this.terminal = terminal;
        this.historyFile = historyFile;
    }

    private static Terminal systemTerminal() {
        try {
            return TerminalBuilder.builder().system(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Terminal streamTerminal(InputStream in, OutputStream out) {
        try {
            return TerminalBuilder.builder().system(false).streams(in, out).dumb(true)
                .encoding(StandardCharsets.UTF_8).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs until end of input; returns the process exit status. */
    public int run() {
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("drogulus")
            .parser(new FormParser()).completer(new GlobalsCompleter(interp.globals()))
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P  ... ");
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        LineReader reader = builder.build();
        PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
        interp.setOutput(out);
        Thread evaluator = Thread.currentThread();
        terminal.handle(Terminal.Signal.INT, signal -> evaluator.interrupt());
        out.println("Logos REPL. Ctrl-D to leave, (doc name) for help.");
        while (true) {
            String input;
            try {
                input = reader.readLine("logos> ");
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            evalAndPrint(input, out);
        }
        out.flush();
        try {
            terminal.close();
        } catch (IOException e) {
            // Closing the terminal at exit can only fail if it is already gone.
            return 0;
        }
        return 0;
    }

    /** Evaluates every form of one input and prints each value, or the first error. */
    void evalAndPrint(String input, PrintStream out) {
        Reader forms = new Reader(input, "<repl>");
        try {
            for (Object form = forms.next(); form != Reader.EOF; form = forms.next()) {
                Object value = interp.eval(form);
                out.println(Printer.print(value, true));
            }
        } catch (LogosError e) {
            out.println(e.report());
        } finally {
            Thread.interrupted();
        }
    }

    /** Whether more lines are needed before the input is a whole form. */
    static boolean incomplete(String input) {
        return Reader.isIncomplete(input);
    }
}
