package drogulus.logos.data;

import java.util.Objects;

/**
 * Builds a set's hash trie from many items at once, the very trie {@link HashBulk} would make of them (so it
 * iterates and prints the same), with less scratch: one record per item (its hash and where it comes from), put in
 * order in place a trie level at a time (most significant fragment first) while the nodes are made, instead of a
 * full radix sort into a second array followed by separate arrays of sorted keys, values and hashes. Only where
 * items share a whole hash does their order matter (the first of equal items is kept); there they are put back in
 * the items' order. The items can also come from an integer range,
 * whose numbers are then boxed once, as they are placed, and never gathered into an array first.
 */
final class SetBulk {
    /** Bitmap levels: shifts 0 to 30 in steps of five. */
    private static final int LEVELS = HashNode.MAX_SHIFT / HashNode.BITS + 1;
    /** Marks an entry that is a number of the range, not yet boxed. */
    private static final Object NUMBER = new Object();
    /** Groups of at most this many records are put in fragment order by insertion, larger ones by swapping. */
    private static final int INSERTION_MAX = 24;

    /** Items[0..prefix) come first, as given; numbers of the range follow them. */
    private final Object[] items;
    private final int prefix;
    private final long from;
    private final long step;
    /** Scratch for the node being made at each level: its entries, then its children. */
    private final Object[][] entries = new Object[LEVELS][32];
    /** The entries that are integers, unboxed; a number of the range has {@link #NUMBER} in its slot in entries. */
    private final long[][] numbers = new long[LEVELS][32];
    private final Object[][] children = new Object[LEVELS][32];
    private final int[][] starts = new int[LEVELS][33];
    private final int[][] ends = new int[LEVELS][32];
    private int count;

    private SetBulk(Object[] items, int prefix, long from, long step) {
        this.items = items;
        this.prefix = prefix;
        this.from = from;
        this.step = step;
    }

    /** The trie of items[0..n), which it leaves unchanged; of equal items, the first is kept. */
    static HashBulk.Result of(Object[] items, int n) {
        return ofPrefixAndRange(items, n, 0, 1, 0);
    }

    /**
     * The trie of items[0..prefix) followed by the numbers from, from + step, ... (rangeCount of them, none past
     * the long range); of equal items, the first is kept.
     */
    static HashBulk.Result ofPrefixAndRange(Object[] items, int prefix, long from, long step, int rangeCount) {
        int n = prefix + rangeCount;
        long[] records = new long[n];
        for (int i = 0; i < prefix; i++) {
            records[i] = record(HashNode.hash(items[i]), i);
        }
        long x = from;
        for (int i = prefix; i < n; i++) {
            records[i] = record(HashNode.spread(Long.hashCode(x)), i);
            x += step;
        }
        if (n == 0) {
            return new HashBulk.Result(HashBitmapNode.EMPTY, 0);
        }
        SetBulk bulk = new SetBulk(items, prefix, from, step);
        HashNode root = bulk.node(records, 0, n, 0);
        return new HashBulk.Result(root, bulk.count);
    }

    /** An item's hash in the high half, its place among the items in the low. */
    private static long record(int hash, int index) {
        return ((long) hash << 32) | index;
    }

    private static int hashOf(long record) {
        return (int) (record >>> 32);
    }

    private static int fragment(long record, int shift) {
        return (hashOf(record) >>> shift) & 31;
    }

    /** The item a record stands for; a number of the range is boxed here, once. */
    private Object item(long record) {
        int i = (int) record;
        return i < prefix ? items[i] : Long.valueOf(from + (i - prefix) * step);
    }

    /** The node for records at[lo..hi), which share every fragment below shift; reorders them. */
    private HashNode node(long[] at, int lo, int hi, int shift) {
        if (shift > HashNode.MAX_SHIFT) {
            return collisions(at, lo, hi);
        }
        if (hi - lo <= INSERTION_MAX) {
            insertionSort(at, lo, hi, shift);
        } else {
            partition(at, lo, hi, shift);
        }
        int level = shift / HashNode.BITS;
        Object[] outEntries = entries[level];
        long[] outNumbers = numbers[level];
        Object[] outChildren = children[level];
        boolean allNumbers = true;
        int dataMap = 0;
        int nodeMap = 0;
        int e = 0;
        int c = 0;
        int i = lo;
        while (i < hi) {
            int f = fragment(at[i], shift);
            int end = i + 1;
            while (end < hi && fragment(at[end], shift) == f) {
                end++;
            }
            int bit = 1 << f;
            if (end - i == 1) {
                int index = (int) at[i];
                if (index >= prefix) {
                    // A number of the range, placed without boxing it.
                    outEntries[e] = NUMBER;
                    outNumbers[e++] = from + (index - prefix) * step;
                } else {
                    allNumbers &= entry(outEntries, outNumbers, e++, items[index]);
                }
                count++;
                dataMap |= bit;
            } else {
                HashNode child = node(at, i, end, shift + HashNode.BITS);
                if (child.childCount() == 0 && child.entryCount() == 1) {
                    // Equal items left one: a slot of one item holds the item itself.
                    allNumbers &= entry(outEntries, outNumbers, e++, child.keyAt(0));
                    dataMap |= bit;
                } else {
                    outChildren[c++] = child;
                    nodeMap |= bit;
                }
            }
            i = end;
        }
        if (allNumbers) {
            HashLongNode made = HashLongNode.copied(dataMap, nodeMap, outNumbers, e, outChildren, c);
            HashLongNode.clear(outChildren, c);
            return made;
        }
        Object[] content = new Object[2 * e + c];
        for (int k = 0; k < e; k++) {
            Object item = outEntries[k] != NUMBER ? outEntries[k] : (Object) outNumbers[k];
            content[2 * k] = item;
            content[2 * k + 1] = item;
        }
        System.arraycopy(outChildren, 0, content, 2 * e, c);
        HashLongNode.clear(outChildren, c);
        HashLongNode.clear(outEntries, e);
        return new HashBitmapNode(null, dataMap, nodeMap, content);
    }

    /** Puts item as entry k, unboxed when it is an integer; whether it is. */
    private static boolean entry(Object[] outEntries, long[] outNumbers, int k, Object item) {
        outEntries[k] = item;
        if (item instanceof Long n) {
            outNumbers[k] = n;
            return true;
        }
        return false;
    }

    /** Puts at[lo..hi) in fragment order. */
    private static void insertionSort(long[] at, int lo, int hi, int shift) {
        for (int i = lo + 1; i < hi; i++) {
            long r = at[i];
            int f = fragment(r, shift);
            int j = i - 1;
            while (j >= lo && fragment(at[j], shift) > f) {
                at[j + 1] = at[j];
                j--;
            }
            at[j + 1] = r;
        }
    }

    /** Puts at[lo..hi) in fragment order in place: counts each fragment, then swaps each record into its bucket. */
    private void partition(long[] at, int lo, int hi, int shift) {
        int level = shift / HashNode.BITS;
        int[] next = starts[level];
        int[] end = ends[level];
        java.util.Arrays.fill(next, 0);
        for (int i = lo; i < hi; i++) {
            next[fragment(at[i], shift) + 1]++;
        }
        if (next[fragment(at[lo], shift) + 1] == hi - lo) {
            return;
        }
        next[0] = lo;
        for (int f = 0; f < 32; f++) {
            next[f + 1] += next[f];
            end[f] = next[f + 1];
        }
        for (int f = 0; f < 32; f++) {
            while (next[f] < end[f]) {
                long r = at[next[f]];
                int g = fragment(r, shift);
                while (g != f) {
                    // Place r in its own bucket and carry on with the record it displaces.
                    long displaced = at[next[g]];
                    at[next[g]++] = r;
                    r = displaced;
                    g = fragment(r, shift);
                }
                at[next[f]++] = r;
            }
        }
    }

    /**
     * Records at[lo..hi) share their whole hash: a collision node of the distinct items, the first of equal ones
     * kept, made and ordered as {@link HashBulk} makes it. Items in the collision order are told apart in a tree,
     * others one by one, charged so.
     */
    private HashNode collisions(long[] at, int lo, int hi) {
        // Equal hashes in the high halves: the records sort by the items' places.
        java.util.Arrays.sort(at, lo, hi);
        Object[] distinct = new Object[hi - lo];
        int n = 0;
        CollisionTree index = null;
        for (int i = lo; i < hi; i++) {
            Object item = item(at[i]);
            boolean seen;
            if (CollisionOrder.orderable(item)) {
                seen = CollisionTree.find(index, item) != null;
                if (!seen) {
                    index = CollisionTree.put(index, item, item);
                }
            } else {
                seen = indexOf(distinct, n, item) >= 0;
            }
            if (!seen) {
                distinct[n++] = item;
            }
        }
        count += n;
        if (n == 1) {
            return new HashBitmapNode(null, 1, 0, new Object[] {distinct[0], distinct[0]});
        }
        Object[] pairs = new Object[2 * n];
        for (int i = 0; i < n; i++) {
            pairs[2 * i] = distinct[i];
            pairs[2 * i + 1] = distinct[i];
        }
        return HashCollisionNode.of(null, pairs);
    }

    private static int indexOf(Object[] items, int n, Object item) {
        if (n > 0) {
            Cost.current().steps(n);
        }
        for (int i = 0; i < n; i++) {
            if (Objects.equals(items[i], item)) {
                return i;
            }
        }
        return -1;
    }
}
