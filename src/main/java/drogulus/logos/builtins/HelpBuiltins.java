package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LList;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Closure;
import drogulus.logos.eval.Globals;
import drogulus.logos.eval.Interp;
import drogulus.logos.eval.Macro;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finding things out: {@code (help)} and {@code (help :area)}, {@code (apropos "str")}, {@code (dir string)},
 * and the argument lists {@code (doc f)} shows first. Built-ins are grouped into areas by their names. Bodies
 * are anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
public final class HelpBuiltins {
    /** The areas, in the order help lists them. */
    public static final List<String> AREAS = List.of("core", "strings", "maps", "dht", "crypto", "sandbox", "json");

    private static final Set<String> MAPS = Set.of("hash-map", "get", "get-in", "contains?", "find", "keys", "vals",
        "key", "val", "select-keys", "assoc", "assoc-in", "update", "update-in", "dissoc", "merge", "merge-with",
        "zipmap", "map?", "reduce-kv", "group-by", "frequencies");

    private HelpBuiltins() {
    }

    /** The area a global belongs to. */
    public static String area(String name) {
        if (name.startsWith("string/") || name.equals("str") || name.equals("subs") || name.equals("format")) {
            return "strings";
        }
        if (MAPS.contains(name)) {
            return "maps";
        }
        if (name.startsWith("dht/")) {
            return "dht";
        }
        if (name.startsWith("crypto/") || name.equals("whoami")) {
            return "crypto";
        }
        if (name.startsWith("sandbox/")) {
            return "sandbox";
        }
        if (name.startsWith("json/")) {
            return "json";
        }
        return "core";
    }

    /** The argument lists of a function or macro, "([m ks] [m ks not-found])"; null for other values. */
    public static String arglists(String name, Object value) {
        if (value instanceof Closure c) {
            return c.arglists();
        }
        if (value instanceof Macro m) {
            return m.arglists();
        }
        if (value instanceof Builtin b) {
            return builtinArglists(name, b);
        }
        return null;
    }

    /**
     * A built-in's argument lists: its line in logos/arglists.txt; for a built-in the table lacks, the calls
     * its docstring opens with, "(name a b) (name a b c) ...", when it does; otherwise generic names.
     */
    private static String builtinArglists(String name, Builtin b) {
        List<String> known = ArgLists.of(name);
        if (known != null) {
            return "(" + String.join(" ", known) + ")";
        }
        String doc = b.doc() == null ? "" : b.doc();
        List<String> lists = new ArrayList<>();
        int at = 0;
        while (doc.startsWith("(" + name, at) && (doc.length() > at + name.length() + 1)
            && (doc.charAt(at + name.length() + 1) == ' ' || doc.charAt(at + name.length() + 1) == ')')) {
            int close = doc.indexOf(')', at);
            lists.add("[" + doc.substring(at + name.length() + 1, close).strip() + "]");
            at = close + 1;
            while (at < doc.length() && doc.charAt(at) == ' ') {
                at++;
            }
        }
        if (lists.isEmpty()) {
            String[] names = {"x", "y", "z", "w"};
            int max = b.maxArgs() == Builtin.VARIADIC ? b.minArgs() : b.maxArgs();
            for (int n = b.minArgs(); n <= max; n++) {
                StringBuilder params = new StringBuilder("[");
                for (int i = 0; i < n; i++) {
                    params.append(i > 0 ? " " : "").append(i < names.length ? names[i] : "x" + (i + 1));
                }
                if (n == max && b.maxArgs() == Builtin.VARIADIC) {
                    params.append(n > 0 ? " " : "").append("& more");
                }
                lists.add(params.append(']').toString());
            }
        }
        return "(" + String.join(" ", lists) + ")";
    }

    /** Binds help, apropos and dir*. */
    public static void install(Interp interp) {
        Library lib = new Library(interp);
        Globals globals = interp.globals();
        lib.def("help", "(help) how to start and the areas of built-ins; (help :area) the built-ins of one area "
            + "(" + String.join(", ", AREAS) + ") with their docs.", 0, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    PrintStream out = interp.output();
                    if (args.length == 0) {
                        out.print(overview(globals));
                    } else {
                        out.print(area(globals, args[0]));
                    }
                    return null;
                }
            });
        lib.def("apropos", "(apropos \"str\") the names of the globals that contain str, sorted.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                String part = Args.string("apropos", args[0]).toLowerCase(Locale.ROOT);
                List<Object> out = new ArrayList<>();
                for (String name : globals.bound().keySet()) {
                    if (name.toLowerCase(Locale.ROOT).contains(part)) {
                        out.add(Symbol.of(name));
                    }
                }
                return LList.from(out);
            }
        });
        lib.def("dir*", "(dir* 'string) prints the names that start with string/, one a line; the dir macro calls "
            + "this.", 1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    String prefix = (args[0] instanceof Symbol s ? s.name() : Args.string("dir*", args[0])) + "/";
                    int found = 0;
                    for (String name : globals.bound().keySet()) {
                        if (name.startsWith(prefix)) {
                            interp.output().println(name);
                            found++;
                        }
                    }
                    if (found == 0) {
                        throw new LogosError("No names start with " + prefix + "; try (help) for the areas");
                    }
                    return null;
                }
            });
    }

    /** Every area with the names in it, after a few lines on how to start. */
    public static String overview(Globals globals) {
        StringBuilder out = new StringBuilder();
        out.append("Logos: type a form and press Enter; it is evaluated and its value printed.\n")
            .append("  (doc name)        what a function does and its arguments\n")
            .append("  (apropos \"str\")   names containing str;  (dir string)  names in string/\n")
            .append("  (help :dht)       one area with docs;    Tab completes names, Ctrl-C interrupts, "
                + "Ctrl-D leaves\n")
            .append("Built-ins by area:\n");
        Map<String, List<String>> byArea = byArea(globals);
        for (Map.Entry<String, List<String>> e : byArea.entrySet()) {
            out.append(wrap("  " + e.getKey() + " (" + e.getValue().size() + "): ", e.getValue()));
        }
        return out.toString();
    }

    private static Map<String, List<String>> byArea(Globals globals) {
        Map<String, List<String>> byArea = new LinkedHashMap<>();
        for (String area : AREAS) {
            byArea.put(area, new ArrayList<>());
        }
        for (Map.Entry<String, Object> e : globals.bound().entrySet()) {
            if (e.getValue() instanceof Builtin || e.getValue() instanceof Macro || e.getValue() instanceof Closure) {
                byArea.get(area(e.getKey())).add(e.getKey());
            }
        }
        byArea.values().removeIf(List::isEmpty);
        return byArea;
    }

    private static String area(Globals globals, Object which) {
        String area = which instanceof Keyword k ? k.name() : Args.string("help", which);
        List<String> names = byArea(globals).get(area);
        if (names == null) {
            throw new LogosError("help: no area " + Printer.print(which, true) + "; the areas are "
                + String.join(", ", AREAS));
        }
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            Globals.Cell cell = globals.find(Symbol.of(name));
            String doc = cell.doc() == null ? "" : cell.doc();
            String first = doc.contains(". ") ? doc.substring(0, doc.indexOf(". ") + 1) : doc;
            out.append(name).append(' ').append(arglists(name, cell.get())).append("\n    ").append(first)
                .append('\n');
        }
        return out.toString();
    }

    private static String wrap(String head, List<String> names) {
        StringBuilder out = new StringBuilder(head);
        int column = head.length();
        for (String name : names) {
            if (column + name.length() + 1 > 100) {
                out.append("\n     ");
                column = 5;
            }
            out.append(name).append(' ');
            column += name.length() + 1;
        }
        return out.append('\n').toString();
    }
}
