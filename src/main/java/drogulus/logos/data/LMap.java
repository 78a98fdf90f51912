package drogulus.logos.data;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An immutable map. Two maps are equal when they hold equal keys bound to equal values, in any order.
 *
 * <p>Maps of up to {@value #FLAT_LIMIT} entries are flat and iterate in insertion order, so a small map prints the
 * way it was written: the first {@value #INLINE} entries in the map's own fields, the rest in an array. Larger ones
 * are a hash array mapped trie (O(log32 n) get, assoc and dissoc, sharing structure between versions) and iterate
 * in an order fixed by the keys' hashes.
 *
 * <p>A sorted map ({@link #sorted}) stays one flat array of any size, kept in its comparator's order and searched
 * by halving: O(log n) get, O(n) assoc, which suits the modest maps scripts sort.
 */
public final class LMap implements Iterable<Map.Entry<Object, Object>> {
    static final int FLAT_LIMIT = 8;
    /** How many of a flat map's entries its own fields hold; the rest follow in an array. */
    static final int INLINE = 3;
    private static final Object NOT_FOUND = new Object();

    public static final LMap EMPTY = new LMap(null, null, null, null, null, null, null, 0);

    // The first INLINE entries of a flat (small, insertion-ordered) hash map, in order; null where unused. In the
    // map's own fields rather than an array, so that a record of three keys is one object of 48 bytes instead of
    // two of 72: programs hold many such records, and a young collection copies each of them (bench/README.md).
    final Object k0;
    final Object v0;
    final Object k1;
    final Object v1;
    final Object k2;
    final Object v2;
    /**
     * What else there is: null for a flat map of at most INLINE entries; an Object[] of a flat map's later entries
     * (each key followed by its value); the {@link HashNode} trie of a map grown past FLAT_LIMIT; or a
     * {@link SortedPairs} for a sorted map. One field for all four keeps the small map's object at 48 bytes.
     */
    final Object more;
    private final int count;
    /** The hash once computed; 0 until then. */
    private int hash;

    @SuppressWarnings("checkstyle:ParameterNumber")
    LMap(Object k0, Object v0, Object k1, Object v1, Object k2, Object v2, Object more, int count) {
        this.k0 = k0;
        this.v0 = v0;
        this.k1 = k1;
        this.v1 = v1;
        this.k2 = k2;
        this.v2 = v2;
        this.more = more;
        this.count = count;
    }

    private static LMap ofRoot(HashNode root, int count) {
        return new LMap(null, null, null, null, null, null, root, count);
    }

    private static LMap ofSorted(SortedPairs sorted) {
        return new LMap(null, null, null, null, null, null, sorted, sorted.count());
    }

    /** A hash map of the first n entries of keys and values, built at once; of equal keys, the last wins. */
    static LMap ofAll(Object[] keys, Object[] values, int n) {
        HashBulk.Result result = HashBulk.build(keys, values, n);
        return result.count() == 0 ? EMPTY : ofRoot(result.root(), result.count());
    }

    /**
     * The map of a literal whose keys are known to be distinct: keys at the even indices of pairs, each followed by
     * its value, as successive assocs in that order would make it. The map does not keep pairs.
     */
    public static LMap ofDistinctPairs(Object[] pairs) {
        int n = pairs.length / 2;
        if (n <= FLAT_LIMIT) {
            return n == 0 ? EMPTY : FlatMap.of(pairs, pairs.length);
        }
        LMap map = EMPTY;
        for (int i = 0; i < pairs.length; i += 2) {
            map = map.assoc(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** The map of a literal of one entry: {@link #ofDistinctPairs} without the array, for compiled code. */
    public static LMap ofDistinct(Object k0, Object v0) {
        return new LMap(k0, v0, null, null, null, null, null, 1);
    }

    /** The map of a literal of two entries with distinct keys, as {@link #ofDistinct(Object, Object)}. */
    public static LMap ofDistinct(Object k0, Object v0, Object k1, Object v1) {
        return new LMap(k0, v0, k1, v1, null, null, null, 2);
    }

    /** The map of a literal of three entries with distinct keys, as {@link #ofDistinct(Object, Object)}. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public static LMap ofDistinct(Object k0, Object v0, Object k1, Object v1, Object k2, Object v2) {
        return new LMap(k0, v0, k1, v1, k2, v2, null, 3);
    }

    /** A hash map of a trie holding count entries, more than {@link #FLAT_LIMIT}. */
    static LMap ofTrie(HashNode root, int count) {
        return ofRoot(root, count);
    }

    /** The hash trie behind a large hash map; null for a small (flat) or sorted one. */
    HashNode trie() {
        return more instanceof HashNode root ? root : null;
    }

    /** An empty map that keeps its keys in the given order. */
    public static LMap sorted(Comparator<Object> order) {
        return ofSorted(new SortedPairs(order, new Object[0]));
    }

    public boolean isSorted() {
        return more instanceof SortedPairs;
    }

    /** An empty map of the same kind: sorted the same way for a sorted map. */
    public LMap emptyLike() {
        return more instanceof SortedPairs sorted ? sorted(sorted.order) : EMPTY;
    }

    /** A map of alternating keys and values; a later key replaces an earlier equal one. */
    public static LMap of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a map needs an even number of forms");
        }
        Builder builder = new Builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public boolean containsKey(Object key) {
        return get(key, NOT_FOUND) != NOT_FOUND;
    }

    /** The value bound to key, or nil. */
    public Object get(Object key) {
        return get(key, null);
    }

    public Object get(Object key, Object notFound) {
        Object m = more;
        if (m == null || m instanceof Object[]) {
            int i = FlatMap.index(this, key);
            return i < 0 ? notFound : FlatMap.valueAt(this, i);
        }
        if (m instanceof SortedPairs sorted) {
            return sorted.get(key, notFound);
        }
        return ((HashNode) m).find(key, HashNode.hash(key), 0, notFound);
    }

    public LMap assoc(Object key, Object value) {
        Object m = more;
        if (m == null || m instanceof Object[]) {
            return FlatMap.assoc(this, key, value);
        }
        if (m instanceof SortedPairs sorted) {
            SortedPairs changed = sorted.assoc(key, value);
            return changed == sorted ? this : ofSorted(changed);
        }
        HashNode root = (HashNode) m;
        HashEdit edit = new HashEdit(null);
        HashNode changed = root.assoc(key, HashNode.hash(key), value, 0, edit);
        return changed == root ? this : ofRoot(changed, count + edit.sizeChange());
    }

    /**
     * This map with key bound to what change makes of its value (nil when absent), as {@code assoc} of
     * {@code (change (get m key))} would make it; a hash trie is walked to the key once rather than twice.
     */
    public LMap update(Object key, java.util.function.UnaryOperator<Object> change) {
        if (!(more instanceof HashNode root)) {
            return assoc(key, change.apply(get(key)));
        }
        HashEdit edit = new HashEdit(null);
        HashNode changed = root.update(key, HashNode.hash(key), change, 0, edit);
        return changed == root ? this : ofRoot(changed, count + edit.sizeChange());
    }

    /**
     * Like {@link #assoc}, but changes in place the trie nodes that {@code owner} made, so that a run of assocs
     * by one owner copies each node once. Only for building a map nothing else has seen yet (OwnedMap); nodes
     * made by anyone else are copied as usual, so the map it starts from never changes.
     */
    public LMap assocOwned(Object key, Object value, Object owner) {
        if (!(more instanceof HashNode root)) {
            if (!isFlat() || count < FLAT_LIMIT || FlatMap.index(this, key) >= 0) {
                return assoc(key, value);
            }
            HashEdit edit = new HashEdit(owner);
            HashNode trie = FlatMap.toTrie(this, owner).assoc(key, HashNode.hash(key), value, 0, edit);
            return ofRoot(trie, count + 1);
        }
        HashEdit edit = new HashEdit(owner);
        HashNode changed = root.assoc(key, HashNode.hash(key), value, 0, edit);
        return ofRoot(changed, count + edit.sizeChange());
    }

    public LMap dissoc(Object key) {
        Object m = more;
        if (m instanceof HashNode root) {
            HashEdit edit = new HashEdit(null);
            HashNode changed = root.dissoc(key, HashNode.hash(key), 0, edit);
            if (edit.sizeChange() == 0) {
                return this;
            }
            return count == 1 ? EMPTY : ofRoot(changed, count - 1);
        }
        if (m instanceof SortedPairs sorted) {
            SortedPairs changed = sorted.dissoc(key);
            return changed == sorted ? this : ofSorted(changed);
        }
        return FlatMap.dissoc(this, key);
    }

    /** Whether this is a flat (small, insertion-ordered) hash map. */
    private boolean isFlat() {
        Object m = more;
        return m == null || m instanceof Object[];
    }

    /** The keys, in iteration order: a view that walks the map rather than a copy. */
    public List<Object> keys() {
        return new MapProjection(this, true);
    }

    /** The values, in iteration order: a view that walks the map rather than a copy. */
    public List<Object> vals() {
        return new MapProjection(this, false);
    }

    @Override
    public Iterator<Map.Entry<Object, Object>> iterator() {
        return new MapWalk<>(this) {
            @Override
            Map.Entry<Object, Object> current(Object key, Object value) {
                return new AbstractMap.SimpleImmutableEntry<>(key, value);
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof LMap && Sequential.equiv(this, other, new Meter()));
    }

    @Override
    public int hashCode() {
        int h = hash;
        return h != 0 ? h : hash(new Meter());
    }

    /** The hash, computed once (charging the walk's meter) and kept: a map never changes once others see it. */
    int hash(Meter meter) {
        int h = hash;
        if (h == 0) {
            h = Sequential.mapHash(this, meter);
            hash = h;
        }
        return h;
    }

    int cachedHash() {
        return hash;
    }

    @Override
    public String toString() {
        return Printer.print(this, true);
    }

    /**
     * Collects entries and makes the map from all of them at once when asked: a small map in insertion order, a
     * large one as a trie built node by node without copying. Not thread-safe. It may go on after
     * {@link #build()}, which leaves the maps it has built unchanged.
     */
    public static final class Builder {
        private LMap base;
        private Object[] keys = new Object[2 * FLAT_LIMIT];
        private Object[] values = new Object[2 * FLAT_LIMIT];
        private int pending;

        public Builder() {
            this(EMPTY);
        }

        /** A builder that goes on from the entries of start, which it leaves unchanged. */
        public Builder(LMap start) {
            base = start;
        }

        /** Binds key to value; a later put of an equal key wins. */
        public Builder put(Object key, Object value) {
            if (pending == keys.length) {
                keys = Arrays.copyOf(keys, 2 * pending);
                values = Arrays.copyOf(values, 2 * pending);
            }
            keys[pending] = key;
            values[pending] = value;
            pending++;
            return this;
        }

        /** The map of every entry put so far. */
        public LMap build() {
            LMap built = pending == 0 ? base : merge();
            base = built;
            Arrays.fill(keys, 0, pending, null);
            Arrays.fill(values, 0, pending, null);
            pending = 0;
            return built;
        }

        private LMap merge() {
            if (base.isSorted()) {
                LMap out = base;
                for (int i = 0; i < pending; i++) {
                    out = out.assoc(keys[i], values[i]);
                }
                return out;
            }
            if (base.more instanceof HashNode root) {
                HashNode trie = root;
                HashEdit edit = new HashEdit(new Object());
                for (int i = 0; i < pending; i++) {
                    trie = trie.assoc(keys[i], HashNode.hash(keys[i]), values[i], 0, edit);
                }
                return ofRoot(trie, base.count + edit.sizeChange());
            }
            return FlatMap.merge(base, keys, values, pending);
        }
    }
}
