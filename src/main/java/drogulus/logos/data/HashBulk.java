package drogulus.logos.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Builds a hash trie from many entries at once: sorts them into the trie's own order, then makes each node once,
 * exactly sized. Putting entries one at a time would copy a path of nodes for each, or, changing owned nodes in
 * place, make old nodes point at young ones, which generational collectors pay for on every minor collection.
 */
final class HashBulk {
    private HashBulk() {
    }

    /** The trie and how many distinct keys it holds. */
    record Result(HashNode root, int count) {
    }

    /** A trie of the first n entries; of equal keys, the last put wins. */
    static Result build(Object[] keys, Object[] values, int n) {
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            long path = Integer.toUnsignedLong(pathOrder(HashNode.hash(keys[i])));
            // Flipping the sign bit makes signed order of the longs the unsigned order of path, then of i.
            order[i] = ((path << 32) | i) ^ Long.MIN_VALUE;
        }
        sortByPath(order, n);
        Object[] sortedKeys = new Object[n];
        Object[] sortedValues = new Object[n];
        int[] hashes = new int[n];
        int count = 0;
        int runStart = 0;
        CollisionTree runIndex = null;
        int indexed = 0;
        for (int s = 0; s < n; s++) {
            long unflipped = order[s] ^ Long.MIN_VALUE;
            int i = (int) unflipped;
            int hash = hashOf((int) (unflipped >>> 32));
            if (count == 0 || hashes[count - 1] != hash) {
                runStart = count;
                runIndex = null;
                indexed = count;
            }
            int same = -1;
            if (count > runStart) {
                // Keys whose whole hashes collide: those in the collision order are found in a tree, not a scan.
                for (; indexed < count; indexed++) {
                    if (CollisionOrder.orderable(sortedKeys[indexed])) {
                        runIndex = CollisionTree.put(runIndex, sortedKeys[indexed], indexed);
                    }
                }
                if (CollisionOrder.orderable(keys[i])) {
                    CollisionTree found = CollisionTree.find(runIndex, keys[i]);
                    same = found == null ? -1 : (Integer) found.value;
                } else {
                    same = indexOf(sortedKeys, runStart, count, keys[i]);
                }
            }
            if (same >= 0) {
                // Later in the sort means put later, among keys of one hash.
                sortedValues[same] = values[i];
                continue;
            }
            sortedKeys[count] = keys[i];
            sortedValues[count] = values[i];
            hashes[count] = hash;
            count++;
        }
        HashNode root = count == 0
                ? HashBitmapNode.EMPTY
                : node(sortedKeys, sortedValues, hashes, 0, count, 0);
        return new Result(root, count);
    }

    /** Below this many entries a comparison sort beats the radix sort's fixed passes. */
    private static final int RADIX_FROM = 512;

    /**
     * Sorts order (path in the high half, flipped, then index) into ascending order. Indices come in ascending, so
     * a stable sort by the path alone gives the order of the whole longs: a radix sort, a byte of the path per pass,
     * does that in four linear passes rather than a comparison sort's log n, and skips a byte all entries share.
     */
    static void sortByPath(long[] order, int n) {
        if (n < RADIX_FROM) {
            Arrays.sort(order, 0, n);
            return;
        }
        long[] from = order;
        long[] to = new long[n];
        int[] counts = new int[256];
        for (int shift = 32; shift < 64; shift += 8) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[digit(from[i], shift)]++;
            }
            if (counts[digit(from[0], shift)] == n) {
                continue;
            }
            int sum = 0;
            for (int d = 0; d < 256; d++) {
                int c = counts[d];
                counts[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long x = from[i];
                to[counts[digit(x, shift)]++] = x;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        if (from != order) {
            System.arraycopy(from, 0, order, 0, n);
        }
    }

    /** The byte of the unflipped long at shift: signed order of the flipped longs is unsigned order of these. */
    private static int digit(long flipped, int shift) {
        return (int) ((flipped ^ Long.MIN_VALUE) >>> shift) & 255;
    }

    private static int indexOf(Object[] keys, int from, int to, Object key) {
        if (to > from) {
            // Only keys whose whole hashes collide get here: a run of them is searched one by one, so charge it.
            Cost.current().steps(to - from);
        }
        for (int i = from; i < to; i++) {
            if (Objects.equals(keys[i], key)) {
                return i;
            }
        }
        return -1;
    }

    /** The hash with its five-bit fragments reversed, so that sorting by it sorts by the path through the trie. */
    static int pathOrder(int hash) {
        int order = 0;
        for (int shift = 0; shift <= HashNode.MAX_SHIFT; shift += HashNode.BITS) {
            int width = Math.min(HashNode.BITS, 32 - shift);
            order = (order << width) | ((hash >>> shift) & ((1 << width) - 1));
        }
        return order;
    }

    /** The hash whose path order this is: undoes {@link #pathOrder}, sparing a second look at the key. */
    static int hashOf(int pathOrder) {
        int hash = 0;
        int rest = pathOrder;
        for (int shift = HashNode.MAX_SHIFT; shift >= 0; shift -= HashNode.BITS) {
            int width = Math.min(HashNode.BITS, 32 - shift);
            hash |= (rest & ((1 << width) - 1)) << shift;
            rest >>>= width;
        }
        return hash;
    }

    /** The node for entries [from, to), which share every fragment below shift. */
    private static HashNode node(Object[] keys, Object[] values, int[] hashes, int from, int to, int shift) {
        if (shift > HashNode.MAX_SHIFT) {
            Object[] pairs = new Object[2 * (to - from)];
            for (int i = from; i < to; i++) {
                pairs[2 * (i - from)] = keys[i];
                pairs[2 * (i - from) + 1] = values[i];
            }
            return HashCollisionNode.of(null, pairs);
        }
        int dataMap = 0;
        int nodeMap = 0;
        int i = from;
        while (i < to) {
            int end = groupEnd(hashes, i, to, shift);
            int bit = HashBitmapNode.bitFor(hashes[i], shift);
            if (end - i == 1) {
                dataMap |= bit;
            } else {
                nodeMap |= bit;
            }
            i = end;
        }
        int entries = Integer.bitCount(dataMap);
        Object[] content = new Object[2 * entries + Integer.bitCount(nodeMap)];
        int data = 0;
        int child = 2 * entries;
        i = from;
        while (i < to) {
            int end = groupEnd(hashes, i, to, shift);
            if (end - i == 1) {
                content[data++] = keys[i];
                content[data++] = values[i];
            } else {
                content[child++] = node(keys, values, hashes, i, end, shift + HashNode.BITS);
            }
            i = end;
        }
        return new HashBitmapNode(null, dataMap, nodeMap, content);
    }

    /** Where the run of entries with the same fragment at shift as entry from ends. */
    private static int groupEnd(int[] hashes, int from, int to, int shift) {
        int fragment = (hashes[from] >>> shift) & 31;
        int end = from + 1;
        while (end < to && ((hashes[end] >>> shift) & 31) == fragment) {
            end++;
        }
        return end;
    }
}
