package drogulus.logos.builtins;

import drogulus.logos.data.LogosError;
import drogulus.logos.eval.Budget;
import drogulus.logos.eval.Globals;
import drogulus.logos.eval.Interp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Installs every built-in a sandbox may have: the pure language, without files, processes or the network. */
public final class CoreLibrary {
    private CoreLibrary() {
    }

    /** The built-ins safe for untrusted code. */
    public static void installSafe(Interp interp) {
        Library lib = new Library(interp);
        NumberBuiltins.install(lib);
        ComparisonBuiltins.install(lib);
        PredicateBuiltins.install(lib);
        SeqBuiltins.install(lib);
        MapBuiltins.install(lib);
        StringBuiltins.install(lib);
        MetaBuiltins.install(lib);
        OutputBuiltins.install(lib);
        NamespaceBuiltins.installSafe(lib);
        ValueBuiltins.install(lib);
        SortedByBuiltins.install(lib);
    }

    /** An interpreter with full rights: every built-in and the Logos standard library. */
    public static Interp standard() {
        return standard(Budget.unlimited());
    }

    /** {@link #standard()} running under the given budget. */
    public static Interp standard(Budget budget) {
        Interp interp = new Interp(new Globals(), budget);
        installSafe(interp);
        installPrivileged(interp);
        loadCore(interp);
        return interp;
    }

    /**
     * Makes core.logos's definitions available, each evaluated the first time code names it: loading them all
     * was a third of every start-up (bench/README.md, "Start-up").
     */
    public static void loadCore(Interp interp) {
        interp.defineLazily(librarySource(CORE, System.getProperty(LIBRARY_DIRECTORY)), "lib-logos/" + CORE);
    }

    /**
     * The system property naming the lib-logos/ directory of the source tree the jar was built from; the
     * launcher sets it. Reading the library from there rather than from the jar saves opening the jar's
     * 13,000 entries, ~12 ms of every start (bench/README.md, "Start-up").
     */
    static final String LIBRARY_DIRECTORY = "drogulus.libDir";
    private static final String CORE = "core.logos";

    /** Evaluates one file of lib-logos/, which the jar carries as a resource. */
    public static void loadLibrary(Interp interp, String name) {
        interp.evalString(librarySource(name, System.getProperty(LIBRARY_DIRECTORY)), "lib-logos/" + name);
    }

    /** The text of a library: from {@code directory} if it is given and holds the file, else from the jar. */
    static String librarySource(String name, String directory) {
        if (directory != null) {
            Path file = Path.of(directory, name);
            if (Files.isRegularFile(file)) {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new LogosError("Can't read library " + file + ": " + e.getMessage());
                }
            }
        }
        String resource = "/lib-logos/" + name;
        try (InputStream in = CoreLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new LogosError("Missing library " + resource + " in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LogosError("Can't read library " + resource + ": " + e.getMessage());
        }
    }

    /**
     * The privileged built-ins: reading and writing files, loading code from disk, standard input, the
     * environment, leaving the process.
     */
    public static void installPrivileged(Interp interp) {
        FileBuiltins.install(new Library(interp));
        ScriptBuiltins.install(new Library(interp));
        NamespaceBuiltins.installPrivileged(new Library(interp));
        HelpBuiltins.install(interp);
    }
}
