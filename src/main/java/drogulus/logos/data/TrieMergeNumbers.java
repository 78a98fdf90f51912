package drogulus.logos.data;

import drogulus.logos.data.TrieMerge.Op;

/**
 * The part of a {@link TrieMerge} walk where both tries have a node of numbers ({@link HashLongNode}): the numbers
 * are compared, kept and paired unboxed, and the nodes made keep them unboxed, so merging two large sets of numbers
 * boxes none of them. Shares the walk's state: the operation, the count of common items and the scratch arrays.
 */
final class TrieMergeNumbers {
    /** Marks an entry kept unboxed in the numbers scratch. */
    private static final Object NUMBER = new Object();

    private final TrieMerge walk;
    /** Scratch for the entries of the node being made at each level, unboxed; their slots in entries hold NUMBER. */
    private final long[][] numbers = new long[TrieMerge.LEVELS][32];

    TrieMergeNumbers(TrieMerge walk) {
        this.walk = walk;
    }

    /**
     * The merge of two nodes of numbers at shift: the same steps as {@link TrieMerge#merge}, comparing the numbers
     * unboxed; the result is a node of numbers too unless a slot below is left with one item that is not a number.
     */
    HashNode merge(HashLongNode a, HashLongNode b, int shift) {
        int level = shift / HashNode.BITS;
        Object[] outEntries = walk.entries[level];
        long[] outNumbers = numbers[level];
        Object[] outChildren = walk.children[level];
        boolean allNumbers = true;
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
        int slots = aData | aNodes | (walk.op == Op.UNION ? bData | bNodes : 0);
        // Where the slot's entry or child sits in each node, counted along rather than by Integer.bitCount, which
        // C1's code (what runs until C2 has compiled this) calls rather than inlines: a tenth of a cold run's merging.
        int aEntries = 0;
        int aChildren = 0;
        int bEntries = 0;
        int bChildren = 0;
        for (int bits = aData | aNodes | bData | bNodes; bits != 0; bits &= bits - 1) {
            int bit = bits & -bits;
            int ai = aEntries;
            int aj = aChildren;
            int bi = bEntries;
            int bj = bChildren;
            aEntries += (aData & bit) != 0 ? 1 : 0;
            aChildren += (aNodes & bit) != 0 ? 1 : 0;
            bEntries += (bData & bit) != 0 ? 1 : 0;
            bChildren += (bNodes & bit) != 0 ? 1 : 0;
            if ((slots & bit) == 0) {
                continue;
            }
            HashNode result = null;
            long kept = 0;
            boolean keep = false;
            if ((aData & bit) != 0) {
                kept = a.numberAt(ai);
                if ((bData & bit) != 0) {
                    long other = b.numberAt(bi);
                    if (kept == other) {
                        walk.common++;
                        keep = walk.op != Op.DIFFERENCE;
                    } else if (walk.op == Op.UNION) {
                        result = HashLongNode.pair(kept, other, next);
                    } else {
                        keep = walk.op == Op.DIFFERENCE;
                    }
                } else if ((bNodes & bit) != 0) {
                    HashNode theirs = b.childAt(bj);
                    int hash = HashLongNode.hashOf(kept);
                    boolean found = HashLongNode.containsNumber(theirs, kept, hash, next);
                    if (found) {
                        walk.common++;
                    }
                    if (walk.op == Op.UNION) {
                        result = found ? theirs : withNumber(theirs, kept, hash, next);
                    } else {
                        keep = found == (walk.op == Op.INTERSECTION);
                    }
                } else {
                    keep = walk.op != Op.INTERSECTION;
                }
            } else if ((aNodes & bit) != 0) {
                HashNode child = a.childAt(aj);
                if ((bNodes & bit) != 0) {
                    result = walk.merge(child, b.childAt(bj), next);
                } else if ((bData & bit) != 0) {
                    long other = b.numberAt(bi);
                    int hash = HashLongNode.hashOf(other);
                    boolean found = HashLongNode.containsNumber(child, other, hash, next);
                    if (found) {
                        walk.common++;
                    }
                    result = switch (walk.op) {
                        case DIFFERENCE -> found ? child.dissoc(other, hash, next, new HashEdit(null)) : child;
                        case UNION -> found ? child : withNumber(child, other, hash, next);
                        case INTERSECTION -> found ? loneNumber(other) : HashBitmapNode.EMPTY;
                    };
                } else {
                    result = walk.op == Op.INTERSECTION ? HashBitmapNode.EMPTY : child;
                }
                if (result == child) {
                    outChildren[c++] = child;
                    nodeMap |= bit;
                    continue;
                }
            } else if ((bData & bit) != 0) {
                kept = b.numberAt(bi);
                keep = true;
                unchanged = false;
            } else {
                result = b.childAt(bj);
            }
            if (result == null) {
                if (keep) {
                    outEntries[2 * e] = NUMBER;
                    outNumbers[e++] = kept;
                    dataMap |= bit;
                } else {
                    unchanged = false;
                }
                continue;
            }
            unchanged = false;
            Object loneKey = null;
            Object loneValue = null;
            if (result == TrieMerge.LONE) {
                loneKey = walk.loneKey;
                loneValue = walk.loneValue;
            } else if (result.childCount() == 0 && result.entryCount() <= 1) {
                if (result.entryCount() == 0) {
                    continue;
                }
                loneKey = result.keyAt(0);
                loneValue = result.valueAt(0);
            } else {
                outChildren[c++] = result;
                nodeMap |= bit;
                continue;
            }
            // A slot left with one item holds the item itself.
            dataMap |= bit;
            if (loneKey instanceof Long n && n.equals(loneValue)) {
                outEntries[2 * e] = NUMBER;
                outNumbers[e++] = n;
            } else {
                allNumbers = false;
                outEntries[2 * e] = loneKey;
                outEntries[2 * e + 1] = loneValue;
                outNumbers[e++] = 0;
            }
        }
        if (unchanged) {
            return a;
        }
        HashNode made;
        if (shift > 0 && c == 0 && e <= 1) {
            // Below the root a slot left with one entry or none is no node: the parent holds what is left.
            made = e == 0 ? HashBitmapNode.EMPTY
                : outEntries[0] == NUMBER ? loneNumber(outNumbers[0]) : walk.lone(outEntries[0], outEntries[1]);
        } else if (allNumbers) {
            made = HashLongNode.copied(dataMap, nodeMap, outNumbers, e, outChildren, c);
        } else {
            for (int i = 0; i < e; i++) {
                if (outEntries[2 * i] == NUMBER) {
                    Object n = outNumbers[i];
                    outEntries[2 * i] = n;
                    outEntries[2 * i + 1] = n;
                }
            }
            made = HashLongNode.of(dataMap, nodeMap, outEntries, e, outChildren, c);
        }
        HashLongNode.clear(outEntries, 2 * e);
        HashLongNode.clear(outChildren, c);
        return made;
    }

    /** The one number a slot is left with, boxed once as key and value. */
    private HashNode loneNumber(long n) {
        Object item = n;
        return walk.lone(item, item);
    }

    /** node with the number n (of the given hash) added, made without boxing n where node keeps numbers unboxed. */
    private HashNode withNumber(HashNode node, long n, int hash, int shift) {
        if (node instanceof HashLongNode unboxed) {
            return unboxed.assocNumber(n, hash, shift, walk.adding);
        }
        Object item = n;
        return node.assoc(item, hash, item, shift, walk.adding);
    }
}
