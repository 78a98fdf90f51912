package drogulus.logos;

/** A Logos symbol. Symbols are interned, so two symbols are equal exactly when they are the same object. */
public final class Symbol {
    private static final Interner<Symbol> TABLE = new Interner<>(Symbol::new);

    private final String name;

    private Symbol(String name) {
        this.name = name;
    }

    /** The one symbol with this name. */
    public static Symbol of(String name) {
        return TABLE.intern(name);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
