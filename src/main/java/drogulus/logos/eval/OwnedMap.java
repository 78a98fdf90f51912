package drogulus.logos.eval;

import drogulus.logos.data.LMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loop's or a reduce's map while only it can see it (see {@link LoopOwnership}, {@link AccumulatorOwnership}):
 * the map it started from and, in a mutable hash table, the entries bound since. Never a Logos value: the loop or
 * reduce turns it back into an {@link LMap} before anything else can read it; a table that got out by mistake
 * would not pass for a map (built-ins reject it as one), rather than be seen changing. A table is used rather than the
 * trie because repeated binding is then a hash probe instead of a walk through several levels of scattered nodes.
 */
final class OwnedMap {
    private final LMap base;
    /** In the order keys were first bound, so that a small result lists its keys as a persistent one would. */
    private final LinkedHashMap<Object, Object> changes = new LinkedHashMap<>();

    OwnedMap(LMap base) {
        this.base = base;
    }

    /** The value bound to key now, or nil. */
    Object get(Object key) {
        return get(key, null);
    }

    /** The value bound to key now, or notFound. */
    Object get(Object key, Object notFound) {
        Object value = changes.get(key);
        return value != null || changes.containsKey(key) ? value : base.get(key, notFound);
    }

    void put(Object key, Object value) {
        changes.put(key, value);
    }

    /** The map as persistent assoc would have made it. */
    LMap freeze() {
        LMap result = base;
        Object owner = new Object();
        for (Map.Entry<Object, Object> entry : changes.entrySet()) {
            result = result.assocOwned(entry.getKey(), entry.getValue(), owner);
        }
        return result;
    }
}
