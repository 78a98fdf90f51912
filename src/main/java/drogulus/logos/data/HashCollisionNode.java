package drogulus.logos.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Entries whose keys differ but whose whole hashes are equal. Keys in {@link CollisionOrder} sit in a sorted tree,
 * so that many keys built to collide cost a logarithmic number of comparisons, not a scan; any others (maps,
 * functions) are searched one by one and charged so. Entries iterate tree first, in key order, then the rest in
 * the order they came, so the order depends only on the keys and their history, never on a seed.
 */
final class HashCollisionNode implements HashNode {
    private static final Object NOT_FOUND = new Object();

    private final Object owner;
    /** Only a builder that owns this node replaces these two. */
    private CollisionTree tree;
    /** Keys outside the order at even indices, each followed by its value. */
    private Object[] rest;

    private HashCollisionNode(Object owner, CollisionTree tree, Object[] rest) {
        this.owner = owner;
        this.tree = tree;
        this.rest = rest;
    }

    /** A node of the given distinct keys, each followed by its value. */
    static HashCollisionNode of(Object owner, Object[] pairs) {
        CollisionTree tree = null;
        Object[] rest = new Object[pairs.length];
        int kept = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            if (CollisionOrder.orderable(pairs[i])) {
                tree = CollisionTree.put(tree, pairs[i], pairs[i + 1]);
            } else {
                rest[kept++] = pairs[i];
                rest[kept++] = pairs[i + 1];
            }
        }
        return new HashCollisionNode(owner, tree, Arrays.copyOf(rest, kept));
    }

    private int indexInRest(Object key) {
        Cost.current().steps(rest.length / 2);
        for (int i = 0; i < rest.length; i += 2) {
            if (Objects.equals(rest[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object find(Object key, int hash, int shift, Object notFound) {
        if (CollisionOrder.orderable(key)) {
            CollisionTree found = CollisionTree.find(tree, key);
            return found == null ? notFound : found.value;
        }
        int i = indexInRest(key);
        return i < 0 ? notFound : rest[i + 1];
    }

    private HashCollisionNode with(HashEdit edit, CollisionTree newTree, Object[] newRest) {
        if (edit.owns(owner)) {
            tree = newTree;
            rest = newRest;
            return this;
        }
        return new HashCollisionNode(edit.owner(), newTree, newRest);
    }

    @Override
    public HashNode assoc(Object key, int hash, Object value, int shift, HashEdit edit) {
        if (CollisionOrder.orderable(key)) {
            CollisionTree found = CollisionTree.find(tree, key);
            if (found != null && found.value == value) {
                return this;
            }
            if (found == null) {
                edit.added();
            }
            return with(edit, CollisionTree.put(tree, key, value), rest);
        }
        int i = indexInRest(key);
        if (i >= 0) {
            if (rest[i + 1] == value) {
                return this;
            }
            // Copied even when owned: a node made by a builder may share its rest with an older version.
            Object[] copy = rest.clone();
            copy[i + 1] = value;
            return with(edit, tree, copy);
        }
        Object[] grown = Arrays.copyOf(rest, rest.length + 2);
        grown[rest.length] = key;
        grown[rest.length + 1] = value;
        edit.added();
        return with(edit, tree, grown);
    }

    @Override
    public HashNode update(Object key, int hash, java.util.function.UnaryOperator<Object> change, int shift,
            HashEdit edit) {
        Object old = find(key, hash, shift, NOT_FOUND);
        return assoc(key, hash, change.apply(old == NOT_FOUND ? null : old), shift, edit);
    }

    @Override
    public HashNode dissoc(Object key, int hash, int shift, HashEdit edit) {
        if (CollisionOrder.orderable(key)) {
            if (CollisionTree.find(tree, key) == null) {
                return this;
            }
            edit.removed();
            return with(edit, CollisionTree.remove(tree, key), rest);
        }
        int i = indexInRest(key);
        if (i < 0) {
            return this;
        }
        Object[] shrunk = new Object[rest.length - 2];
        System.arraycopy(rest, 0, shrunk, 0, i);
        System.arraycopy(rest, i + 2, shrunk, i, rest.length - i - 2);
        edit.removed();
        return with(edit, tree, shrunk);
    }

    @Override
    public int entryCount() {
        return CollisionTree.size(tree) + rest.length / 2;
    }

    @Override
    public Object keyAt(int index) {
        int inTree = CollisionTree.size(tree);
        return index < inTree ? CollisionTree.at(tree, index).key : rest[2 * (index - inTree)];
    }

    @Override
    public Object valueAt(int index) {
        int inTree = CollisionTree.size(tree);
        return index < inTree ? CollisionTree.at(tree, index).value : rest[2 * (index - inTree) + 1];
    }

    @Override
    public int childCount() {
        return 0;
    }

    @Override
    public HashNode childAt(int index) {
        throw new IndexOutOfBoundsException(index);
    }
}
