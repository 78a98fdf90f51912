package drogulus.logos.data;

/**
 * A node of the hash array mapped trie behind large {@link LMap}s. Each level consumes five bits of a key's
 * hash; keys whose whole hashes are equal end in a collision node. EvalNodes are immutable unless a builder owns
 * them (see {@link HashEdit}).
 */
sealed interface HashNode permits BitmapNode, HashCollisionNode {
    /** Bits of the hash consumed per level. */
    int BITS = 5;
    /** Past this shift every bit of the hash has been used. */
    int MAX_SHIFT = 30;

    Object find(Object key, int hash, int shift, Object notFound);

    /** This node with key bound to value; the same node when nothing changed. */
    HashNode assoc(Object key, int hash, Object value, int shift, HashEdit edit);

    /**
     * This node with key bound to what change makes of its value (null when absent), found in one walk; the same
     * node when change returns the very value bound.
     */
    HashNode update(Object key, int hash, java.util.function.UnaryOperator<Object> change, int shift, HashEdit edit);

    /** This node without key; the same node when key was absent. */
    HashNode dissoc(Object key, int hash, int shift, HashEdit edit);

    /** How many entries sit directly in this node. */
    int entryCount();

    Object keyAt(int index);

    Object valueAt(int index);

    int childCount();

    HashNode childAt(int index);

    /** A node of two distinct keys, for the level at shift. */
    static HashNode pair(Object key1, int hash1, Object value1, Object key2, int hash2, Object value2, int shift,
            HashEdit edit) {
        if (shift > MAX_SHIFT) {
            return HashCollisionNode.of(edit.owner(), new Object[] {key1, value1, key2, value2});
        }
        int bit1 = HashBitmapNode.bitFor(hash1, shift);
        int bit2 = HashBitmapNode.bitFor(hash2, shift);
        if (bit1 == bit2) {
            HashNode child = pair(key1, hash1, value1, key2, hash2, value2, shift + BITS, edit);
            return new HashBitmapNode(edit.owner(), 0, bit1, new Object[] {child});
        }
        Object[] content = Integer.compareUnsigned(bit1, bit2) < 0
                ? new Object[] {key1, value1, key2, value2}
                : new Object[] {key2, value2, key1, value1};
        return new HashBitmapNode(edit.owner(), bit1 | bit2, 0, content);
    }

    /** Spreads the hash so that keys with regular hashes (small doubles, say) still fan out near the root. */
    static int hash(Object key) {
        // The steps of spread, spelled out so that a map look-up inlines one call less (MaxInlineLevel is 6).
        int h = java.util.Objects.hashCode(key);
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** {@link #hash} of a key whose own hash code is hashCode: lets a number be placed without boxing it first. */
    static int spread(int hashCode) {
        int h = hashCode;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
