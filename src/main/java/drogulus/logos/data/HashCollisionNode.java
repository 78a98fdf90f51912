package drogulus.logos.data;

import java.util.Arrays;
import java.util.Objects;

/** Entries whose keys differ but whose whole hashes are equal, searched one by one (and charged so). */
final class HashCollisionNode implements HashNode {
    private final Object owner;
    /** Keys at even indices, each followed by its value; only a builder that owns this node replaces it. */
    private Object[] pairs;

    HashCollisionNode(Object owner, Object[] pairs) {
        this.owner = owner;
        this.pairs = pairs;
    }

    private int indexOf(Object key) {
        // Keys that collide are searched one by one: charged, so that many colliding keys cannot stall a limit.
        Cost.current().steps(pairs.length / 2);
        for (int i = 0; i < pairs.length; i += 2) {
            if (Objects.equals(pairs[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object find(Object key, int hash, int shift, Object notFound) {
        int i = indexOf(key);
        return i < 0 ? notFound : pairs[i + 1];
    }

    private HashCollisionNode with(HashEdit edit, Object[] newPairs) {
        if (edit.owns(owner)) {
            pairs = newPairs;
            return this;
        }
        return new HashCollisionNode(edit.owner(), newPairs);
    }

    @Override
    public HashNode assoc(Object key, int hash, Object value, int shift, HashEdit edit) {
        int i = indexOf(key);
        if (i >= 0) {
            if (pairs[i + 1] == value) {
                return this;
            }
            if (edit.owns(owner)) {
                pairs[i + 1] = value;
                return this;
            }
            Object[] copy = pairs.clone();
            copy[i + 1] = value;
            return new HashCollisionNode(edit.owner(), copy);
        }
        Object[] grown = Arrays.copyOf(pairs, pairs.length + 2);
        grown[pairs.length] = key;
        grown[pairs.length + 1] = value;
        edit.added();
        return with(edit, grown);
    }

    @Override
    public HashNode dissoc(Object key, int hash, int shift, HashEdit edit) {
        int i = indexOf(key);
        if (i < 0) {
            return this;
        }
        Object[] shrunk = new Object[pairs.length - 2];
        System.arraycopy(pairs, 0, shrunk, 0, i);
        System.arraycopy(pairs, i + 2, shrunk, i, pairs.length - i - 2);
        edit.removed();
        return with(edit, shrunk);
    }

    @Override
    public int entryCount() {
        return pairs.length / 2;
    }

    @Override
    public Object keyAt(int index) {
        return pairs[2 * index];
    }

    @Override
    public Object valueAt(int index) {
        return pairs[2 * index + 1];
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
