package drogulus.repl;

import drogulus.logos.eval.Globals;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Supplier;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Input from an interactive terminal through JLine: line editing, history, highlighting, completion of global
 * names and aliases, and Ctrl-D that leaves on an empty line but cancels an unfinished form.
 */
final class TerminalInput implements Repl.Input, AutoCloseable {
    private static final String CTRL_D = "drogulus-ctrl-d";

    private final Terminal terminal;
    private final LineReader reader;
    private final PrintStream output;

    TerminalInput(Globals globals, Supplier<Collection<String>> aliases, Path historyFile) {
        this(system(), globals, aliases, historyFile);
    }

    TerminalInput(Terminal terminal, Globals globals, Supplier<Collection<String>> aliases, Path historyFile) {
        this.terminal = terminal;
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("drogulus")
            .parser(new FormParser()).completer(new GlobalsCompleter(globals, aliases))
            .highlighter(new Highlighter())
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P  ... ");
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        reader = builder.build();
        reader.getWidgets().put(CTRL_D, this::ctrlD);
        for (String map : new String[] {LineReader.EMACS, LineReader.VIINS, LineReader.MAIN}) {
            KeyMap<org.jline.reader.Binding> keys = reader.getKeyMaps().get(map);
            if (keys != null) {
                keys.bind(new Reference(CTRL_D), KeyMap.ctrl('D'));
            }
        }
        output = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
    }

    private static Terminal system() {
        try {
            return TerminalBuilder.builder().system(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Can't open the terminal", e);
        }
    }

    /** Empty line: leave. Inside an unfinished form: drop it and prompt afresh. Otherwise: delete a character. */
    private boolean ctrlD() {
        org.jline.reader.Buffer buffer = reader.getBuffer();
        if (buffer.length() == 0) {
            throw new EndOfFileException();
        }
        if (buffer.toString().indexOf('\n') >= 0) {
            buffer.clear();
            reader.callWidget(LineReader.ACCEPT_LINE);
            return true;
        }
        reader.callWidget(LineReader.DELETE_CHAR);
        return true;
    }

    PrintStream output() {
        return output;
    }

    /** Ctrl-C while evaluating runs the action (which interrupts the evaluation). */
    void onInterrupt(Runnable action) {
        terminal.handle(Terminal.Signal.INT, signal -> action.run());
    }

    /** Shows text on the current line, cut to the terminal's width, to be overwritten or cleared. */
    void showStatus(String text) {
        int width = Math.max(20, terminal.getWidth() - 1);
        output.print("\r" + (text.length() > width ? text.substring(0, width) : text) + "\033[K");
        output.flush();
    }

    void clearStatus() {
        output.print("\r\033[K");
        output.flush();
    }

    @Override
    public String read(String prompt) {
        while (true) {
            try {
                return reader.readLine(prompt);
            } catch (UserInterruptException e) {
                // Ctrl-C at the prompt clears the line; the loop asks again.
                output.flush();
            } catch (EndOfFileException e) {
                return null;
            }
        }
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
