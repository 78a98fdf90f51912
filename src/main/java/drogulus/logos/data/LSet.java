package drogulus.logos.data;

import java.util.Comparator;
import java.util.Iterator;

/**
 * An immutable set: a map from each item to itself, so it shares the map's trie (and its hashing, a pure function
 * of the items) and, for a sorted set, the sorted map's order. Two sets are equal when they hold equal items.
 */
public final class LSet implements Iterable<Object> {
    public static final LSet EMPTY = new LSet(LMap.EMPTY);

    private final LMap items;
    /** The hash once computed; 0 until then. */
    private int hash;

    private LSet(LMap items) {
        this.items = items;
    }

    /** An empty set that keeps its items in the given order. */
    public static LSet sorted(Comparator<Object> order) {
        return new LSet(LMap.sorted(order));
    }

    /** A set of the items; duplicates count once. */
    public static LSet of(Object... items) {
        return EMPTY.conjAll(java.util.Arrays.asList(items));
    }

    public static LSet from(Iterable<?> items) {
        return EMPTY.conjAll(items);
    }

    /**
     * A hash set of the first n items of the array, which it leaves unchanged; of equal items, the first is kept.
     * Built at once rather than item by item (see {@link HashBulk}).
     */
    public static LSet ofArray(Object[] items, int n) {
        if (n <= LMap.FLAT_LIMIT) {
            return EMPTY.conjAll(java.util.Arrays.asList(items).subList(0, n));
        }
        return ofTrie(SetBulk.of(items, n));
    }

    /**
     * A hash set of items[0..prefix) followed by the integers from, from + step, ... (rangeCount of them, none past
     * the long range): what {@link #ofArray} makes of them all, without boxing the numbers into an array first.
     */
    public static LSet ofPrefixAndRange(Object[] items, int prefix, long from, long step, int rangeCount) {
        if (prefix + rangeCount <= LMap.FLAT_LIMIT) {
            Object[] all = java.util.Arrays.copyOf(items, prefix + rangeCount);
            for (int i = 0; i < rangeCount; i++) {
                all[prefix + i] = from + i * step;
            }
            return ofArray(all, all.length);
        }
        return ofTrie(SetBulk.ofPrefixAndRange(items, prefix, from, step, rangeCount));
    }

    private static LSet ofTrie(HashBulk.Result built) {
        return new LSet(LMap.ofTrie(built.root(), built.count()));
    }

    /**
     * The items of this set that are in other (when common) or that are not; null when either is not a large hash
     * set, whose trie the walk needs. The result's trie is made from the two tries side by side ({@link TrieMerge}),
     * sharing the parts of this one that stay whole. This set itself when nothing is left out.
     */
    public LSet keepAgainst(LSet other, boolean common) {
        HashNode mine = items.trie();
        HashNode theirs = other.items.trie();
        if (mine == null || theirs == null || items.isSorted() || other.items.isSorted()) {
            return null;
        }
        TrieMerge.Op op = common ? TrieMerge.Op.INTERSECTION : TrieMerge.Op.DIFFERENCE;
        TrieMerge.Result merged = TrieMerge.apply(op, mine, theirs);
        if (merged.root() == mine) {
            return this;
        }
        int n = merged.count(op, count(), other.count());
        if (n > LMap.FLAT_LIMIT) {
            return new LSet(LMap.ofTrie(merged.root(), n));
        }
        // A small result is a flat map listing its items in this set's order, as building it from them gives.
        Object[] kept = TrieOrder.keysInOrder(mine, merged.root(), n);
        return ofArray(kept, kept.length);
    }

    /**
     * This set with the items of other added; null when either is not a large hash set. The result's trie is made
     * from the two tries side by side ({@link TrieMerge}), sharing the parts of either that the other has nothing
     * beside, rather than by adding every item of other with a look-up from the root.
     */
    public LSet unionAgainst(LSet other) {
        HashNode mine = items.trie();
        HashNode theirs = other.items.trie();
        if (mine == null || theirs == null || items.isSorted() || other.items.isSorted()) {
            return null;
        }
        TrieMerge.Result merged = TrieMerge.apply(TrieMerge.Op.UNION, mine, theirs);
        if (merged.root() == mine) {
            return this;
        }
        int n = merged.count(TrieMerge.Op.UNION, count(), other.count());
        if (n > LMap.FLAT_LIMIT) {
            return new LSet(LMap.ofTrie(merged.root(), n));
        }
        TrieSetOps missing = TrieSetOps.keep(theirs, other.count(), mine, false);
        return conjAll(java.util.Arrays.asList(missing.items()).subList(0, missing.count()));
    }

    /**
     * Whether every item of this set is in other, found by walking the two tries side by side ({@link TrieSetOps});
     * null when either is not a large hash set.
     */
    public Boolean subsetWalk(LSet other) {
        HashNode mine = items.trie();
        HashNode theirs = other.items.trie();
        if (mine == null || theirs == null || items.isSorted() || other.items.isSorted()) {
            return null;
        }
        return count() <= other.count() && TrieSetOps.within(mine, theirs, 0);
    }

    /** This set with every one of the items added. */
    public LSet conjAll(Iterable<?> more) {
        LMap.Builder builder = new LMap.Builder(items);
        for (Object item : more) {
            builder.put(item, item);
        }
        LMap built = builder.build();
        return built == items ? this : new LSet(built);
    }

    public boolean isSorted() {
        return items.isSorted();
    }

    /** An empty set of the same kind. */
    public LSet emptyLike() {
        return items.isSorted() ? new LSet(items.emptyLike()) : EMPTY;
    }

    public int count() {
        return items.count();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public boolean contains(Object item) {
        return items.containsKey(item);
    }

    /** The item of the set equal to the given one, or notFound: what calling a set does. */
    public Object get(Object item, Object notFound) {
        return items.get(item, notFound);
    }

    public LSet conj(Object item) {
        if (items.containsKey(item)) {
            return this;
        }
        return new LSet(items.assoc(item, item));
    }

    public LSet disj(Object item) {
        LMap less = items.dissoc(item);
        return less == items ? this : new LSet(less);
    }

    @Override
    public Iterator<Object> iterator() {
        return items.keys().iterator();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof LSet && Sequential.equiv(this, other, new Meter()));
    }

    @Override
    public int hashCode() {
        int h = hash;
        return h != 0 ? h : hash(new Meter());
    }

    /** The hash, computed once (charging the walk's meter) and kept, as lists, vectors and maps keep theirs. */
    int hash(Meter meter) {
        int h = hash;
        if (h == 0) {
            h = Sequential.setHash(this, meter);
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
}
