package drogulus.logos.eval;

import drogulus.logos.data.LogosError;
import drogulus.logos.data.Symbol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Namespaces over one flat table of globals: {@code (def f ...)} in namespace {@code my.lib} defines the global
 * {@code my.lib/f}, so namespaces do not collide, and the built-ins keep their plain (or slash) names. The
 * default namespace {@code user} defines plain names, as Logos always has. Names are resolved once, when code
 * is analysed: {@code alias/f} through the current namespace's aliases, and a plain name to the current
 * namespace's global if it has one, else to the shared one (built-ins and the standard library).
 */
public final class Namespaces {
    public static final String USER = "user";

    private String current = USER;
    /** Namespace, alias, the namespace it stands for. */
    private final Map<String, Map<String, String>> aliases = new HashMap<>();
    /** Namespace, plain name, the qualified global it stands for ({@code :refer}). */
    private final Map<String, Map<String, Symbol>> refers = new HashMap<>();
    /** Namespaces some (ns ...) has entered. */
    private final Set<String> declared = new HashSet<>();
    /** Namespaces loaded by require, with the file each came from. */
    private final Map<String, Path> loaded = new HashMap<>();
    private final Set<String> loading = new HashSet<>();
    private boolean reloadingAll;
    private Path scriptDirectory = Path.of(".");

    public String current() {
        return current;
    }

    /** Makes {@code name} the current namespace, as {@code in-ns} and {@code ns} do. */
    public void enter(String name) {
        if (!name.equals(USER)) {
            checkName(name);
        }
        current = name;
        declared.add(name);
    }

    public boolean isDeclared(String name) {
        return declared.contains(name);
    }

    /** A namespace name made of dotted words, which maps to a file under a load-path directory. */
    public static void checkName(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*")) {
            throw new LogosError("Bad namespace name " + name + ": expected words of letters, digits, - and _ "
                + "joined by dots, such as my.lib");
        }
    }

    /** Lets {@code alias/f} in the current namespace stand for {@code target/f}. */
    public void alias(String alias, String target) {
        aliases.computeIfAbsent(current, k -> new HashMap<>()).put(alias, target);
    }

    /** Lets plain {@code name} in the current namespace stand for {@code target/name}. */
    public void refer(String target, String name) {
        refers.computeIfAbsent(current, k -> new HashMap<>()).put(name, Symbol.of(target + "/" + name));
    }

    /**
     * The global a {@code def} of {@code name} defines. A plain name the namespace referred from another now
     * means the namespace's own definition: Clojure refuses such a def, and ignoring it silently would be worse.
     */
    Symbol defined(Symbol name) {
        if (name.name().indexOf('/') < 0) {
            Map<String, Symbol> referred = refers.get(current);
            if (referred != null) {
                referred.remove(name.name());
            }
        }
        if (current.equals(USER) || name.name().indexOf('/') > 0) {
            return name;
        }
        return Symbol.of(current + "/" + name.name());
    }

    /** The global a reference to {@code symbol} means here; an error for a missing name of a loaded namespace. */
    Symbol resolve(Symbol symbol, Globals globals) {
        String name = symbol.name();
        int slash = name.indexOf('/');
        if (slash > 0 && slash < name.length() - 1) {
            String prefix = name.substring(0, slash);
            String local = name.substring(slash + 1);
            String target = aliasesOf(current).getOrDefault(prefix, prefix);
            if (target.equals(USER)) {
                return Symbol.of(local);
            }
            Symbol qualified = target.equals(prefix) ? symbol : Symbol.of(target + "/" + local);
            Path file = loaded.get(target);
            if (file != null && !target.equals(current)) {
                Globals.Cell cell = globals.find(qualified);
                if (cell == null || !cell.isBound()) {
                    throw new LogosError("No such var: " + qualified.name() + " (namespace " + target + ", loaded from "
                        + file + ", defines no " + local + ")");
                }
            }
            return qualified;
        }
        Symbol referred = refers.getOrDefault(current, Map.of()).get(name);
        if (referred != null) {
            return referred;
        }
        if (current.equals(USER) || slash >= 0) {
            return symbol;
        }
        Symbol own = Symbol.of(current + "/" + name);
        if (globals.find(own) != null) {
            return own;
        }
        Globals.Cell shared = globals.find(symbol);
        return shared != null && shared.isBound() ? symbol : own;
    }

    private Map<String, String> aliasesOf(String namespace) {
        return aliases.getOrDefault(namespace, Map.of());
    }

    /**
     * Every bound global by the names code in the current namespace can use for it: as defined, and through
     * each alias ({@code m/f} for {@code my.lib/f}). For the REPL's completion.
     */
    public Set<String> visibleNames(Globals globals) {
        Set<String> names = new java.util.TreeSet<>(globals.bound().keySet());
        for (Map.Entry<String, String> alias : aliasesOf(current).entrySet()) {
            String prefix = alias.getValue() + "/";
            for (String name : globals.bound().keySet()) {
                if (name.startsWith(prefix)) {
                    names.add(alias.getKey() + "/" + name.substring(prefix.length()));
                }
            }
        }
        return names;
    }

    /** The directory of the script being run: the first place require looks. */
    public void setScriptDirectory(Path directory) {
        scriptDirectory = directory;
    }

    /** Where require looks, in order: the script's directory, lib-logos/, then each directory of $LOGOS_PATH. */
    public List<Path> loadPath() {
        List<Path> path = new ArrayList<>();
        path.add(scriptDirectory);
        path.add(Path.of("lib-logos"));
        String env = System.getenv("LOGOS_PATH");
        if (env != null) {
            for (String entry : env.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator), -1)) {
                if (!entry.isBlank()) {
                    path.add(Path.of(entry));
                }
            }
        }
        return path;
    }

    /** Whether the file of namespace {@code name} is being loaded now (a reload of it then would loop). */
    public boolean isLoading(String name) {
        return loading.contains(name);
    }

    /** Whether a {@code (require ... :reload-all)} is loading files, so the requires they hold load again too. */
    public boolean reloadingAll() {
        return reloadingAll;
    }

    public void setReloadingAll(boolean on) {
        reloadingAll = on;
    }

    public boolean isLoaded(String name) {
        return loaded.containsKey(name);
    }

    /** Whether require must load the file: not loaded yet, and not made at the REPL by (ns name) alone. */
    public boolean needsLoading(String name) {
        return !loaded.containsKey(name) && (!declared.contains(name) || loading.contains(name));
    }

    /**
     * Runs {@code load} (which evaluates the file of namespace {@code name}) once, in a fresh {@code user}
     * namespace, then returns to the current one; errors name the namespace and file.
     */
    public void load(String name, Path file, Runnable load) {
        if (loading.contains(name)) {
            throw new LogosError("Circular require: namespace " + name + " (" + file + ") requires itself, "
                + "directly or through others");
        }
        String saved = current;
        loading.add(name);
        try {
            current = USER;
            load.run();
            if (!declared.contains(name)) {
                throw new LogosError(file + " was loaded for namespace " + name + " but does not declare it: "
                    + "start it with (ns " + name + ")");
            }
            loaded.put(name, file);
        } catch (LogosError e) {
            e.addFrame("loading namespace " + name + " from " + file);
            throw e;
        } finally {
            loading.remove(name);
            current = saved;
        }
    }

    /** Runs {@code body} in the user namespace, then returns to the namespace that was current before. */
    public void inUser(Runnable body) {
        String saved = current;
        try {
            current = USER;
            body.run();
        } finally {
            current = saved;
        }
    }

    /** Runs a file's forms and returns to the namespace that was current before. */
    public <T> T within(java.util.function.Supplier<T> body) {
        String saved = current;
        try {
            return body.get();
        } finally {
            current = saved;
        }
    }

    /** The namespaces loaded so far and their files, for messages and tests. */
    public Map<String, Path> loaded() {
        return new TreeMap<>(loaded);
    }
}
