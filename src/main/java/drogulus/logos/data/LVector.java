package drogulus.logos.data;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable vector: indexed access, and {@code conj} adds at the end.
 *
 * <p>A bit-partitioned trie of 32-way nodes plus a tail of up to 32 items that is not yet in the trie, so that
 * {@code conj}, {@code pop}, {@code nth} and {@code assocN} cost O(log32 n) and versions share structure.
 *
 * <p>A vector that a split of a long text made ({@link #ofParts}) keeps the text and where its parts lie instead,
 * and makes a part's string when it is first read (a walk in order does not keep it; see {@link TextParts}): the
 * same items, equality, hash and printing; the first change to it
 * ({@code conj}, {@code assocN}, {@code pop}, a builder) makes the trie of its items, which the result then shares.
 */
public final class LVector implements Iterable<Object> {
    static final int BITS = 5;
    static final int WIDTH = 1 << BITS;
    static final int MASK = WIDTH - 1;
    private static final Object[] EMPTY_NODE = new Object[WIDTH];

    public static final LVector EMPTY = new LVector(0, BITS, EMPTY_NODE, new Object[0]);

    private final int count;
    /** How far to shift an index to find its slot in the root. */
    private final int shift;
    private final Object[] root;
    /** The last 1 to 32 items, kept out of the trie so appending rarely touches it; exactly sized. */
    private final Object[] tail;
    /** The hash once computed; 0 until then. */
    private int hash;
    /** A split's text and bounds, whose parts are this vector's items (root and tail then hold none); or null. */
    private final TextParts text;

    private LVector(int count, int shift, Object[] root, Object[] tail) {
        this.count = count;
        this.shift = shift;
        this.root = root;
        this.tail = tail;
        this.text = null;
    }

    private LVector(int count, TextParts text) {
        this.count = count;
        this.shift = BITS;
        this.root = EMPTY_NODE;
        this.tail = EMPTY_NODE;
        this.text = text;
    }

    public static LVector of(Object... items) {
        if (items.length == 0) {
            return EMPTY;
        }
        if (items.length <= WIDTH) {
            // A small vector is all tail: one exactly sized copy, no builder.
            return new LVector(items.length, BITS, EMPTY_NODE, items.clone());
        }
        Builder builder = new Builder();
        for (Object item : items) {
            builder.add(item);
        }
        return builder.build();
    }

    /** A vector of the first n items of the array, which it leaves unchanged: one exactly sized copy when small. */
    public static LVector ofFirst(Object[] items, int n) {
        if (n == 0) {
            return EMPTY;
        }
        if (n <= WIDTH) {
            return new LVector(n, BITS, EMPTY_NODE, java.util.Arrays.copyOf(items, n));
        }
        Builder builder = new Builder();
        for (int i = 0; i < n; i++) {
            builder.add(items[i]);
        }
        return builder.build();
    }

    /**
     * A vector of the first n items of the array. Takes the array itself when n is its length and at most 32 (the
     * caller must not change it afterwards): a split's few parts, counted before they are made, become a vector
     * without a copy.
     */
    public static LVector owning(Object[] items, int n) {
        if (n == items.length && n > 0 && n <= WIDTH) {
            return new LVector(n, BITS, EMPTY_NODE, items);
        }
        return ofFirst(items, n);
    }

    /**
     * The vector of the first n parts of text, part i being the characters from bounds[2i] up to bounds[2i + 1];
     * the vector takes the array (the caller must not change it afterwards). Up to 32 parts are made into strings
     * at once; more are made when read (see the class comment), so a long text split into lines holds one array of
     * ints beside the text rather than a string per line.
     */
    public static LVector ofParts(String text, int[] bounds, int n) {
        TextParts parts = new TextParts(text, bounds);
        if (n <= WIDTH) {
            Object[] items = new Object[n];
            parts.copyInto(items, 0, n);
            return owning(items, n);
        }
        return new LVector(n, parts.first(n));
    }

    /** A vector of the same items in the trie, for a change to a vector of text parts. */
    private LVector inTrie() {
        Builder builder = new Builder();
        for (int i = 0; i < count; i++) {
            builder.add(text.walk(i));
        }
        return builder.build();
    }

    public static LVector from(Collection<?> items) {
        if (items.isEmpty()) {
            return EMPTY;
        }
        if (items.size() <= WIDTH) {
            Object[] all = items.toArray();
            if (all.length == items.size() && all.getClass() == Object[].class) {
                return new LVector(all.length, BITS, EMPTY_NODE, all);
            }
        }
        return new Builder().addAll(items).build();
    }

    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Where the tail starts: every index below lives in the trie. */
    private static int tailOffset(int count) {
        return count < WIDTH ? 0 : ((count - 1) >>> BITS) << BITS;
    }

    /** The leaf array that holds index i, which the caller has bounds-checked. */
    private Object[] leafFor(int index) {
        if (index >= tailOffset(count)) {
            return tail;
        }
        Object[] node = root;
        for (int level = shift; level > 0; level -= BITS) {
            node = (Object[]) node[(index >>> level) & MASK];
        }
        return node;
    }

    public Object nth(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        return text != null ? text.read(index) : leafFor(index)[index & MASK];
    }

    public LVector conj(Object item) {
        if (text != null) {
            return inTrie().conj(item);
        }
        int inTail = count - tailOffset(count);
        if (inTail < WIDTH) {
            Object[] grown = Arrays.copyOf(tail, inTail + 1);
            grown[inTail] = item;
            return new LVector(count + 1, shift, root, grown);
        }
        Object[] newTail = {item};
        if ((count >>> BITS) > (1 << shift)) {
            Object[] newRoot = new Object[WIDTH];
            newRoot[0] = root;
            newRoot[1] = newPath(shift, tail);
            return new LVector(count + 1, shift + BITS, newRoot, newTail);
        }
        return new LVector(count + 1, shift, pushTail(count, shift, root, tail), newTail);
    }

    /** A copy of parent with the full tail of a vector of count items pushed in as the next leaf. */
    private static Object[] pushTail(int count, int level, Object[] parent, Object[] tailNode) {
        Object[] copy = parent.clone();
        int slot = ((count - 1) >>> level) & MASK;
        if (level == BITS) {
            copy[slot] = tailNode;
        } else {
            Object[] child = (Object[]) parent[slot];
            copy[slot] = child == null
                    ? newPath(level - BITS, tailNode)
                    : pushTail(count, level - BITS, child, tailNode);
        }
        return copy;
    }

    /** A chain of single-child nodes from level down to the leaf. */
    static Object[] newPath(int level, Object[] leaf) {
        Object[] node = leaf;
        for (int at = level; at > 0; at -= BITS) {
            Object[] parent = new Object[WIDTH];
            parent[0] = node;
            node = parent;
        }
        return node;
    }

    public LVector assocN(int index, Object item) {
        if (index == count) {
            return conj(item);
        }
        if (index < 0 || index > count) {
            throw new IndexOutOfBoundsException(index);
        }
        if (text != null) {
            return inTrie().assocN(index, item);
        }
        if (index >= tailOffset(count)) {
            Object[] copy = tail.clone();
            copy[index & MASK] = item;
            return new LVector(count, shift, root, copy);
        }
        return new LVector(count, shift, assocInTrie(shift, root, index, item), tail);
    }

    private static Object[] assocInTrie(int level, Object[] node, int index, Object item) {
        Object[] copy = node.clone();
        if (level == 0) {
            copy[index & MASK] = item;
        } else {
            int slot = (index >>> level) & MASK;
            copy[slot] = assocInTrie(level - BITS, (Object[]) node[slot], index, item);
        }
        return copy;
    }

    /** All but the last item. */
    public LVector pop() {
        if (count == 0) {
            throw new IllegalStateException("Can't pop an empty vector");
        }
        if (count == 1) {
            return EMPTY;
        }
        if (text != null) {
            return inTrie().pop();
        }
        int inTail = count - tailOffset(count);
        if (inTail > 1) {
            return new LVector(count - 1, shift, root, Arrays.copyOf(tail, inTail - 1));
        }
        Object[] newTail = leafFor(count - 2);
        Object[] newRoot = popTail(count, shift, root);
        int newShift = shift;
        if (newRoot == null) {
            newRoot = EMPTY_NODE;
        }
        if (shift > BITS && newRoot[1] == null) {
            newRoot = (Object[]) newRoot[0];
            newShift -= BITS;
        }
        return new LVector(count - 1, newShift, newRoot, newTail);
    }

    /** A copy of node without its last leaf, or null when nothing would be left in it. */
    private static Object[] popTail(int count, int level, Object[] node) {
        int slot = ((count - 2) >>> level) & MASK;
        if (level > BITS) {
            Object[] child = popTail(count, level - BITS, (Object[]) node[slot]);
            if (child == null && slot == 0) {
                return null;
            }
            Object[] copy = node.clone();
            copy[slot] = child;
            return copy;
        }
        if (slot == 0) {
            return null;
        }
        Object[] copy = node.clone();
        copy[slot] = null;
        return copy;
    }

    public Object[] toArray() {
        Object[] out = new Object[count];
        if (text != null) {
            text.copyInto(out, 0, count);
            return out;
        }
        for (int start = 0; start < count; start += WIDTH) {
            Object[] leaf = leafFor(start);
            System.arraycopy(leaf, 0, out, start, Math.min(WIDTH, count - start));
        }
        return out;
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private int next;
            private Object[] leaf = tail;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Object next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                if (text != null) {
                    return text.walk(next++);
                }
                if ((next & MASK) == 0) {
                    leaf = leafFor(next);
                }
                return leaf[next++ & MASK];
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        return Sequential.sequentialEquals(this, other);
    }

    @Override
    public int hashCode() {
        int h = hash;
        return h != 0 ? h : hash(new Meter());
    }

    /** The hash, computed once (charging the walk's meter) and kept: values never change. */
    int hash(Meter meter) {
        int h = hash;
        if (h == 0) {
            h = Sequential.sequentialHash(this, meter);
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

    /** A vector builder that appends in place; start a new vector or extend an existing one. */
    public static LVector.Builder builder() {
        return new Builder();
    }

    /**
     * Builds a vector by appending into arrays it owns instead of copying them for every item. Not thread-safe.
     * It may be used again after {@link #build()}: it then copies the few nodes the built vector shares with it
     * before it next writes, so vectors it has built never change.
     */
    public static final class Builder {
        private int count;
        private int shift;
        private Object[] root;
        /** A full-width array of which the first count - tailOffset(count) slots are used. */
        private Object[] tail;
        /** Whether root's rightmost path is shared with a built vector and must be copied before a write. */
        private boolean shared;

        public Builder() {
            this(EMPTY);
        }

        /** A builder that goes on from the items of start, which it leaves unchanged. */
        public Builder(LVector start) {
            LVector from = start.text != null ? start.inTrie() : start;
            count = from.count;
            shift = from.shift;
            root = from.root;
            tail = Arrays.copyOf(from.tail, WIDTH);
            shared = true;
        }

        public int count() {
            return count;
        }

        public Builder add(Object item) {
            int inTail = count - tailOffset(count);
            if (inTail < WIDTH) {
                tail[inTail] = item;
                count++;
                return this;
            }
            ownRightmostPath();
            if ((count >>> BITS) > (1 << shift)) {
                Object[] newRoot = new Object[WIDTH];
                newRoot[0] = root;
                newRoot[1] = newPath(shift, tail);
                root = newRoot;
                shift += BITS;
            } else {
                pushTailInPlace(root, shift, tail);
            }
            tail = new Object[WIDTH];
            tail[0] = item;
            count++;
            return this;
        }

        public Builder addAll(Iterable<?> items) {
            for (Object item : items) {
                add(item);
            }
            return this;
        }

        private void pushTailInPlace(Object[] parent, int level, Object[] tailNode) {
            int slot = ((count - 1) >>> level) & MASK;
            if (level == BITS) {
                parent[slot] = tailNode;
                return;
            }
            Object[] child = (Object[]) parent[slot];
            if (child == null) {
                parent[slot] = newPath(level - BITS, tailNode);
            } else {
                pushTailInPlace(child, level - BITS, tailNode);
            }
        }

        /**
         * Appending writes only into the nodes on the path to the last leaf of the trie (or into new nodes), so
         * owning that path is enough to leave every earlier vector intact.
         */
        private void ownRightmostPath() {
            if (!shared) {
                return;
            }
            shared = false;
            root = root.clone();
            int trieCount = tailOffset(count);
            if (trieCount == 0) {
                return;
            }
            int last = trieCount - 1;
            Object[] node = root;
            for (int level = shift; level > BITS; level -= BITS) {
                int slot = (last >>> level) & MASK;
                Object[] child = ((Object[]) node[slot]).clone();
                node[slot] = child;
                node = child;
            }
        }

        /** The vector of every item added so far. */
        public LVector build() {
            if (count == 0) {
                return EMPTY;
            }
            shared = true;
            return new LVector(count, shift, root, Arrays.copyOf(tail, count - tailOffset(count)));
        }
    }
}
