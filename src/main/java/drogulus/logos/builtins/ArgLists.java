package drogulus.logos.builtins;

import drogulus.logos.data.LogosError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The argument lists of the built-ins written in Java, read once from the resource logos/arglists.txt: a
 * Java built-in knows only how many arguments it takes, and doc should show what they are called.
 */
public final class ArgLists {
    private static final String RESOURCE = "/logos/arglists.txt";

    private ArgLists() {
    }

    /** Loaded on first use; the table is small and never changes. */
    private static final class Table {
        static final Map<String, List<String>> BY_NAME = load();
    }

    /** The argument vectors of a built-in, each "[m ks]"; null when the table has no line for it. */
    public static List<String> of(String name) {
        return Table.BY_NAME.get(name);
    }

    /** Every built-in named in the table, in its order. */
    public static Map<String, List<String>> all() {
        return Table.BY_NAME;
    }

    private static Map<String, List<String>> load() {
        try (InputStream in = ArgLists.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new LogosError("Missing " + RESOURCE + " in the jar");
            }
            Map<String, List<String>> table = new LinkedHashMap<>();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n", -1)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int space = trimmed.indexOf(' ');
                if (space < 0) {
                    throw new LogosError(RESOURCE + ": no argument vectors on the line " + trimmed);
                }
                table.put(trimmed.substring(0, space), List.copyOf(vectors(trimmed.substring(space + 1))));
            }
            return Map.copyOf(table);
        } catch (IOException e) {
            throw new LogosError("Can't read " + RESOURCE + ": " + e.getMessage());
        }
    }

    /** Splits "[a] [a b]" into its top-level vectors; a nested vector stays inside its parameter list. */
    private static List<String> vectors(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == ']') {
                if (--depth == 0) {
                    out.add(text.substring(start, i + 1));
                } else if (depth < 0) {
                    throw new LogosError(RESOURCE + ": unbalanced ] in " + text);
                }
            } else if (depth == 0 && c != ' ') {
                throw new LogosError(RESOURCE + ": text outside a vector in " + text);
            }
        }
        if (depth != 0 || out.isEmpty()) {
            throw new LogosError(RESOURCE + ": unbalanced or missing vectors in " + text);
        }
        return out;
    }
}
