package drogulus.logos.builtins;

/** Built-ins (being written). */
final class FileBuiltins {
    private FileBuiltins() {
    }

    static void install(Library lib) {
    }
}
