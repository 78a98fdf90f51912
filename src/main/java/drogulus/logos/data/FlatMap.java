package drogulus.logos.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * The small-map form of {@link LMap}: up to {@link LMap#FLAT_LIMIT} entries in insertion order, the first
 * {@link LMap#INLINE} in the map's own fields and the rest, each key followed by its value, in an array held by
 * {@code more}. Looks keys up by walking them (faster than hashing for so few), keeps a rebound key in its place,
 * closes the gap a dissoc leaves, and grows into a hash trie past the limit.
 */
final class FlatMap {
    private FlatMap() {
    }

    /** The flat hash map of the first length slots of pairs (keys at even indices); pairs is not kept. */
    static LMap of(Object[] pairs, int length) {
        int n = length / 2;
        Object[] rest = n > LMap.INLINE ? Arrays.copyOfRange(pairs, 2 * LMap.INLINE, length) : null;
        return new LMap(n > 0 ? pairs[0] : null, n > 0 ? pairs[1] : null, n > 1 ? pairs[2] : null,
                n > 1 ? pairs[3] : null, n > 2 ? pairs[4] : null, n > 2 ? pairs[5] : null, rest, n);
    }

    /** The index in pairs of key among the first length slots (keys at even indices), or -1. */
    static int indexOf(Object[] pairs, int length, Object key) {
        if (key instanceof Keyword) {
            // A keyword equals only itself (keywords are interned): identity suffices, with no call of equals.
            for (int i = 0; i < length; i += 2) {
                if (pairs[i] == key) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = 0; i < length; i += 2) {
            if (Objects.equals(pairs[i], key)) {
                return i;
            }
        }
        return -1;
    }

    /** The position among the flat map m's entries of key, or -1. */
    static int index(LMap m, Object key) {
        int n = m.count();
        if (key instanceof Keyword) {
            // Unused slots are null, which no keyword is.
            if (m.k0 == key) {
                return 0;
            }
            if (m.k1 == key) {
                return 1;
            }
            if (m.k2 == key) {
                return 2;
            }
        } else {
            if (n > 0 && Objects.equals(m.k0, key)) {
                return 0;
            }
            if (n > 1 && Objects.equals(m.k1, key)) {
                return 1;
            }
            if (n > 2 && Objects.equals(m.k2, key)) {
                return 2;
            }
        }
        if (n <= LMap.INLINE) {
            return -1;
        }
        Object[] rest = (Object[]) m.more;
        int at = indexOf(rest, rest.length, key);
        return at < 0 ? -1 : LMap.INLINE + at / 2;
    }

    /** The key of the flat map m's entry i. */
    static Object keyAt(LMap m, int i) {
        if (i == 0) {
            return m.k0;
        }
        if (i == 1) {
            return m.k1;
        }
        if (i == 2) {
            return m.k2;
        }
        return ((Object[]) m.more)[2 * (i - LMap.INLINE)];
    }

    /** The value of the flat map m's entry i. */
    static Object valueAt(LMap m, int i) {
        if (i == 0) {
            return m.v0;
        }
        if (i == 1) {
            return m.v1;
        }
        if (i == 2) {
            return m.v2;
        }
        return ((Object[]) m.more)[2 * (i - LMap.INLINE) + 1];
    }

    /** The flat map m's entries into pairs from index 0, each key followed by its value; returns the length. */
    static int into(LMap m, Object[] pairs) {
        int n = m.count();
        for (int i = 0; i < n; i++) {
            pairs[2 * i] = keyAt(m, i);
            pairs[2 * i + 1] = valueAt(m, i);
        }
        return 2 * n;
    }

    static LMap assoc(LMap m, Object key, Object value) {
        int i = index(m, key);
        if (i >= 0) {
            return valueAt(m, i) == value ? m : withValueAt(m, i, value);
        }
        if (m.count() < LMap.FLAT_LIMIT) {
            return withAdded(m, key, value);
        }
        HashNode trie = toTrie(m, new Object()).assoc(key, HashNode.hash(key), value, 0, new HashEdit(null));
        return LMap.ofTrie(trie, m.count() + 1);
    }

    /** The flat map m with entry i's value replaced. */
    private static LMap withValueAt(LMap m, int i, Object value) {
        if (i == 0) {
            return new LMap(m.k0, value, m.k1, m.v1, m.k2, m.v2, m.more, m.count());
        }
        if (i == 1) {
            return new LMap(m.k0, m.v0, m.k1, value, m.k2, m.v2, m.more, m.count());
        }
        if (i == 2) {
            return new LMap(m.k0, m.v0, m.k1, m.v1, m.k2, value, m.more, m.count());
        }
        Object[] rest = ((Object[]) m.more).clone();
        rest[2 * (i - LMap.INLINE) + 1] = value;
        return new LMap(m.k0, m.v0, m.k1, m.v1, m.k2, m.v2, rest, m.count());
    }

    /** The flat map m, of fewer than FLAT_LIMIT entries, with a new last entry. */
    private static LMap withAdded(LMap m, Object key, Object value) {
        int n = m.count();
        if (n == 0) {
            return new LMap(key, value, null, null, null, null, null, 1);
        }
        if (n == 1) {
            return new LMap(m.k0, m.v0, key, value, null, null, null, 2);
        }
        if (n == 2) {
            return new LMap(m.k0, m.v0, m.k1, m.v1, key, value, null, 3);
        }
        Object[] more = (Object[]) m.more;
        Object[] rest = more == null ? new Object[2] : Arrays.copyOf(more, more.length + 2);
        rest[rest.length - 2] = key;
        rest[rest.length - 1] = value;
        return new LMap(m.k0, m.v0, m.k1, m.v1, m.k2, m.v2, rest, n + 1);
    }

    static LMap dissoc(LMap m, Object key) {
        int i = index(m, key);
        if (i < 0) {
            return m;
        }
        if (m.count() == 1) {
            return LMap.EMPTY;
        }
        Object[] pairs = new Object[2 * m.count()];
        int length = into(m, pairs);
        System.arraycopy(pairs, 2 * i + 2, pairs, 2 * i, length - 2 * i - 2);
        return of(pairs, length - 2);
    }

    /** A trie of the flat map m's entries, whose nodes belong to owner. */
    static HashNode toTrie(LMap m, Object owner) {
        HashNode trie = HashBitmapNode.EMPTY;
        HashEdit edit = new HashEdit(owner);
        for (int i = 0; i < m.count(); i++) {
            Object key = keyAt(m, i);
            trie = trie.assoc(key, HashNode.hash(key), valueAt(m, i), 0, edit);
        }
        return trie;
    }

    /**
     * The flat map base with the first pending keys and values put after its entries in order (a later equal key
     * wins, keeping the first one's place): flat while it fits, else a trie built from all of them at once.
     */
    static LMap merge(LMap base, Object[] keys, Object[] values, int pending) {
        Object[] flat = new Object[2 * LMap.FLAT_LIMIT + 2];
        int length = into(base, flat);
        for (int i = 0; i < pending; i++) {
            int at = indexOf(flat, length, keys[i]);
            if (at >= 0) {
                flat[at + 1] = values[i];
            } else if (length == 2 * LMap.FLAT_LIMIT) {
                return allAtOnce(flat, length, keys, values, pending);
            } else {
                flat[length] = keys[i];
                flat[length + 1] = values[i];
                length += 2;
            }
        }
        return length == 0 ? LMap.EMPTY : of(flat, length);
    }

    private static LMap allAtOnce(Object[] flat, int flatLength, Object[] keys, Object[] values, int pending) {
        int size = flatLength / 2 + pending;
        Object[] allKeys = new Object[size];
        Object[] allValues = new Object[size];
        for (int i = 0; i < flatLength / 2; i++) {
            allKeys[i] = flat[2 * i];
            allValues[i] = flat[2 * i + 1];
        }
        System.arraycopy(keys, 0, allKeys, flatLength / 2, pending);
        System.arraycopy(values, 0, allValues, flatLength / 2, pending);
        HashBulk.Result result = HashBulk.build(allKeys, allValues, size);
        return LMap.ofTrie(result.root(), result.count());
    }
}
