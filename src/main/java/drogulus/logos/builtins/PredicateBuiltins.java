package drogulus.logos.builtins;

/** Built-ins (being written). */
final class PredicateBuiltins {
    private PredicateBuiltins() {
    }

    static void install(Library lib) {
    }
}
