package drogulus.logos.builtins;

import drogulus.logos.Interp;

/** Installs every built-in a sandbox may have: the pure language, without files, processes or the network. */
public final class CoreLibrary {
    private CoreLibrary() {
    }

    /** The built-ins safe for untrusted code. */
    public static void installSafe(Interp interp) {
        Library lib = new Library(interp);
        NumberBuiltins.install(lib);
        PredicateBuiltins.install(lib);
        SeqBuiltins.install(lib);
        MapBuiltins.install(lib);
        StringBuiltins.install(lib);
        MetaBuiltins.install(lib);
        OutputBuiltins.install(lib);
    }

    /** The privileged built-ins: reading and writing files, loading code from disk, leaving the process. */
    public static void installPrivileged(Interp interp) {
        FileBuiltins.install(new Library(interp));
    }
}
