package drogulus.logos.builtins;

/** Built-ins (being written). */
final class SeqBuiltins {
    private SeqBuiltins() {
    }

    static void install(Library lib) {
    }
}
