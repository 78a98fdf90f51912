package drogulus.logos.data;

import java.util.Objects;

/**
 * Intersection and difference of two hash sets by walking their tries side by side. Both tries place a key by the
 * same hash, so at each level only the slots both use need comparing: a subtree of one with nothing under the same
 * fragment in the other is kept whole or skipped whole, and a key is looked for only in the one small subtree where
 * it could be. Looking every key of one set up in the other from the root instead costs a walk from the root, and
 * as many cache misses, per key.
 */
final class TrieSetOps {
    private static final Object NOT_FOUND = new Object();

    /** Whether to keep the keys of a that are in b (intersection) or those that are not (difference). */
    private final boolean common;
    private Object[] out;
    private int n;

    private TrieSetOps(boolean common, int capacity) {
        this.common = common;
        this.out = new Object[Math.max(capacity, 1)];
    }

    /**
     * The keys of trie a (of a set of count entries) that are in trie b, when common, or that are not: the walk
     * done, its {@link #items} holding them in its first {@link #count} slots, each as a holds it.
     */
    static TrieSetOps keep(HashNode a, int count, HashNode b, boolean common) {
        TrieSetOps walk = new TrieSetOps(common, count);
        walk.walk(a, b, 0);
        return walk;
    }

    Object[] items() {
        return out;
    }

    int count() {
        return n;
    }

    private void emit(Object key) {
        if (n == out.length) {
            out = java.util.Arrays.copyOf(out, 2 * n);
        }
        out[n++] = key;
    }

    private void walk(HashNode a, HashNode b, int shift) {
        if (!(a instanceof BitmapNode x) || !(b instanceof BitmapNode y)) {
            // A collision node on either side: the few keys there are looked up one by one.
            lookUpEach(a, b, shift);
            return;
        }
        int yData = y.dataMap();
        int yNodes = y.nodeMap();
        int i = 0;
        for (int bits = x.dataMap(); bits != 0; bits &= bits - 1, i++) {
            int bit = bits & -bits;
            Object key = x.keyAt(i);
            boolean found;
            if ((yData & bit) != 0) {
                found = Objects.equals(y.keyAt(Integer.bitCount(yData & (bit - 1))), key);
            } else if ((yNodes & bit) != 0) {
                HashNode child = y.childAt(Integer.bitCount(yNodes & (bit - 1)));
                found = child.find(key, HashNode.hash(key), shift + HashNode.BITS, NOT_FOUND) != NOT_FOUND;
            } else {
                found = false;
            }
            if (found == common) {
                emit(key);
            }
        }
        int c = 0;
        for (int bits = x.nodeMap(); bits != 0; bits &= bits - 1, c++) {
            int bit = bits & -bits;
            HashNode child = x.childAt(c);
            if ((yNodes & bit) != 0) {
                walk(child, y.childAt(Integer.bitCount(yNodes & (bit - 1))), shift + HashNode.BITS);
            } else if ((yData & bit) != 0) {
                Object other = y.keyAt(Integer.bitCount(yData & (bit - 1)));
                if (common) {
                    // At most one key of the subtree can be in b: the one b holds here.
                    Object mine = child.find(other, HashNode.hash(other), shift + HashNode.BITS, NOT_FOUND);
                    if (mine != NOT_FOUND) {
                        emit(mine);
                    }
                } else {
                    allBut(child, other);
                }
            } else if (!common) {
                allBut(child, NOT_FOUND);
            }
        }
    }

    /**
     * Whether every key of trie a is in trie b, both being nodes at shift for the same hashes: a side by side walk
     * that stops at the first key missing and skips a subtree the two tries share.
     */
    static boolean within(HashNode a, HashNode b, int shift) {
        if (a == b) {
            return true;
        }
        if (!(a instanceof BitmapNode x) || !(b instanceof BitmapNode y)) {
            for (int i = 0; i < a.entryCount(); i++) {
                Object key = a.keyAt(i);
                if (b.find(key, HashNode.hash(key), shift, NOT_FOUND) == NOT_FOUND) {
                    return false;
                }
            }
            for (int i = 0; i < a.childCount(); i++) {
                if (!within(a.childAt(i), b, shift)) {
                    return false;
                }
            }
            return true;
        }
        int yData = y.dataMap();
        int yNodes = y.nodeMap();
        int i = 0;
        for (int bits = x.dataMap(); bits != 0; bits &= bits - 1, i++) {
            int bit = bits & -bits;
            boolean found;
            if (x instanceof HashLongNode numbers) {
                found = numberIn(numbers.numberAt(i), y, bit, shift);
            } else if ((yData & bit) != 0) {
                found = Objects.equals(y.keyAt(Integer.bitCount(yData & (bit - 1))), x.keyAt(i));
            } else if ((yNodes & bit) != 0) {
                Object key = x.keyAt(i);
                HashNode child = y.childAt(Integer.bitCount(yNodes & (bit - 1)));
                found = child.find(key, HashNode.hash(key), shift + HashNode.BITS, NOT_FOUND) != NOT_FOUND;
            } else {
                found = false;
            }
            if (!found) {
                return false;
            }
        }
        int c = 0;
        for (int bits = x.nodeMap(); bits != 0; bits &= bits - 1, c++) {
            int bit = bits & -bits;
            // A child holds two keys or more, and b holds at most one key in a slot without a child.
            if ((yNodes & bit) == 0 || !within(x.childAt(c), y.childAt(Integer.bitCount(yNodes & (bit - 1))),
                    shift + HashNode.BITS)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the number n, in the slot bit of a node at shift, is in node y of the other trie; unboxed. */
    private static boolean numberIn(long n, BitmapNode y, int bit, int shift) {
        if ((y.dataMap() & bit) != 0) {
            int j = Integer.bitCount(y.dataMap() & (bit - 1));
            return y instanceof HashLongNode numbers ? numbers.numberAt(j) == n : Long.valueOf(n).equals(y.keyAt(j));
        }
        if ((y.nodeMap() & bit) != 0) {
            HashNode child = y.childAt(Integer.bitCount(y.nodeMap() & (bit - 1)));
            return HashLongNode.containsNumber(child, n, HashLongNode.hashOf(n), shift + HashNode.BITS);
        }
        return false;
    }

    /** Keeps each key under a by looking it up in b, the node of the other trie at bShift for the same keys. */
    private void lookUpEach(HashNode a, HashNode b, int bShift) {
        for (int i = 0; i < a.entryCount(); i++) {
            Object key = a.keyAt(i);
            boolean found = b.find(key, HashNode.hash(key), bShift, NOT_FOUND) != NOT_FOUND;
            if (found == common) {
                emit(key);
            }
        }
        for (int i = 0; i < a.childCount(); i++) {
            lookUpEach(a.childAt(i), b, bShift);
        }
    }

    /** Keeps every key of the subtree except one equal to skip. */
    private void allBut(HashNode node, Object skip) {
        for (int i = 0; i < node.entryCount(); i++) {
            Object key = node.keyAt(i);
            if (skip == NOT_FOUND || !Objects.equals(key, skip)) {
                emit(key);
            }
        }
        for (int i = 0; i < node.childCount(); i++) {
            allBut(node.childAt(i), skip);
        }
    }
}
