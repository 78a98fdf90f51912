package drogulus.logos.data;

import java.util.Objects;

/**
 * The order in which a hash trie iterates a few of its keys, found from their hashes and the level each sits at,
 * without walking the trie: within a node entries come before children, each in fragment order, and keys sharing a
 * whole hash in their collision node's order. Lets an operation whose result is small list it in the order of the
 * trie it came from after one walk that found it, rather than a second walk over that whole trie.
 */
final class TrieOrder {
    private final int[] hashes;
    /** The shift of the node each key is an entry of; past {@link HashNode#MAX_SHIFT} for a collision node. */
    private final int[] shifts;
    /** A key's place among the entries of its collision node. */
    private final int[] places;

    private TrieOrder(int n) {
        hashes = new int[n];
        shifts = new int[n];
        places = new int[n];
    }

    /** The keys of small, all of which are keys of trie, in the order trie iterates them. */
    static Object[] keysInOrder(HashNode trie, HashNode small, int count) {
        Object[] keys = new Object[count];
        int n = collect(small, keys, 0);
        TrieOrder order = new TrieOrder(n);
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            order.locate(trie, keys[i], i);
            rank[i] = i;
        }
        for (int i = 1; i < n; i++) {
            int r = rank[i];
            int j = i - 1;
            while (j >= 0 && order.compare(rank[j], r) > 0) {
                rank[j + 1] = rank[j];
                j--;
            }
            rank[j + 1] = r;
        }
        Object[] sorted = new Object[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = keys[rank[i]];
        }
        return sorted;
    }

    private static int collect(HashNode node, Object[] into, int from) {
        int n = from;
        for (int i = 0; i < node.entryCount(); i++) {
            into[n++] = node.keyAt(i);
        }
        for (int i = 0; i < node.childCount(); i++) {
            n = collect(node.childAt(i), into, n);
        }
        return n;
    }

    /** Finds where key i sits in trie. */
    private void locate(HashNode trie, Object key, int i) {
        int hash = HashNode.hash(key);
        hashes[i] = hash;
        HashNode node = trie;
        int shift = 0;
        while (node instanceof BitmapNode bitmap) {
            int bit = HashBitmapNode.bitFor(hash, shift);
            if ((bitmap.dataMap() & bit) != 0) {
                shifts[i] = shift;
                return;
            }
            node = bitmap.childAt(Integer.bitCount(bitmap.nodeMap() & (bit - 1)));
            shift += HashNode.BITS;
        }
        shifts[i] = shift;
        for (int p = 0; p < node.entryCount(); p++) {
            if (Objects.equals(node.keyAt(p), key)) {
                places[i] = p;
                return;
            }
        }
        throw new IllegalArgumentException("not a key of the trie: " + key);
    }

    private int compare(int p, int q) {
        for (int shift = 0; shift <= HashNode.MAX_SHIFT; shift += HashNode.BITS) {
            boolean entryP = shifts[p] == shift;
            boolean entryQ = shifts[q] == shift;
            if (entryP != entryQ) {
                return entryP ? -1 : 1;
            }
            int fragmentP = (hashes[p] >>> shift) & 31;
            int fragmentQ = (hashes[q] >>> shift) & 31;
            if (fragmentP != fragmentQ) {
                return Integer.compare(fragmentP, fragmentQ);
            }
        }
        return Integer.compare(places[p], places[q]);
    }
}
