package drogulus.logos;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Arrays;
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

    private LMap(Object[] pairs, HashNode root, int count) {
        this.pairs = pairs;
        this.root = root;
        this.count = count;
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
        int i = indexOf(pairs, pairs.length, key);
        return i < 0 ? notFound : pairs[i + 1];
    }

    public LMap assoc(Object key, Object value) {
        if (root != null) {
            HashEdit edit = new HashEdit(null);
            HashNode changed = root.assoc(key, HashNode.hash(key), value, 0, edit);
            return changed == root ? this : new LMap(null, changed, count + edit.sizeChange());
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
        int i = indexOf(pairs, pairs.length, key);
        if (i < 0) {
            return this;
        }
        if (count == 1) {
            return EMPTY;
        }
        Object[] shrunk = new Object[pairs.length - 2];
        System.arraycopy(pairs, 0, shrunk, 0, i);
        System.arraycopy(pairs, i + 2, shrunk, i, pairs.length - i - 2);
        return new LMap(shrunk, null, count - 1);
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
        if (this == other) {
            return true;
        }
        if (!(other instanceof LMap map) || map.count != count) {
            return false;
        }
        for (Map.Entry<Object, Object> entry : this) {
            Object theirs = map.get(entry.getKey(), NOT_FOUND);
            if (theirs == NOT_FOUND || !Objects.equals(theirs, entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** A sum over entries, so it does not depend on the order or shape the map happens to have. */
    @Override
    public int hashCode() {
        int hash = 0;
        for (Map.Entry<Object, Object> entry : this) {
            hash += Objects.hashCode(entry.getKey()) ^ Objects.hashCode(entry.getValue());
        }
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
     * Builds a map by changing in place the nodes it created itself instead of copying them for every entry.
     * Not thread-safe. It may go on after {@link #build()}: maps it has built never change.
     */
    public static final class Builder {
        private Object[] pairs = new Object[2 * FLAT_LIMIT];
        private HashNode root;
        private int count;
        /** Marks the nodes this builder may change; replaced at each build, which shares them with a map. */
        private Object owner = new Object();

        public Builder() {
        }

        /** A builder that goes on from the entries of start, which it leaves unchanged. */
        public Builder(LMap start) {
            count = start.count;
            if (start.root == null) {
                System.arraycopy(start.pairs, 0, pairs, 0, start.pairs.length);
            } else {
                root = start.root;
            }
        }

        public int count() {
            return count;
        }

        /** Binds key to value, replacing an equal key's value in place. */
        public Builder put(Object key, Object value) {
            if (root == null) {
                int i = indexOf(pairs, 2 * count, key);
                if (i >= 0) {
                    pairs[i + 1] = value;
                    return this;
                }
                if (count < FLAT_LIMIT) {
                    pairs[2 * count] = key;
                    pairs[2 * count + 1] = value;
                    count++;
                    return this;
                }
                root = toTrie(pairs, 2 * count, owner);
                pairs = null;
            }
            HashEdit edit = new HashEdit(owner);
            root = root.assoc(key, HashNode.hash(key), value, 0, edit);
            count += edit.sizeChange();
            return this;
        }

        /** The map of every entry put so far. */
        public LMap build() {
            if (count == 0) {
                return EMPTY;
            }
            if (root == null) {
                return new LMap(Arrays.copyOf(pairs, 2 * count), null, count);
            }
            owner = new Object();
            return new LMap(null, root, count);
        }
    }
}
