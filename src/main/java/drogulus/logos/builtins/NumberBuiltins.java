package drogulus.logos.builtins;

/** Built-ins (being written). */
final class NumberBuiltins {
    private NumberBuiltins() {
    }

    static void install(Library lib) {
    }
}
