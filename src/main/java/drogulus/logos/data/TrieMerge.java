package drogulus.logos.data;

import java.util.Objects;

/**
 * Union, intersection and difference of two hash tries, made node by node from the two tries side by side. A
 * subtree of the first trie that the operation leaves alone is shared, not copied, and no key is hashed, sorted or
 * placed again except where the two tries meet at the same slot; the result is the very trie, node for node, that
 * building its keys from scratch would give (a slot of one key holds the entry, a slot of several a child), so it
 * iterates and prints as such a trie would. Entries of the first trie win over equal keys of the second.
 */
final class TrieMerge {
    /** What to keep: keys of either trie, keys of the first that are in the second, or those that are not. */
    enum Op { UNION, INTERSECTION, DIFFERENCE }

    private static final Object NOT_FOUND = new Object();
    /**
     * What merging a child returns when the slot is left with one entry (in {@link #loneKey} and {@link #loneValue}),
     * which the parent then holds itself: so that the walk does not make a node of one entry only to unpack it.
     */
    static final HashBitmapNode LONE = new HashBitmapNode(null, 0, 0, new Object[0]);
    /** Bitmap levels: shifts 0 to 30 in steps of five. */
    static final int LEVELS = HashNode.MAX_SHIFT / HashNode.BITS + 1;

    final Op op;
    /** Keys met in both tries so far; the result's size follows from it and the sizes of the two. */
    int common;
    /**
     * The edit of every persistent addition this walk makes: owned by nobody, so each copies what it changes, and
     * shared, as an addition never reads the size change it counts (a removal, which does, gets its own edit).
     */
    final HashEdit adding = new HashEdit(null);
    Object loneKey;
    Object loneValue;
    /** Scratch for the node being made at each level: its entries as key and value, then its children. */
    final Object[][] entries = new Object[LEVELS][2 * 32];
    /** The walk over two nodes of numbers, which shares this one's state. */
    private final TrieMergeNumbers numbers = new TrieMergeNumbers(this);
    final Object[][] children = new Object[LEVELS][32];

    private TrieMerge(Op op) {
        this.op = op;
    }

    /** The result of one operation: its trie (possibly without entries) and how many keys the two share. */
    record Result(HashNode root, int common) {
        /** How many keys the result holds, given the sizes of the two tries. */
        int count(Op op, int sizeA, int sizeB) {
            return switch (op) {
                case UNION -> sizeA + sizeB - common;
                case INTERSECTION -> common;
                case DIFFERENCE -> sizeA - common;
            };
        }
    }

    static Result apply(Op op, HashNode a, HashNode b) {
        TrieMerge merge = new TrieMerge(op);
        HashNode root = merge.merge(a, b, 0);
        return new Result(root, merge.common);
    }

    HashNode merge(HashNode x, HashNode y, int shift) {
        if (x == y) {
            common += size(x);
            return op == Op.DIFFERENCE ? HashBitmapNode.EMPTY : x;
        }
        if (x instanceof HashLongNode a && y instanceof HashLongNode b) {
            return numbers.merge(a, b, shift);
        }
        if (!(x instanceof BitmapNode a) || !(y instanceof BitmapNode b)) {
            return mergeEach(x, y, shift);
        }
        int level = shift / HashNode.BITS;
        Object[] outEntries = entries[level];
        Object[] outChildren = children[level];
        int dataMap = 0;
        int nodeMap = 0;
        int e = 0;
        int c = 0;
        boolean unchanged = true;
        int aData = a.dataMap();
        int aNodes = a.nodeMap();
        int bData = b.dataMap();
        int bNodes = b.nodeMap();
        int next = shift + HashNode.BITS;
        int slots = aData | aNodes | (op == Op.UNION ? bData | bNodes : 0);
        for (int bits = slots; bits != 0; bits &= bits - 1) {
            int bit = bits & -bits;
            HashNode result;
            if ((aData & bit) != 0) {
                int ai = Integer.bitCount(aData & (bit - 1));
                Object key = a.keyAt(ai);
                Object value = valueAt(a, ai, key);
                result = entryAgainst(key, value, b, bit, next);
                if (result == null) {
                    outEntries[2 * e] = key;
                    outEntries[2 * e + 1] = value;
                    e++;
                    dataMap |= bit;
                    continue;
                }
            } else if ((aNodes & bit) != 0) {
                HashNode child = a.childAt(Integer.bitCount(aNodes & (bit - 1)));
                result = childAgainst(child, b, bit, next);
                if (result == child) {
                    outChildren[c++] = child;
                    nodeMap |= bit;
                    continue;
                }
            } else if ((bData & bit) != 0) {
                int bi = Integer.bitCount(bData & (bit - 1));
                Object added = b.keyAt(bi);
                outEntries[2 * e] = added;
                outEntries[2 * e + 1] = valueAt(b, bi, added);
                e++;
                dataMap |= bit;
                unchanged = false;
                continue;
            } else {
                result = b.childAt(Integer.bitCount(bNodes & (bit - 1)));
            }
            unchanged = false;
            if (result == LONE) {
                outEntries[2 * e] = loneKey;
                outEntries[2 * e + 1] = loneValue;
                e++;
                dataMap |= bit;
                continue;
            }
            int kept = result.entryCount();
            if (result.childCount() == 0 && kept <= 1) {
                // A slot left with one key holds that key itself; a slot left with none is empty.
                if (kept == 1) {
                    outEntries[2 * e] = result.keyAt(0);
                    outEntries[2 * e + 1] = result.valueAt(0);
                    e++;
                    dataMap |= bit;
                }
            } else {
                outChildren[c++] = result;
                nodeMap |= bit;
            }
        }
        if (unchanged) {
            return a;
        }
        if (shift > 0 && c == 0 && e <= 1) {
            // Below the root a slot left with one entry or none is no node: the parent holds what is left.
            if (e == 0) {
                return HashBitmapNode.EMPTY;
            }
            HashNode lone = lone(outEntries[0], outEntries[1]);
            outEntries[0] = null;
            outEntries[1] = null;
            return lone;
        }
        BitmapNode made = HashLongNode.of(dataMap, nodeMap, outEntries, e, outChildren, c);
        HashLongNode.clear(outEntries, 2 * e);
        HashLongNode.clear(outChildren, c);
        return made;
    }

    /** The value of entry i of node, whose key is key: the key itself in a node of numbers, not a second box. */
    private static Object valueAt(BitmapNode node, int i, Object key) {
        return node instanceof HashLongNode ? key : node.valueAt(i);
    }

    /**
     * The entry key of the first trie against the slot bit of node b of the second: null when the result keeps
     * the entry as it is, else what the slot holds instead (a node with no entries when nothing).
     */
    private HashNode entryAgainst(Object key, Object value, BitmapNode b, int bit, int next) {
        if ((b.dataMap() & bit) != 0) {
            int bi = Integer.bitCount(b.dataMap() & (bit - 1));
            Object other = b.keyAt(bi);
            if (Objects.equals(key, other)) {
                common++;
                return op == Op.DIFFERENCE ? HashBitmapNode.EMPTY : null;
            }
            return switch (op) {
                case UNION -> key instanceof Long x && other instanceof Long y && x.equals(value)
                    && b instanceof HashLongNode
                    ? HashLongNode.pair(x, y, next)
                    : HashNode.pair(key, HashNode.hash(key), value, other, HashNode.hash(other),
                        valueAt(b, bi, other), next, adding);
                case INTERSECTION -> HashBitmapNode.EMPTY;
                case DIFFERENCE -> null;
            };
        }
        if ((b.nodeMap() & bit) != 0) {
            HashNode theirs = b.childAt(Integer.bitCount(b.nodeMap() & (bit - 1)));
            int hash = HashNode.hash(key);
            boolean found = theirs.find(key, hash, next, NOT_FOUND) != NOT_FOUND;
            if (op == Op.UNION) {
                // Added by a copy of one path; an equal key there is replaced, as this trie's entries win.
                return found ? merge(single(key, value, next), theirs, next)
                    : theirs.assoc(key, hash, value, next, adding);
            }
            if (found) {
                common++;
            }
            return found == (op == Op.INTERSECTION) ? null : HashBitmapNode.EMPTY;
        }
        return op == Op.INTERSECTION ? HashBitmapNode.EMPTY : null;
    }

    /** The child node of the first trie against the slot bit of node b of the second: what the slot holds. */
    private HashNode childAgainst(HashNode child, BitmapNode b, int bit, int next) {
        if ((b.nodeMap() & bit) != 0) {
            return merge(child, b.childAt(Integer.bitCount(b.nodeMap() & (bit - 1))), next);
        }
        if ((b.dataMap() & bit) != 0) {
            int bi = Integer.bitCount(b.dataMap() & (bit - 1));
            Object other = b.keyAt(bi);
            int hash = HashNode.hash(other);
            return switch (op) {
                case DIFFERENCE -> {
                    HashEdit edit = new HashEdit(null);
                    HashNode less = child.dissoc(other, hash, next, edit);
                    if (edit.sizeChange() != 0) {
                        common++;
                    }
                    yield less;
                }
                case UNION -> {
                    // This trie's entry wins over an equal key, so only a key it lacks is added.
                    if (child.find(other, hash, next, NOT_FOUND) != NOT_FOUND) {
                        common++;
                        yield child;
                    }
                    yield child.assoc(other, hash, valueAt(b, bi, other), next, adding);
                }
                case INTERSECTION -> entryOf(child, other, hash, next);
            };
        }
        return op == Op.INTERSECTION ? HashBitmapNode.EMPTY : child;
    }

    /** The node of one entry of the subtree, the one whose key equals key, or an empty node when there is none. */
    private HashNode entryOf(HashNode node, Object key, int hash, int shift) {
        HashNode at = node;
        int level = shift;
        while (at instanceof BitmapNode bitmap) {
            int bit = HashBitmapNode.bitFor(hash, level);
            if ((bitmap.dataMap() & bit) != 0) {
                int i = Integer.bitCount(bitmap.dataMap() & (bit - 1));
                if (!Objects.equals(bitmap.keyAt(i), key)) {
                    return HashBitmapNode.EMPTY;
                }
                common++;
                Object kept = bitmap.keyAt(i);
                return lone(kept, valueAt(bitmap, i, kept));
            }
            if ((bitmap.nodeMap() & bit) == 0) {
                return HashBitmapNode.EMPTY;
            }
            at = bitmap.childAt(Integer.bitCount(bitmap.nodeMap() & (bit - 1)));
            level += HashNode.BITS;
        }
        return mergeEach(at, single(key, null, level), level);
    }

    /** The one entry a slot is left with, for the parent node being made to hold. */
    HashNode lone(Object key, Object value) {
        loneKey = key;
        loneValue = value;
        return LONE;
    }

    /** A node of one entry for the level at shift, to merge against a node of that level. */
    private static HashNode single(Object key, Object value, int shift) {
        if (shift > HashNode.MAX_SHIFT) {
            return HashCollisionNode.of(null, new Object[] {key, value});
        }
        return new HashBitmapNode(null, HashBitmapNode.bitFor(HashNode.hash(key), shift), 0,
            new Object[] {key, value});
    }

    /**
     * Collision nodes (keys whose whole hashes are equal): the few keys are looked up one by one. Starts from the
     * first node and removes or adds to it, so its keys keep their order, as adding or removing them would.
     */
    private HashNode mergeEach(HashNode x, HashNode y, int shift) {
        HashEdit edit = new HashEdit(null);
        HashNode out = x;
        if (op == Op.UNION) {
            for (int i = 0; i < y.entryCount(); i++) {
                Object key = y.keyAt(i);
                int hash = HashNode.hash(key);
                if (x.find(key, hash, shift, NOT_FOUND) != NOT_FOUND) {
                    common++;
                } else {
                    out = out.assoc(key, hash, y.valueAt(i), shift, edit);
                }
            }
            return childless(y, out);
        }
        for (int i = 0; i < x.entryCount(); i++) {
            Object key = x.keyAt(i);
            int hash = HashNode.hash(key);
            boolean found = y.find(key, hash, shift, NOT_FOUND) != NOT_FOUND;
            if (found) {
                common++;
            }
            if (found == (op == Op.DIFFERENCE)) {
                out = out.dissoc(key, hash, shift, edit);
            }
        }
        return childless(x, out);
    }

    /** out, once it is checked that node, whose entries were all looked at, has no children to look at. */
    private static HashNode childless(HashNode node, HashNode out) {
        if (node.childCount() > 0) {
            // Not reached by tries of one hash function: bitmap nodes meet collision nodes only below the last level.
            throw new IllegalStateException("a bitmap node against a collision node");
        }
        return out;
    }

    /** How many entries the subtree holds. */
    static int size(HashNode node) {
        int n = node.entryCount();
        for (int i = 0; i < node.childCount(); i++) {
            n += size(node.childAt(i));
        }
        return n;
    }
}
