package drogulus.logos.builtins;

import drogulus.logos.data.Keyword;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Seqable;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Globals;
import drogulus.logos.eval.Interp;
import drogulus.logos.eval.Namespaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * in-ns (safe: it only names globals) and require (privileged: it reads files from the load path). Bodies are
 * anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class NamespaceBuiltins {
    private static final Keyword AS = Keyword.of("as");
    private static final Keyword REFER = Keyword.of("refer");
    private static final Keyword ALL = Keyword.of("all");
    private static final Keyword RELOAD = Keyword.of("reload");
    private static final Keyword RELOAD_ALL = Keyword.of("reload-all");
    private static final Keyword VERBOSE = Keyword.of("verbose");
    /** Clojure's library namespaces built into Logos, and the prefix of their names here. */
    private static final Map<String, String> CLOJURE_NAMES = Map.of(
        "clojure.core", Namespaces.USER,
        "clojure.string", "string",
        "clojure.set", "set",
        "clojure.math", "math");

    /** A library of lib-logos/ that require loads: its file, the namespace of its names, one name it defines. */
    private record Shipped(String file, String namespace, String marker) {
    }

    private static final Shipped TEST_LIBRARY = new Shipped("test.logos", Namespaces.USER, "deftest");
    private static final Shipped WALK_LIBRARY = new Shipped("walk.logos", "walk", "walk/postwalk");
    private static final Map<String, Shipped> SHIPPED = Map.of(
        "clojure.test", TEST_LIBRARY,
        "clojure.walk", WALK_LIBRARY,
        "walk", WALK_LIBRARY);

    private NamespaceBuiltins() {
    }

    static void installSafe(Library lib) {
        Namespaces namespaces = lib.interp().globals().namespaces();
        lib.def("in-ns", "Makes the namespace named by a symbol the current one: defs from here on define "
            + "name/..., and plain names find its globals first. (ns name) at the top of a file calls it.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    namespaces.enter(nameOf("in-ns", args[0]));
                    return args[0];
                }
            });
        lib.def("ns-name", "Returns the name of the current namespace as a symbol; user unless ns or in-ns "
            + "changed it.", 0, 0, new Body() {
                @Override public Object apply(Object[] args) {
                    return Symbol.of(namespaces.current());
                }
            });
    }

    static void installPrivileged(Library lib) {
        Interp interp = lib.interp();
        lib.def("require", "(require 'my.lib '[my.lib :as m] '[my.lib :refer [f g]] ...) loads each namespace "
            + "once from my/lib.logos on the load path (the script's directory, lib-logos/, then each directory "
            + "of $LOGOS_PATH), so my.lib/f works; :as makes m/f work too, :refer makes plain f (or :all) work. "
            + "A :reload flag among the arguments loads the files again; :reload-all also those they require.",
            1, Builtin.VARIADIC, new Body() {
                @Override public Object apply(Object[] args) {
                    boolean reload = false;
                    boolean reloadAll = false;
                    for (Object arg : args) {
                        reload |= RELOAD.equals(arg);
                        reloadAll |= RELOAD_ALL.equals(arg);
                    }
                    Namespaces namespaces = interp.globals().namespaces();
                    boolean wasReloadingAll = namespaces.reloadingAll();
                    namespaces.setReloadingAll(wasReloadingAll || reloadAll);
                    try {
                        for (Object spec : args) {
                            if (!RELOAD.equals(spec) && !RELOAD_ALL.equals(spec) && !VERBOSE.equals(spec)) {
                                require(interp, spec, reload || reloadAll || wasReloadingAll);
                            }
                        }
                    } finally {
                        namespaces.setReloadingAll(wasReloadingAll);
                    }
                    return null;
                }
            });
    }

    private static String nameOf(String fn, Object value) {
        if (value instanceof Symbol s) {
            return s.name();
        }
        throw new LogosError(fn + " expects a namespace name as a quoted symbol, such as 'my.lib, got "
            + Printer.describe(value));
    }

    private static void require(Interp interp, Object spec, boolean reload) {
        List<Object> parts = spec instanceof LVector v ? Seqable.toList("require", v)
            : java.util.Collections.singletonList(spec);
        if (parts.isEmpty()) {
            throw new LogosError("require expects a namespace or [namespace :as alias], got []");
        }
        String required = nameOf("require", parts.get(0));
        Namespaces.checkName(required);
        Namespaces namespaces = interp.globals().namespaces();
        String name = builtIn(interp, required);
        if (name != null && !name.equals(required)) {
            // (require 'clojure.string) makes clojure.string/join work, as it names string/join here.
            namespaces.alias(required, name);
        }
        if (name == null) {
            name = required;
            if (namespaces.needsLoading(name) || (reload && !namespaces.isLoading(name))) {
                Path file = find(namespaces, name);
                namespaces.load(name, file, () -> interp.evalString(Interp.readFile(file), file.toString()));
            }
        }
        if (parts.size() % 2 != 1) {
            throw new LogosError("require: options of " + name + " come in pairs such as :as m, got "
                + Printer.print(spec, true));
        }
        for (int i = 1; i < parts.size(); i += 2) {
            Object option = parts.get(i);
            Object value = parts.get(i + 1);
            if (AS.equals(option)) {
                namespaces.alias(nameOf("require :as", value), name);
            } else if (REFER.equals(option)) {
                refer(interp.globals(), namespaces, name, value);
            } else {
                throw new LogosError("require: unknown option " + Printer.print(option, true) + " for " + name
                    + " (expected :as or :refer)");
            }
        }
    }

    /**
     * The namespace a require of a library drogulus has built in stands for, or null for one read from a file.
     * Clojure's names work as a Clojure user writes them ({@code [clojure.string :as str]} makes {@code str/join}
     * mean {@code string/join}; clojure.test loads test.logos, whose names are plain), and so do the slash
     * families of the built-ins themselves ({@code [string :as s]}), which have no file to load.
     */
    private static String builtIn(Interp interp, String name) {
        Namespaces namespaces = interp.globals().namespaces();
        Shipped shipped = SHIPPED.get(name);
        if (shipped != null) {
            Globals.Cell marker = interp.globals().find(Symbol.of(shipped.marker()));
            if (marker == null || !marker.isBound()) {
                // Loaded in user, whatever namespace the require is written in: test.logos's names are plain.
                namespaces.inUser(() -> CoreLibrary.loadLibrary(interp, shipped.file()));
            }
            return shipped.namespace();
        }
        String target = CLOJURE_NAMES.get(name);
        if (target != null) {
            return target;
        }
        boolean family = name.indexOf('.') < 0 && namespaces.needsLoading(name) && !namespaces.isLoaded(name)
            && interp.globals().definesUnder(name + "/");
        return family ? name : null;
    }

    /** :refer of a namespace; one whose globals have plain names (clojure.test, clojure.core) needs only checking. */
    private static void refer(Globals globals, Namespaces namespaces, String name, Object names) {
        boolean plain = Namespaces.USER.equals(name);
        String prefix = plain ? "" : name + "/";
        if (ALL.equals(names)) {
            if (plain) {
                return;
            }
            for (String global : globals.bound().keySet()) {
                if (global.startsWith(prefix)) {
                    namespaces.refer(name, global.substring(prefix.length()));
                }
            }
        } else if (names instanceof LVector vector) {
            for (Object item : vector) {
                String local = nameOf("require :refer", item);
                Globals.Cell cell = globals.find(Symbol.of(prefix + local));
                if (cell == null || !cell.isBound()) {
                    throw new LogosError("require: " + (plain ? "there is" : name + " has") + " no " + local
                        + " to refer to");
                }
                if (!plain) {
                    namespaces.refer(name, local);
                }
            }
        } else {
            throw new LogosError("require: :refer expects a vector of names or :all, got " + Printer.describe(names));
        }
    }

    /** The file of a namespace: my.lib is my/lib.logos (or my_lib for my-lib) in the first load-path directory. */
    private static Path find(Namespaces namespaces, String name) {
        String relative = name.replace('.', '/') + ".logos";
        List<Path> path = namespaces.loadPath();
        for (Path directory : path) {
            for (String candidate : List.of(relative, relative.replace('-', '_'))) {
                Path file = directory.resolve(candidate);
                if (Files.isRegularFile(file)) {
                    return file;
                }
            }
        }
        throw new LogosError("Can't find namespace " + name + ": no " + relative + " in " + path
            + " (the load path: the script's directory, lib-logos/, then $LOGOS_PATH)");
    }
}
