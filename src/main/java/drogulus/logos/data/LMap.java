package drogulus.logos.data;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

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
    private final Object k0;
    private final Object v0;
    private final Object k1;
    private final Object v1;
    private final Object k2;
    private final Object v2;
    /**
     * What else there is: null for a flat map of at most INLINE entries; an Object[] of a flat map's later entries
     * (each key followed by its value); the {@link HashNode} trie of a map grown past FLAT_LIMIT; or a
     * {@link Sorted} for a sorted map. One field for all four keeps the small map's object at 48 bytes.
     */
    private final Object more;
    private final int count;
    /** The hash once computed; 0 until then. */
    private int hash;

    /** A sorted map's entries, keys at even indices in its order's order, each followed by its value. */
    private static final class Sorted {
        final Comparator<Object> order;
        final Object[] pairs;

        Sorted(Comparator<Object> order, Object[] pairs) {
            this.order = order;
            this.pairs = pairs;
        }
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private LMap(Object k0, Object v0, Object k1, Object v1, Object k2, Object v2, Object more, int count) {
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

    private static LMap ofSorted(Comparator<Object> order, Object[] pairs) {
        return new LMap(null, null, null, null, null, null, new Sorted(order, pairs), pairs.length / 2);
    }

    /** The flat hash map of the first length slots of pairs (keys at even indices); pairs is not kept. */
    private static LMap ofFlat(Object[] pairs, int length) {
        int n = length / 2;
        Object[] rest = n > INLINE ? Arrays.copyOfRange(pairs, 2 * INLINE, length) : null;
        return new LMap(n > 0 ? pairs[0] : null, n > 0 ? pairs[1] : null, n > 1 ? pairs[2] : null,
                n > 1 ? pairs[3] : null, n > 2 ? pairs[4] : null, n > 2 ? pairs[5] : null, rest, n);
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
            return n == 0 ? EMPTY : ofFlat(pairs, pairs.length);
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
        return ofSorted(order, new Object[0]);
    }

    public boolean isSorted() {
        return more instanceof Sorted;
    }

    /** An empty map of the same kind: sorted the same way for a sorted map. */
    public LMap emptyLike() {
        return more instanceof Sorted sorted ? sorted(sorted.order) : EMPTY;
    }

    /** Index in pairs of key in a sorted map, or -(insertion index) - 1 counted in pairs slots. */
    private static int search(Sorted sorted, Object key) {
        Object[] pairs = sorted.pairs;
        int low = 0;
        int high = pairs.length / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = sorted.order.compare(pairs[2 * mid], key);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return 2 * mid;
            }
        }
        return -(2 * low) - 1;
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

    private static int indexOf(Object[] pairs, int length, Object key) {
        if (key instanceof Keyword) {
            // A keyword equals only itself (keywords are interned): identity suffices, with no call of equals.
            for (int i = 0; i < length; i += 2) {
                if (pairs[i] == key) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = 0; i < length; i += 2) {
            if (Objects.equals(pairs[i], key)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether this is a flat (small, insertion-ordered) hash map. */
    private boolean isFlat() {
        Object m = more;
        return m == null || m instanceof Object[];
    }

    /** The position among a flat map's entries of key, or -1. */
    private int flatIndex(Object key) {
        int n = count;
        if (key instanceof Keyword) {
            // Unused slots are null, which no keyword is.
            if (k0 == key) {
                return 0;
            }
            if (k1 == key) {
                return 1;
            }
            if (k2 == key) {
                return 2;
            }
        } else {
            if (n > 0 && Objects.equals(k0, key)) {
                return 0;
            }
            if (n > 1 && Objects.equals(k1, key)) {
                return 1;
            }
            if (n > 2 && Objects.equals(k2, key)) {
                return 2;
            }
        }
        if (n <= INLINE) {
            return -1;
        }
        Object[] rest = (Object[]) more;
        int at = indexOf(rest, rest.length, key);
        return at < 0 ? -1 : INLINE + at / 2;
    }

    /** The key of a flat map's entry i. */
    private Object keyAt(int i) {
        if (i == 0) {
            return k0;
        }
        if (i == 1) {
            return k1;
        }
        if (i == 2) {
            return k2;
        }
        return ((Object[]) more)[2 * (i - INLINE)];
    }

    /** The value of a flat map's entry i. */
    private Object valueAt(int i) {
        if (i == 0) {
            return v0;
        }
        if (i == 1) {
            return v1;
        }
        if (i == 2) {
            return v2;
        }
        return ((Object[]) more)[2 * (i - INLINE) + 1];
    }

    /** A flat map's entries into pairs from index 0, each key followed by its value; returns the length filled. */
    private int flatInto(Object[] pairs) {
        for (int i = 0; i < count; i++) {
            pairs[2 * i] = keyAt(i);
            pairs[2 * i + 1] = valueAt(i);
        }
        return 2 * count;
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
            int i = flatIndex(key);
            return i < 0 ? notFound : valueAt(i);
        }
        if (m instanceof Sorted sorted) {
            int at = search(sorted, key);
            return at < 0 ? notFound : sorted.pairs[at + 1];
        }
        return ((HashNode) m).find(key, HashNode.hash(key), 0, notFound);
    }

    public LMap assoc(Object key, Object value) {
        Object m = more;
        if (m == null || m instanceof Object[]) {
            return assocFlat(key, value);
        }
        if (m instanceof Sorted sorted) {
            return assocSorted(sorted, key, value);
        }
        HashNode root = (HashNode) m;
        HashEdit edit = new HashEdit(null);
        HashNode changed = root.assoc(key, HashNode.hash(key), value, 0, edit);
        return changed == root ? this : ofRoot(changed, count + edit.sizeChange());
    }

    private LMap assocFlat(Object key, Object value) {
        int i = flatIndex(key);
        if (i >= 0) {
            return valueAt(i) == value ? this : withValueAt(i, value);
        }
        if (count < FLAT_LIMIT) {
            return withAdded(key, value);
        }
        return ofRoot(toTrie(new Object()).assoc(key, HashNode.hash(key), value, 0, new HashEdit(null)), count + 1);
    }

    /** This flat map with entry i's value replaced. */
    private LMap withValueAt(int i, Object value) {
        if (i == 0) {
            return new LMap(k0, value, k1, v1, k2, v2, more, count);
        }
        if (i == 1) {
            return new LMap(k0, v0, k1, value, k2, v2, more, count);
        }
        if (i == 2) {
            return new LMap(k0, v0, k1, v1, k2, value, more, count);
        }
        Object[] rest = ((Object[]) more).clone();
        rest[2 * (i - INLINE) + 1] = value;
        return new LMap(k0, v0, k1, v1, k2, v2, rest, count);
    }

    /** This flat map, of fewer than FLAT_LIMIT entries, with a new last entry. */
    private LMap withAdded(Object key, Object value) {
        if (count == 0) {
            return new LMap(key, value, null, null, null, null, null, 1);
        }
        if (count == 1) {
            return new LMap(k0, v0, key, value, null, null, null, 2);
        }
        if (count == 2) {
            return new LMap(k0, v0, k1, v1, key, value, null, 3);
        }
        Object[] rest = more == null ? new Object[2] : Arrays.copyOf((Object[]) more, ((Object[]) more).length + 2);
        rest[rest.length - 2] = key;
        rest[rest.length - 1] = value;
        return new LMap(k0, v0, k1, v1, k2, v2, rest, count + 1);
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

    private LMap assocSorted(Sorted sorted, Object key, Object value) {
        Object[] pairs = sorted.pairs;
        int at = search(sorted, key);
        if (at >= 0) {
            if (pairs[at + 1] == value) {
                return this;
            }
            Object[] copy = pairs.clone();
            copy[at + 1] = value;
            return ofSorted(sorted.order, copy);
        }
        int insert = -at - 1;
        Object[] grown = new Object[pairs.length + 2];
        System.arraycopy(pairs, 0, grown, 0, insert);
        grown[insert] = key;
        grown[insert + 1] = value;
        System.arraycopy(pairs, insert, grown, insert + 2, pairs.length - insert);
        return ofSorted(sorted.order, grown);
    }

    /**
     * Like {@link #assoc}, but changes in place the trie nodes that {@code owner} made, so that a run of assocs
     * by one owner copies each node once. Only for building a map nothing else has seen yet (OwnedMap); nodes
     * made by anyone else are copied as usual, so the map it starts from never changes.
     */
    public LMap assocOwned(Object key, Object value, Object owner) {
        if (!(more instanceof HashNode root)) {
            if (!isFlat() || count < FLAT_LIMIT || flatIndex(key) >= 0) {
                return assoc(key, value);
            }
            HashEdit edit = new HashEdit(owner);
            HashNode trie = toTrie(owner).assoc(key, HashNode.hash(key), value, 0, edit);
            return ofRoot(trie, count + 1);
        }
        HashEdit edit = new HashEdit(owner);
        HashNode changed = root.assoc(key, HashNode.hash(key), value, 0, edit);
        return ofRoot(changed, count + edit.sizeChange());
    }

    /** A trie of a flat map's entries, whose nodes belong to owner. */
    private HashNode toTrie(Object owner) {
        HashNode trie = HashBitmapNode.EMPTY;
        HashEdit edit = new HashEdit(owner);
        for (int i = 0; i < count; i++) {
            Object key = keyAt(i);
            trie = trie.assoc(key, HashNode.hash(key), valueAt(i), 0, edit);
        }
        return trie;
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
        if (m instanceof Sorted sorted) {
            int at = search(sorted, key);
            if (at < 0) {
                return this;
            }
            Object[] pairs = sorted.pairs;
            Object[] shrunk = new Object[pairs.length - 2];
            System.arraycopy(pairs, 0, shrunk, 0, at);
            System.arraycopy(pairs, at + 2, shrunk, at, pairs.length - at - 2);
            return ofSorted(sorted.order, shrunk);
        }
        int i = flatIndex(key);
        if (i < 0) {
            return this;
        }
        if (count == 1) {
            return EMPTY;
        }
        Object[] pairs = new Object[2 * count];
        int length = flatInto(pairs);
        System.arraycopy(pairs, 2 * i + 2, pairs, 2 * i, length - 2 * i - 2);
        return ofFlat(pairs, length - 2);
    }

    /** The keys, in iteration order: a view that walks the map rather than a copy. */
    public List<Object> keys() {
        return new Projection(this, true);
    }

    /** The values, in iteration order: a view that walks the map rather than a copy. */
    public List<Object> vals() {
        return new Projection(this, false);
    }

    @Override
    public Iterator<Map.Entry<Object, Object>> iterator() {
        return new Walk<>(this) {
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

    /** Iterates a map of either shape, making one item per entry. */
    private abstract static class Walk<T> implements Iterator<T> {
        private final LMap map;
        private final HashCursor cursor;
        private final Object[] sortedPairs;
        private int served;

        Walk(LMap map) {
            this.map = map;
            HashNode root = map.trie();
            this.cursor = root == null ? null : new HashCursor(root);
            this.sortedPairs = map.more instanceof Sorted sorted ? sorted.pairs : null;
        }

        abstract T current(Object key, Object value);

        @Override
        public boolean hasNext() {
            return served < map.count;
        }

        @Override
        public T next() {
            if (served >= map.count) {
                throw new NoSuchElementException();
            }
            int i = served++;
            if (cursor != null) {
                cursor.advance();
                return current(cursor.key(), cursor.value());
            }
            if (sortedPairs != null) {
                return current(sortedPairs[2 * i], sortedPairs[2 * i + 1]);
            }
            return current(map.keyAt(i), map.valueAt(i));
        }
    }

    /** The keys or the values of a map as a list that walks the map; indexing copies them out once. */
    private static final class Projection extends AbstractList<Object> {
        private final LMap map;
        private final boolean keys;
        // Filled on the first indexed access only, since most callers just iterate.
        private Object[] items;

        Projection(LMap map, boolean keys) {
            this.map = map;
            this.keys = keys;
        }

        @Override
        public int size() {
            return map.count;
        }

        @Override
        public Object get(int index) {
            Objects.checkIndex(index, map.count);
            if (items == null) {
                Object[] out = new Object[map.count];
                int i = 0;
                for (Object item : this) {
                    out[i++] = item;
                }
                items = out;
            }
            return items[index];
        }

        @Override
        public Iterator<Object> iterator() {
            return new Walk<>(map) {
                @Override
                Object current(Object key, Object value) {
                    return keys ? key : value;
                }
            };
        }
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
                    out = out.assocSorted((Sorted) out.more, keys[i], values[i]);
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
            Object[] flat = new Object[2 * FLAT_LIMIT + 2];
            int length = base.flatInto(flat);
            for (int i = 0; i < pending; i++) {
                int at = indexOf(flat, length, keys[i]);
                if (at >= 0) {
                    flat[at + 1] = values[i];
                } else if (length == 2 * FLAT_LIMIT) {
                    return allAtOnce(flat, length);
                } else {
                    flat[length] = keys[i];
                    flat[length + 1] = values[i];
                    length += 2;
                }
            }
            return length == 0 ? EMPTY : ofFlat(flat, length);
        }

        private LMap allAtOnce(Object[] flat, int flatLength) {
            int size = flatLength / 2 + pending;
            Object[] allKeys = new Object[size];
            Object[] allValues = new Object[size];
            for (int i = 0; i < flatLength / 2; i++) {
                allKeys[i] = flat[2 * i];
                allValues[i] = flat[2 * i + 1];
            }
            System.arraycopy(keys, 0, allKeys, flatLength / 2, pending);
            System.arraycopy(values, 0, allValues, flatLength / 2, pending);
            HashBulk.Result result = HashBulk.build(allKeys, allValues, size);
            return ofRoot(result.root(), result.count());
        }
    }
}
