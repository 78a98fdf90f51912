package drogulus.logos.data;

/** A Logos keyword such as {@code :name}; interned like symbols. The name excludes the colon. */
public final class Keyword {
    private static final Interner<Keyword> TABLE = new Interner<>(Keyword::new);

    private final String name;
    /**
     * From the name alone, so that maps keyed by keywords iterate in the same order in every run and on every
     * peer; salted so that a keyword and the string of its name rarely collide.
     */
    private final int hash;

    private Keyword(String name) {
        this.name = name;
        this.hash = name.hashCode() * 31 + 0x3c6ef372;
    }

    /** The one keyword with this name (given without the leading colon). */
    public static Keyword of(String name) {
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
        return ":" + name;
    }
}
