package drogulus.logos.builtins;

/** Built-ins (being written). */
final class MetaBuiltins {
    private MetaBuiltins() {
    }

    static void install(Library lib) {
    }
}
