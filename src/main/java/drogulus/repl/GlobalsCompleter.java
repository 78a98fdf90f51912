package drogulus.repl;

import drogulus.logos.eval.Globals;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Completes the word at the cursor from the names of defined globals. */
final class GlobalsCompleter implements Completer {
    private final Globals globals;

    GlobalsCompleter(Globals globals) {
        this.globals = globals;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word();
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
