package drogulus.logos.builtins;

/** Built-ins (being written). */
final class MapBuiltins {
    private MapBuiltins() {
    }

    static void install(Library lib) {
    }
}
