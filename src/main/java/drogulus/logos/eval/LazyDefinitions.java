package drogulus.logos.eval;

import drogulus.logos.data.LogosError;
import drogulus.logos.data.Symbol;
import drogulus.logos.read.Reader;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The definitions of a library file, evaluated when code first names them rather than when the interpreter is
 * made: reading and evaluating all of core.logos took a third of the start-up of every run and every sandbox,
 * and most programs use a handful of its definitions. The file is cut where a line begins with "(": every
 * top-level form of such a file starts so and is a def, defn or defmacro of a name of its own ({@link #cut}
 * returns null otherwise, and the file is evaluated whole). A piece is read and evaluated, in the user
 * namespace and without charge to the program running, the first time its name is looked up. Everything still
 * pending is loaded before anything lists the globals or redefines a pending name or a macro, so code sees
 * what loading the whole file first would have given it.
 */
final class LazyDefinitions {
    private static final Set<String> HEADS = Set.of("def", "defn", "defmacro", "defonce", "defn-");

    /** Where a piece is in the file: its characters and the line it starts on. */
    private record Piece(int start, int end, int line) {
    }

    private final String source;
    private final String file;
    private final Interp interp;
    /** Names not loaded yet, in the file's order. */
    private final Map<Symbol, Piece> pending;

    private LazyDefinitions(String source, String file, Interp interp, Map<Symbol, Piece> pending) {
        this.source = source;
        this.file = file;
        this.interp = interp;
        this.pending = pending;
    }

    /** The file cut into its definitions, or null when it is not made only of definitions of distinct names. */
    static LazyDefinitions cut(String source, String file, Interp interp) {
        Map<Symbol, Piece> pieces = new LinkedHashMap<>();
        Symbol name = null;
        int start = 0;
        int startLine = 0;
        int line = 1;
        for (int at = 0; at < source.length(); line++) {
            int newline = source.indexOf('\n', at);
            int end = newline < 0 ? source.length() : newline;
            if (source.charAt(at) == '(') {
                if (name != null && pieces.put(name, new Piece(start, at, startLine)) != null) {
                    return null;
                }
                name = definedName(source.substring(at + 1, end));
                if (name == null) {
                    return null;
                }
                start = at;
                startLine = line;
            }
            at = end + 1;
        }
        if (name != null && pieces.put(name, new Piece(start, source.length(), startLine)) != null) {
            return null;
        }
        return new LazyDefinitions(source, file, interp, pieces);
    }

    /** The name a top-level form's first line defines ("defn name ..."), or null if it is not a definition. */
    private static Symbol definedName(String firstLine) {
        String[] words = firstLine.strip().split("[\\s)]+", 3);
        if (words.length < 2 || !HEADS.contains(words[0]) || words[1].isEmpty()
            || "[(^\"".indexOf(words[1].charAt(0)) >= 0) {
            return null;
        }
        return Symbol.of(words[1]);
    }

    synchronized boolean isPending(Symbol name) {
        return pending.containsKey(name);
    }

    /** Whether a pending definition's name starts with {@code prefix}. */
    synchronized boolean definesUnder(String prefix) {
        for (Symbol name : pending.keySet()) {
            if (name.name().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets a pending definition: the host has defined the name itself. */
    synchronized void forget(Symbol name) {
        pending.remove(name);
    }

    /**
     * Loads the definition of {@code name} if it is still pending; whether it was. Held for the whole load, so
     * another thread naming it meanwhile waits for it rather than finding it unbound.
     */
    synchronized boolean load(Symbol name) {
        Piece piece = pending.remove(name);
        if (piece == null) {
            return false;
        }
        evaluate(piece);
        return true;
    }

    /** Loads every definition still pending, in the file's order. */
    synchronized void loadAll() {
        for (Iterator<Piece> first = pending.values().iterator(); first.hasNext(); ) {
            Piece piece = first.next();
            first.remove();
            evaluate(piece);
            // Evaluating one piece may have loaded others: start again from what is left.
            first = pending.values().iterator();
        }
    }

    private void evaluate(Piece piece) {
        Reader reader = new Reader(source.substring(piece.start(), piece.end()), file, piece.line());
        interp.aside(() -> {
            for (Object form = reader.next(); form != Reader.EOF; form = reader.next()) {
                try {
                    interp.eval(form);
                } catch (LogosError e) {
                    throw e.at(reader.formStart());
                }
            }
        });
    }
}
