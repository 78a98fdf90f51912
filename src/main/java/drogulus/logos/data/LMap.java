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
 * <p>Maps of up to {@value #FLAT_LIMIT} entries are a flat array and iterate in insertion order, so a small map
 * prints the way it was written. Larger ones are a hash array mapped trie (O(log32 n) get, assoc and dissoc,
 * sharing structure between versions) and iterate in an order fixed by the keys' hashes.
 *
 * <p>A sorted map ({@link #sorted}) stays one flat array of any size, kept in its comparator's order and searched
 * by halving: O(log n) get, O(n) assoc, which suits the modest maps scripts sort.
 */
public final class LMap implements Iterable<Map.Entry<Object, Object>> {
    static final int FLAT_LIMIT = 8;
    private static final Object NOT_FOUND = new Object();

    public static final LMap EMPTY = new LMap(new Object[0], null, 0);

    /** Keys at even indices, each followed by its value, while the map is small; otherwise null. */
    private final Object[] pairs;
    /** The trie once the map has grown past FLAT_LIMIT entries; otherwise null. */
    private final HashNode root;
    private final int count;
    /** The hash once computed; 0 until then. */
    private int hash;
    /** The order of a sorted map's keys; null for a hash map. */
    private final Comparator<Object> order;

    private LMap(Object[] pairs, HashNode root, int count) {
        this(pairs, root, count, null);
    }

    private LMap(Object[] pairs, HashNode root, int count, Comparator<Object> order) {
        this.pairs = pairs;
        this.root = root;
        this.count = count;
        this.order = order;
    }

    /** A hash map of the first n entries of keys and values, built at once; of equal keys, the last wins. */
    static LMap ofAll(Object[] keys, Object[] values, int n) {
        HashBulk.Result result = HashBulk.build(keys, values, n);
        return result.count() == 0 ? EMPTY : new LMap(null, result.root(), result.count());
    }

    /**
     * The map of a literal whose keys are known to be distinct: keys at the even indices of pairs, each followed by
     * its value, as successive assocs in that order would make it. A small one keeps pairs itself, so the caller must
     * not change it afterwards.
     */
    public static LMap ofDistinctPairs(Object[] pairs) {
        int n = pairs.length / 2;
        if (n <= FLAT_LIMIT) {
            return n == 0 ? EMPTY : new LMap(pairs, null, n);
        }
        LMap map = EMPTY;
        for (int i = 0; i < pairs.length; i += 2) {
            map = map.assoc(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A hash map of a trie holding count entries, more than {@link #FLAT_LIMIT}. */
    static LMap ofTrie(HashNode root, int count) {
        return new LMap(null, root, count);
    }

    /** The hash trie behind a large hash map; null for a small (flat) or sorted one. */
    HashNode trie() {
        return root;
    }

    /** An empty map that keeps its keys in the given order. */
    public static LMap sorted(Comparator<Object> order) {
        return new LMap(new Object[0], null, 0, order);
    }

    public boolean isSorted() {
        return order != null;
    }

    /** An empty map of the same kind: sorted the same way for a sorted map. */
    public LMap emptyLike() {
        return order == null ? EMPTY : sorted(order);
    }

    /** Index in pairs of key in a sorted map, or -(insertion index) - 1 counted in pairs slots. */
    private int search(Object key) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = order.compare(pairs[2 * mid], key);
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

    public boolean containsKey(Object key) {
        return get(key, NOT_FOUND) != NOT_FOUND;
    }

    /** The value bound to key, or nil. */
    public Object get(Object key) {
        return get(key, null);
    }

    public Object get(Object key, Object notFound) {
        if (root != null) {
            return root.find(key, HashNode.hash(key), 0, notFound);
        }
        if (order != null) {
            int at = count == 0 ? -1 : search(key);
            return at < 0 ? notFound : pairs[at + 1];
        }
        int i = indexOf(pairs, pairs.length, key);
        return i < 0 ? notFound : pairs[i + 1];
    }

    public LMap assoc(Object key, Object value) {
        if (root != null) {
            HashEdit edit = new HashEdit(null);
            HashNode changed = root.assoc(key, HashNode.hash(key), value, 0, edit);
            return changed == root ? this : new LMap(null, changed, count + edit.sizeChange());
        }
        if (order != null) {
            return assocSorted(key, value);
        }
        int i = indexOf(pairs, pairs.length, key);
        if (i >= 0) {
            if (pairs[i + 1] == value) {
                return this;
            }
            Object[] copy = pairs.clone();
            copy[i + 1] = value;
            return new LMap(copy, null, count);
        }
        if (count < FLAT_LIMIT) {
            Object[] grown = Arrays.copyOf(pairs, pairs.length + 2);
            grown[pairs.length] = key;
            grown[pairs.length + 1] = value;
            return new LMap(grown, null, count + 1);
        }
        return new LMap(null, toTrie(pairs, pairs.length, new Object()).assoc(key, HashNode.hash(key), value, 0,
                new HashEdit(null)), count + 1);
    }

    /**
     * This map with key bound to what change makes of its value (nil when absent), as {@code assoc} of
     * {@code (change (get m key))} would make it; a hash trie is walked to the key once rather than twice.
     */
    public LMap update(Object key, java.util.function.UnaryOperator<Object> change) {
        if (root == null) {
            return assoc(key, change.apply(get(key)));
        }
        HashEdit edit = new HashEdit(null);
        HashNode changed = root.update(key, HashNode.hash(key), change, 0, edit);
        return changed == root ? this : new LMap(null, changed, count + edit.sizeChange());
    }

    private LMap assocSorted(Object key, Object value) {
        int at = search(key);
        if (at >= 0) {
            if (pairs[at + 1] == value) {
                return this;
            }
            Object[] copy = pairs.clone();
            copy[at + 1] = value;
            return new LMap(copy, null, count, order);
        }
        int insert = -at - 1;
        Object[] grown = new Object[pairs.length + 2];
        System.arraycopy(pairs, 0, grown, 0, insert);
        grown[insert] = key;
        grown[insert + 1] = value;
        System.arraycopy(pairs, insert, grown, insert + 2, pairs.length - insert);
        return new LMap(grown, null, count + 1, order);
    }

    /**
     * Like {@link #assoc}, but changes in place the trie nodes that {@code owner} made, so that a run of assocs
     * by one owner copies each node once. Only for building a map nothing else has seen yet (OwnedMap); nodes
     * made by anyone else are copied as usual, so the map it starts from never changes.
     */
    public LMap assocOwned(Object key, Object value, Object owner) {
        if (root == null) {
            if (order != null || count < FLAT_LIMIT || indexOf(pairs, pairs.length, key) >= 0) {
                return assoc(key, value);
            }
            HashEdit edit = new HashEdit(owner);
            HashNode trie = toTrie(pairs, pairs.length, owner).assoc(key, HashNode.hash(key), value, 0, edit);
            return new LMap(null, trie, count + 1);
        }
        HashEdit edit = new HashEdit(owner);
        HashNode changed = root.assoc(key, HashNode.hash(key), value, 0, edit);
        return new LMap(null, changed, count + edit.sizeChange());
    }

    /** A trie of the flat pairs, whose nodes belong to owner. */
    private static HashNode toTrie(Object[] pairs, int length, Object owner) {
        HashNode trie = HashBitmapNode.EMPTY;
        HashEdit edit = new HashEdit(owner);
        for (int i = 0; i < length; i += 2) {
            trie = trie.assoc(pairs[i], HashNode.hash(pairs[i]), pairs[i + 1], 0, edit);
        }
        return trie;
    }

    public LMap dissoc(Object key) {
        if (root != null) {
            HashEdit edit = new HashEdit(null);
            HashNode changed = root.dissoc(key, HashNode.hash(key), 0, edit);
            if (edit.sizeChange() == 0) {
                return this;
            }
            return count == 1 ? EMPTY : new LMap(null, changed, count - 1);
        }
        int i = order == null ? indexOf(pairs, pairs.length, key) : count == 0 ? -1 : search(key);
        if (i < 0) {
            return this;
        }
        if (count == 1) {
            return emptyLike();
        }
        Object[] shrunk = new Object[pairs.length - 2];
        System.arraycopy(pairs, 0, shrunk, 0, i);
        System.arraycopy(pairs, i + 2, shrunk, i, pairs.length - i - 2);
        return new LMap(shrunk, null, count - 1, order);
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
        private int served;

        Walk(LMap map) {
            this.map = map;
            this.cursor = map.root == null ? null : new HashCursor(map.root);
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
            served++;
            if (cursor == null) {
                return current(map.pairs[2 * served - 2], map.pairs[2 * served - 1]);
            }
            cursor.advance();
            return current(cursor.key(), cursor.value());
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
            if (base.order != null) {
                LMap out = base;
                for (int i = 0; i < pending; i++) {
                    out = out.assocSorted(keys[i], values[i]);
                }
                return out;
            }
            if (base.root != null) {
                HashNode trie = base.root;
                HashEdit edit = new HashEdit(new Object());
                for (int i = 0; i < pending; i++) {
                    trie = trie.assoc(keys[i], HashNode.hash(keys[i]), values[i], 0, edit);
                }
                return new LMap(null, trie, base.count + edit.sizeChange());
            }
            Object[] flat = Arrays.copyOf(base.pairs, 2 * FLAT_LIMIT + 2);
            int length = base.pairs.length;
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
            return length == 0 ? EMPTY : new LMap(Arrays.copyOf(flat, length), null, length / 2);
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
            return new LMap(null, result.root(), result.count());
        }
    }
}
