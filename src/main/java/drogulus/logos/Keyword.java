package drogulus.logos;

/** A Logos keyword such as {@code :name}; interned like symbols. The name excludes the colon. */
public final class Keyword {
    private static final Interner<Keyword> TABLE = new Interner<>(Keyword::new);

    private final String name;

    private Keyword(String name) {
        this.name = name;
    }

    /** The one keyword with this name (given without the leading colon). */
    public static Keyword of(String name) {
        return TABLE.intern(name);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return ":" + name;
    }
}
