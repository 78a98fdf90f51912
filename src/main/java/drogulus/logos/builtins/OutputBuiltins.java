package drogulus.logos.builtins;

/** Built-ins (being written). */
final class OutputBuiltins {
    private OutputBuiltins() {
    }

    static void install(Library lib) {
    }
}
