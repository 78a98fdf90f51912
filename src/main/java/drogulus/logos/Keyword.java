package drogulus.logos;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/** A Logos keyword such as {@code :name}; interned like symbols. The name excludes the colon. */
public final class Keyword {
    // Held weakly, so names made by a program (a sandboxed one, say) go away with it; a name still in use
    // keeps its one instance, which is what identity comparison needs.
    private static final Map<String, WeakReference<Keyword>> TABLE = new WeakHashMap<>();

    private final String name;

    private Keyword(String name) {
        this.name = name;
    }

    /** The one keyword with this name (given without the leading colon). */
    public static Keyword of(String name) {
        synchronized (TABLE) {
            WeakReference<Keyword> ref = TABLE.get(name);
            Keyword existing = ref == null ? null : ref.get();
            if (existing != null) {
                return existing;
            }
            Keyword made = new Keyword(name);
            TABLE.put(made.name, new WeakReference<>(made));
            return made;
        }
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return ":" + name;
    }
}
