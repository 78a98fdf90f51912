package drogulus.repl;

import drogulus.logos.eval.Globals;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes the word at the cursor: a name from the defined globals (built-ins included), or, inside a string
 * just opened, an alias from the address book, as in {@code (dht/get "al<Tab>}.
 */
final class GlobalsCompleter implements Completer {
    private final Globals globals;
    private final Supplier<Collection<String>> aliases;

    GlobalsCompleter(Globals globals, Supplier<Collection<String>> aliases) {
        this.globals = globals;
        this.aliases = aliases;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        int quote = word.lastIndexOf('"');
        if (quote >= 0) {
            String prefix = word.substring(quote + 1);
            for (String alias : aliases.get()) {
                if (alias.startsWith(prefix)) {
                    candidates.add(new Candidate(word.substring(0, quote + 1) + alias + "\"", alias, "alias", null,
                        null, null, false));
                }
            }
            return;
        }
        int start = Math.max(word.lastIndexOf('('), word.lastIndexOf('['));
        String prefix = word.substring(start + 1);
        for (String name : globals.visibleNames()) {
            if (name.startsWith(prefix)) {
                candidates.add(new Candidate(word.substring(0, start + 1) + name, name, null, null, null, null,
                    true));
            }
        }
    }
}
