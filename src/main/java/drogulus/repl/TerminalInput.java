package drogulus.repl;

import drogulus.logos.eval.Globals;
import java.io.IOException;
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

/** Input from an interactive terminal through JLine: line editing, history, completion of global names. */
final class TerminalInput implements Repl.Input, AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;

    TerminalInput(Globals globals, Path historyFile) {
        try {
            terminal = TerminalBuilder.builder().system(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Can't open the terminal", e);
        }
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("drogulus")
            .parser(new FormParser()).completer(new GlobalsCompleter(globals))
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P  ... ");
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        reader = builder.build();
    }

    PrintStream output() {
        return new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
    }

    /** Ctrl-C while evaluating runs the action (which interrupts the evaluation). */
    void onInterrupt(Runnable action) {
        terminal.handle(Terminal.Signal.INT, signal -> action.run());
    }

    @Override
    public String read(String prompt) {
        String line = null;
        boolean answered = false;
        while (!answered) {
            try {
                line = reader.readLine(prompt);
                answered = true;
            } catch (UserInterruptException e) {
                // Ctrl-C at the prompt clears the line; ask again.
                answered = false;
            } catch (EndOfFileException e) {
                return null;
            }
        }
        return line;
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            // Leaving anyway: a history file we cannot write is not worth failing the exit for.
            return;
        }
    }
}
