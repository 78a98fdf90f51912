package drogulus.logos.data;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * One instance per name, for symbols and keywords, which are compared by identity. Held weakly, so names made
 * by a program (a sandboxed one, say) go away with it; a name still in use keeps its one instance.
 */
final class Interner<T> {
    private final Map<String, WeakReference<T>> table = new WeakHashMap<>();
    private final Function<String, T> make;

    /** {@code make} must keep the very String it is given, which is the table's weak key. */
    Interner(Function<String, T> make) {
        this.make = make;
    }

    synchronized T intern(String name) {
        WeakReference<T> ref = table.get(name);
        T existing = ref == null ? null : ref.get();
        if (existing != null) {
            return existing;
        }
        T made = make.apply(name);
        table.put(name, new WeakReference<>(made));
        return made;
    }
}
