package drogulus.logos.data;

import java.util.Objects;

/**
 * Builds a set's hash trie from many items at once, the very trie {@link HashBulk} would make of them (so it
 * iterates and prints the same). Each item becomes a record (its hash and where it comes from); the records are put
 * in the trie's order by a radix sort of four passes, two fragments of the hash at a time from the deepest, and the
 * nodes are then made in one pass along them: where a record first differs from its neighbours says at which level
 * it is an entry, and where it differs from the next one says which of the nodes being filled are complete. A few
 * loops over flat arrays, each soon compiled, instead of a recursion that sorts every node's records anew. Only where
 * items share a whole hash does their order matter (the first of equal items is kept); the sort keeps the items'
 * order there. The items can also come from an integer range, whose numbers are kept unboxed in nodes of numbers and
 * never gathered into an array first.
 */
final class SetBulk {
    /** Bitmap levels: shifts 0 to 30 in steps of five. */
    private static final int LEVELS = HashNode.MAX_SHIFT / HashNode.BITS + 1;
    /** Marks an entry that is a number, kept unboxed in the numbers scratch. */
    private static final Object NUMBER = new Object();
    /**
     * The radix sort's passes, deepest fragments first: the shifts of two fragments, the first the major, and the
     * mask of the minor (none in the last pass, which sorts by the root's fragment alone).
     */
    private static final int[][] PASSES = {{25, 30, 31}, {15, 20, 31}, {5, 10, 31}, {0, 0, 0}};
    /** A de Bruijn sequence: the top five bits of it times a power of two tell which power it is. */
    private static final int DE_BRUIJN = 0x077CB531;
    /** The level of each bit of a hash, indexed as {@link #firstDifference} indexes it. */
    private static final byte[] LEVEL_OF_BIT = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            LEVEL_OF_BIT[(DE_BRUIJN << i) >>> 27] = (byte) (i / HashNode.BITS);
        }
    }

    /** Items[0..prefix) come first, as given; numbers of the range follow them. */
    private final Object[] items;
    private final int prefix;
    private final long from;
    private final long step;
    /** The node being filled at each level: its entries (NUMBER where the number is in numbers), then children. */
    private final Object[][] entries = new Object[LEVELS][32];
    private final long[][] numbers = new long[LEVELS][32];
    private final Object[][] children = new Object[LEVELS][32];
    private final int[] entryCounts = new int[LEVELS];
    private final int[] childCounts = new int[LEVELS];
    private final int[] dataMaps = new int[LEVELS];
    private final int[] nodeMaps = new int[LEVELS];
    /** Whether the node being filled at a level has an entry that is not an integer. */
    private final boolean[] mixed = new boolean[LEVELS];
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
        if (n == 0) {
            return new HashBulk.Result(HashBitmapNode.EMPTY, 0);
        }
        long[] records = new long[n];
        for (int i = 0; i < prefix; i++) {
            records[i] = record(HashNode.hash(items[i]), i);
        }
        rangeRecords(records, prefix, n, from, step);
        long[] sorted = sort(records, n);
        SetBulk bulk = new SetBulk(items, prefix, from, step);
        HashNode root = bulk.build(sorted, n);
        return new HashBulk.Result(root, bulk.count);
    }

    /** The records of the range's numbers, at[start..n): a loop of its own, so that it is compiled by itself. */
    private static void rangeRecords(long[] at, int start, int n, long from, long step) {
        long x = from;
        for (int i = start; i < n; i++) {
            at[i] = record(HashNode.spread(Long.hashCode(x)), i);
            x += step;
        }
    }

    /** An item's hash in the high half, its place among the items in the low. */
    private static long record(int hash, int index) {
        return ((long) hash << 32) | index;
    }

    private static int hashOf(long record) {
        return (int) (record >>> 32);
    }

    /**
     * The records in the trie's order: by the fragment of each level in turn, from the root's, and of a whole hash
     * by place. Stable passes of a least-significant-digit radix sort, deepest fragments first, so records of one hash
     * keep their order; a pass that all records share a digit of is skipped. Returns records or the second array.
     */
    private static long[] sort(long[] records, int n) {
        long[] in = records;
        long[] out = new long[n];
        int[] counts = new int[1 << (2 * HashNode.BITS)];
        for (int[] pass : PASSES) {
            if (radixPass(in, out, n, pass[0], pass[1], pass[2], counts)) {
                long[] swap = in;
                in = out;
                out = swap;
            }
        }
        return in;
    }

    /**
     * One pass: moves in[0..n) to out in the order of the digit made of the fragment at major (high) and the one at
     * minor (low, masked by mask), keeping the order of equal digits. False, moving nothing, when every record has
     * the same digit.
     */
    private static boolean radixPass(long[] in, long[] out, int n, int major, int minor, int mask, int[] counts) {
        java.util.Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            counts[digit(in[i], major, minor, mask)]++;
        }
        if (counts[digit(in[0], major, minor, mask)] == n) {
            return false;
        }
        int sum = 0;
        for (int d = 0; d < counts.length; d++) {
            int c = counts[d];
            counts[d] = sum;
            sum += c;
        }
        for (int i = 0; i < n; i++) {
            long r = in[i];
            out[counts[digit(r, major, minor, mask)]++] = r;
        }
        return true;
    }

    /**
     * The fragments of the record's hash at major (the high five bits) and minor (masked). Kept under the 35 bytes
     * up to which C1 inlines a call, as the code that runs until C2 has compiled the sort is C1's.
     */
    private static int digit(long record, int major, int minor, int mask) {
        int hash = (int) (record >>> 32);
        return ((hash >>> major) & 31) << HashNode.BITS | ((hash >>> minor) & mask);
    }

    /**
     * The level of the first fragment in which two different hashes differ: by the de Bruijn table rather than
     * Integer.numberOfTrailingZeros, which C1's code calls rather than inlines.
     */
    private static int firstDifference(int hash, int other) {
        int x = hash ^ other;
        return LEVEL_OF_BIT[((x & -x) * DE_BRUIJN) >>> 27];
    }

    private static int fragment(int hash, int level) {
        return (hash >>> (level * HashNode.BITS)) & 31;
    }

    /**
     * The trie of the sorted records. A record (or a run sharing a whole hash) is an entry of the node at the level
     * where it first differs from both neighbours, the deeper of the two; after it, the nodes deeper than where it
     * differs from the next one hold nothing more and go into their parents as children.
     */
    private HashNode build(long[] at, int n) {
        int before = 0;
        int i = 0;
        while (i < n) {
            long r = at[i];
            int hash = hashOf(r);
            int end = i + 1;
            while (end < n && hashOf(at[end]) == hash) {
                end++;
            }
            int after = end < n ? firstDifference(hash, hashOf(at[end])) : 0;
            int level = Math.max(before, after);
            int bit = 1 << fragment(hash, level);
            if (end - i == 1) {
                entry(level, bit, r);
            } else {
                sharedHash(at, i, end, level, bit);
            }
            for (int k = level; k > after; k--) {
                child(k - 1, 1 << fragment(hash, k - 1), made(k));
            }
            before = after;
            i = end;
        }
        return made(0);
    }

    /** Adds the item of record r as an entry of the node at level, in the slot bit; unboxed when it is a number. */
    private void entry(int level, int bit, long r) {
        int index = (int) r;
        int k = entryCounts[level]++;
        dataMaps[level] |= bit;
        count++;
        if (index >= prefix) {
            // A number of the range, placed without boxing it.
            entries[level][k] = NUMBER;
            numbers[level][k] = from + (index - prefix) * step;
            return;
        }
        put(level, k, items[index]);
    }

    /** Puts item as entry k of the node at level, unboxed when it is an integer. */
    private void put(int level, int k, Object item) {
        if (item instanceof Long number) {
            entries[level][k] = NUMBER;
            numbers[level][k] = number;
        } else {
            entries[level][k] = item;
            mixed[level] = true;
        }
    }

    /** The item a record stands for; a number of the range is boxed here, once. */
    private Object item(long record) {
        int i = (int) record;
        return i < prefix ? items[i] : Long.valueOf(from + (i - prefix) * step);
    }

    private void child(int level, int bit, HashNode node) {
        children[level][childCounts[level]++] = node;
        nodeMaps[level] |= bit;
    }

    /**
     * Records at[lo..hi) share their whole hash: one entry at level when they are all equal, else a collision node,
     * below a node for each further level with it as its only child, as building them level by level would nest it.
     */
    private void sharedHash(long[] at, int lo, int hi, int level, int bit) {
        HashNode node = collisions(at, lo, hi);
        if (node.childCount() == 0 && node.entryCount() == 1) {
            int k = entryCounts[level]++;
            dataMaps[level] |= bit;
            put(level, k, node.keyAt(0));
            return;
        }
        int hash = hashOf(at[lo]);
        for (int k = LEVELS - 1; k > level; k--) {
            node = HashLongNode.copied(0, 1 << fragment(hash, k), null, 0, new Object[] {node}, 1);
        }
        child(level, bit, node);
    }

    /** The node filled at level, made exactly sized; the level is then empty for the next node. */
    private HashNode made(int level) {
        int e = entryCounts[level];
        int c = childCounts[level];
        Object[] kids = children[level];
        HashNode node;
        if (!mixed[level]) {
            node = HashLongNode.copied(dataMaps[level], nodeMaps[level], numbers[level], e, kids, c);
        } else {
            Object[] content = new Object[2 * e + c];
            Object[] scratch = entries[level];
            long[] unboxed = numbers[level];
            for (int k = 0; k < e; k++) {
                Object item = scratch[k] != NUMBER ? scratch[k] : (Object) unboxed[k];
                content[2 * k] = item;
                content[2 * k + 1] = item;
            }
            System.arraycopy(kids, 0, content, 2 * e, c);
            node = new HashBitmapNode(null, dataMaps[level], nodeMaps[level], content);
        }
        // The scratch slots need no clearing: only those filled for the next node are read, and this builder dies
        // with the call that made it.
        entryCounts[level] = 0;
        childCounts[level] = 0;
        dataMaps[level] = 0;
        nodeMaps[level] = 0;
        mixed[level] = false;
        return node;
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
