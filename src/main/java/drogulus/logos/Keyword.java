package drogulus.logos;

import java.util.concurrent.ConcurrentHashMap;

/** A Logos keyword such as {@code :name}; interned like symbols. The name excludes the colon. */
public final class Keyword {
    private static final ConcurrentHashMap<String, Keyword> TABLE = new ConcurrentHashMap<>();

    private final String name;

    private Keyword(String name) {
        this.name = name;
    }

    /** The one keyword with this name (given without the leading colon). */
    public static Keyword of(String name) {
        return TABLE.computeIfAbsent(name, Keyword::new);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return ":" + name;
    }
}
