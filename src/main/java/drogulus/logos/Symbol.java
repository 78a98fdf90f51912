package drogulus.logos;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/** A Logos symbol. Symbols are interned, so two symbols are equal exactly when they are the same object. */
public final class Symbol {
    // Held weakly, so names made by a program (a sandboxed one, say) go away with it; a name still in use
    // keeps its one instance, which is what identity comparison needs.
    private static final Map<String, WeakReference<Symbol>> TABLE = new WeakHashMap<>();

    private final String name;

    private Symbol(String name) {
        this.name = name;
    }

    /** The one symbol with this name. */
    public static Symbol of(String name) {
        synchronized (TABLE) {
            WeakReference<Symbol> ref = TABLE.get(name);
            Symbol existing = ref == null ? null : ref.get();
            if (existing != null) {
                return existing;
            }
            Symbol made = new Symbol(name);
            TABLE.put(made.name, new WeakReference<>(made));
            return made;
        }
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
