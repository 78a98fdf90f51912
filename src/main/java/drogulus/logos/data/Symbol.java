package drogulus.logos.data;

/** A Logos symbol. Symbols are interned, so two symbols are equal exactly when they are the same object. */
public final class Symbol {
    private static final Interner<Symbol> TABLE = new Interner<>(Symbol::new);

    private final String name;
    /**
     * From the name alone, so that maps keyed by symbols iterate in the same order in every run and on every
     * peer; salted so that a symbol and the string of its name rarely collide.
     */
    private final int hash;

    private Symbol(String name) {
        this.name = name;
        this.hash = name.hashCode() * 31 + 0x9e3779b9;
    }

    /** The one symbol with this name. */
    public static Symbol of(String name) {
        return TABLE.intern(name);
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return name;
    }
}
