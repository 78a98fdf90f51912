package drogulus.logos.builtins;

/** Built-ins (being written). */
final class StringBuiltins {
    private StringBuiltins() {
    }

    static void install(Library lib) {
    }
}
