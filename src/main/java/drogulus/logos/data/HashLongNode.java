package drogulus.logos.data;

import java.util.Arrays;

/**
 * A node of a set's trie whose entries are all integers, each its own value: the same node as a
 * {@link HashBitmapNode} (the same bitmaps, entries and children in the same order, so the trie iterates and prints
 * the same), with the numbers kept as longs instead of as boxed Longs referenced twice. A large set of numbers then
 * takes about a third of the memory, and the collector has one object per node to copy instead of one per item.
 * Built only by the set builders ({@link SetBulk}, {@link TrieMerge}); a look-up needs no boxing, a walk boxes the
 * numbers it hands out, and a change this node cannot make with numbers alone is made on a boxed copy of it.
 */
final class HashLongNode implements BitmapNode {
    private static final Object[] NO_CHILDREN = new Object[0];
    private static final long[] NO_NUMBERS = new long[0];

    private final int dataMap;
    private final int nodeMap;
    private final long[] keys;
    /**
     * The child nodes, each a {@link HashNode}. An Object[] rather than a HashNode[]: C2 takes an array of an
     * interface type for an Object[] when it guesses a store's array type, so every store into a HashNode[] (here and
     * in the builders' scratch) failed that guess, deoptimised the method and, after a few such traps, recompiled it.
     */
    private final Object[] children;

    HashLongNode(int dataMap, int nodeMap, long[] keys, Object[] children) {
        this.dataMap = dataMap;
        this.nodeMap = nodeMap;
        this.keys = keys;
        this.children = children;
    }

    /**
     * A node of the first e numbers and first c children of the given scratch arrays, copied out; a node without
     * entries or without children shares one empty array rather than making its own (most nodes are leaves).
     */
    static HashLongNode copied(int dataMap, int nodeMap, long[] numbers, int e, Object[] kids, int c) {
        return new HashLongNode(dataMap, nodeMap, e == 0 ? NO_NUMBERS : Arrays.copyOf(numbers, e),
            c == 0 ? NO_CHILDREN : Arrays.copyOf(kids, c));
    }

    /**
     * A set's node of e entries (key and value in turn in entries, a value equal to its key) and c children: unboxed
     * when every key is an integer, else a {@link HashBitmapNode}.
     */
    static BitmapNode of(int dataMap, int nodeMap, Object[] entries, int e, Object[] kids, int c) {
        long[] numbers = new long[e];
        boolean allNumbers = true;
        for (int i = 0; i < e && allNumbers; i++) {
            if (entries[2 * i] instanceof Long n && n.equals(entries[2 * i + 1])) {
                numbers[i] = n;
            } else {
                allNumbers = false;
            }
        }
        if (allNumbers) {
            return new HashLongNode(dataMap, nodeMap, e == 0 ? NO_NUMBERS : numbers,
                c == 0 ? NO_CHILDREN : Arrays.copyOf(kids, c));
        }
        Object[] content = new Object[2 * e + c];
        System.arraycopy(entries, 0, content, 0, 2 * e);
        System.arraycopy(kids, 0, content, 2 * e, c);
        return new HashBitmapNode(null, dataMap, nodeMap, content);
    }

    /**
     * Empties scratch[0..n) of a builder's scratch array. Not Arrays.fill, whose one profile every caller in the JDK
     * shares: an array of another type met there made C2 deoptimise the builder it had been inlined into.
     */
    static void clear(Object[] scratch, int n) {
        for (int i = 0; i < n; i++) {
            scratch[i] = null;
        }
    }

    /** The trie's hash of a number. */
    static int hashOf(long number) {
        return HashNode.spread(Long.hashCode(number));
    }

    private static int index(int map, int bit) {
        return Integer.bitCount(map & (bit - 1));
    }

    @Override
    public int dataMap() {
        return dataMap;
    }

    @Override
    public int nodeMap() {
        return nodeMap;
    }

    /** The number of entry i, unboxed. */
    long numberAt(int i) {
        return keys[i];
    }

    @Override
    public Object find(Object key, int hash, int shift, Object notFound) {
        int bit = HashBitmapNode.bitFor(hash, shift);
        if ((dataMap & bit) != 0) {
            // The value of a set's item is the item: an equal number stands for it.
            return key instanceof Long n && n == keys[index(dataMap, bit)] ? key : notFound;
        }
        if ((nodeMap & bit) != 0) {
            return ((HashNode) children[index(nodeMap, bit)]).find(key, hash, shift + BITS, notFound);
        }
        return notFound;
    }

    @Override
    public HashNode assoc(Object key, int hash, Object value, int shift, HashEdit edit) {
        if (key instanceof Long n && n.equals(value)) {
            return assocNumber(n, hash, shift, edit);
        }
        int bit = HashBitmapNode.bitFor(hash, shift);
        if ((nodeMap & bit) != 0) {
            int j = index(nodeMap, bit);
            return withChild(j, ((HashNode) children[j]).assoc(key, hash, value, shift + BITS, edit));
        }
        HashBitmapNode copy = boxed();
        return unchangedAsThis(copy, copy.assoc(key, hash, value, shift, edit));
    }

    /** This node with the number n (of the given hash) added as a set's item; this node when it holds n already. */
    HashNode assocNumber(long n, int hash, int shift, HashEdit edit) {
        int bit = HashBitmapNode.bitFor(hash, shift);
        if ((nodeMap & bit) != 0) {
            int j = index(nodeMap, bit);
            HashNode child = (HashNode) children[j];
            if (child instanceof HashLongNode numbers) {
                return withChild(j, numbers.assocNumber(n, hash, shift + BITS, edit));
            }
            Long item = n;
            return withChild(j, child.assoc(item, hash, item, shift + BITS, edit));
        }
        if ((dataMap & bit) != 0) {
            int i = index(dataMap, bit);
            if (keys[i] == n) {
                return this;
            }
            // Two numbers in one slot: they move down to a child together.
            HashNode pair = pair(keys[i], n, shift + BITS);
            edit.added();
            return new HashLongNode(dataMap ^ bit, nodeMap | bit, without(keys, i),
                insert(children, index(nodeMap, bit), pair));
        }
        edit.added();
        return new HashLongNode(dataMap | bit, nodeMap, with(keys, index(dataMap, bit), n), children);
    }

    /** This node with child j replaced by changed; this node when changed is that child. */
    private HashNode withChild(int j, HashNode changed) {
        if (changed == children[j]) {
            return this;
        }
        Object[] kids = children.clone();
        kids[j] = changed;
        return new HashLongNode(dataMap, nodeMap, keys, kids);
    }

    private static long[] with(long[] numbers, int at, long n) {
        long[] more = new long[numbers.length + 1];
        System.arraycopy(numbers, 0, more, 0, at);
        more[at] = n;
        System.arraycopy(numbers, at, more, at + 1, numbers.length - at);
        return more;
    }

    private static long[] without(long[] numbers, int at) {
        long[] fewer = new long[numbers.length - 1];
        System.arraycopy(numbers, 0, fewer, 0, at);
        System.arraycopy(numbers, at + 1, fewer, at, numbers.length - at - 1);
        return fewer;
    }

    private static Object[] without(Object[] kids, int at) {
        Object[] fewer = new Object[kids.length - 1];
        System.arraycopy(kids, 0, fewer, 0, at);
        System.arraycopy(kids, at + 1, fewer, at, kids.length - at - 1);
        return fewer;
    }

    /** Whether the trie at node (of the level at shift) holds the number n, whose hash is given. */
    static boolean containsNumber(HashNode node, long n, int hash, int shift) {
        Object at = node;
        int level = shift;
        while (at instanceof HashLongNode numbers) {
            int bit = HashBitmapNode.bitFor(hash, level);
            if ((numbers.dataMap & bit) != 0) {
                return numbers.keys[index(numbers.dataMap, bit)] == n;
            }
            if ((numbers.nodeMap & bit) == 0) {
                return false;
            }
            at = numbers.children[index(numbers.nodeMap, bit)];
            level += BITS;
        }
        return ((HashNode) at).find(n, hash, level, NOT_FOUND) != NOT_FOUND;
    }

    private static final Object NOT_FOUND = new Object();

    private static Object[] insert(Object[] kids, int at, HashNode child) {
        Object[] more = new Object[kids.length + 1];
        System.arraycopy(kids, 0, more, 0, at);
        more[at] = child;
        System.arraycopy(kids, at, more, at + 1, kids.length - at);
        return more;
    }

    /** The node of two distinct numbers for the level at shift, laid out as {@link HashNode#pair} lays it out. */
    static HashNode pair(long a, long b, int shift) {
        int hashA = hashOf(a);
        int hashB = hashOf(b);
        if (shift > MAX_SHIFT) {
            Long boxedA = a;
            Long boxedB = b;
            return HashCollisionNode.of(null, new Object[] {boxedA, boxedA, boxedB, boxedB});
        }
        int bitA = HashBitmapNode.bitFor(hashA, shift);
        int bitB = HashBitmapNode.bitFor(hashB, shift);
        if (bitA == bitB) {
            return new HashLongNode(0, bitA, NO_NUMBERS, new Object[] {pair(a, b, shift + BITS)});
        }
        long[] both = Integer.compareUnsigned(bitA, bitB) < 0 ? new long[] {a, b} : new long[] {b, a};
        return new HashLongNode(bitA | bitB, 0, both, NO_CHILDREN);
    }

    @Override
    public HashNode update(Object key, int hash, java.util.function.UnaryOperator<Object> change, int shift,
            HashEdit edit) {
        HashBitmapNode copy = boxed();
        return unchangedAsThis(copy, copy.update(key, hash, change, shift, edit));
    }

    @Override
    public HashNode dissoc(Object key, int hash, int shift, HashEdit edit) {
        int bit = HashBitmapNode.bitFor(hash, shift);
        if ((dataMap & bit) != 0) {
            if (!(key instanceof Long n) || n != keys[index(dataMap, bit)]) {
                return this;
            }
            edit.removed();
            return new HashLongNode(dataMap ^ bit, nodeMap, without(keys, index(dataMap, bit)), children);
        }
        if ((nodeMap & bit) == 0) {
            return this;
        }
        int j = index(nodeMap, bit);
        int before = edit.sizeChange();
        HashNode changed = ((HashNode) children[j]).dissoc(key, hash, shift + BITS, edit);
        if (edit.sizeChange() == before) {
            return this;
        }
        if (changed.entryCount() != 1 || changed.childCount() != 0) {
            return withChild(j, changed);
        }
        // Keep the trie canonical, as HashBitmapNode does: a lone entry moves up until it shares a node.
        if (shift > 0 && dataMap == 0 && nodeMap == bit) {
            return changed;
        }
        Object lone = changed.keyAt(0);
        Object[] kids = without(children, j);
        int at = index(dataMap, bit);
        if (lone instanceof Long n) {
            return new HashLongNode(dataMap | bit, nodeMap ^ bit, with(keys, at, n), kids);
        }
        Object[] entries = new Object[2 * (keys.length + 1)];
        for (int i = 0, k = 0; i <= keys.length; i++) {
            Object item = i == at ? lone : (Object) keys[k++];
            entries[2 * i] = item;
            entries[2 * i + 1] = i == at ? changed.valueAt(0) : item;
        }
        return of(dataMap | bit, nodeMap ^ bit, entries, keys.length + 1, kids, kids.length);
    }

    /** What a change made on a boxed copy of this node gives: this node itself when the copy came back unchanged. */
    private HashNode unchangedAsThis(HashBitmapNode copy, HashNode changed) {
        return changed == copy ? this : changed;
    }

    /**
     * This node with its numbers boxed, each referenced as key and as value. Owned by nobody, so a change to it makes
     * a new node and it comes back itself only when nothing changed.
     */
    HashBitmapNode boxed() {
        int e = keys.length;
        Object[] content = new Object[2 * e + children.length];
        for (int i = 0; i < e; i++) {
            Long n = keys[i];
            content[2 * i] = n;
            content[2 * i + 1] = n;
        }
        System.arraycopy(children, 0, content, 2 * e, children.length);
        return new HashBitmapNode(null, dataMap, nodeMap, content);
    }

    @Override
    public int entryCount() {
        return keys.length;
    }

    @Override
    public Object keyAt(int index) {
        return keys[index];
    }

    @Override
    public Object valueAt(int index) {
        return keys[index];
    }

    @Override
    public int childCount() {
        return children.length;
    }

    @Override
    public HashNode childAt(int index) {
        return (HashNode) children[index];
    }
}
