package drogulus.logos.data;

/** Walks the entries of a hash trie depth first without copying them: each node's entries, then its children. */
final class HashCursor {
    /** Seven bitmap levels consume the 32 hash bits; a collision node may hang below the last. */
    private static final int MAX_DEPTH = 8;

    private final HashNode[] nodes = new HashNode[MAX_DEPTH];
    private final int[] nextChild = new int[MAX_DEPTH];
    private int depth;
    private int entry = -1;

    HashCursor(HashNode root) {
        nodes[0] = root;
    }

    /** Moves to the next entry; false once there is none. */
    boolean advance() {
        while (depth >= 0) {
            HashNode node = nodes[depth];
            if (entry + 1 < node.entryCount()) {
                entry++;
                return true;
            }
            if (nextChild[depth] < node.childCount()) {
                HashNode child = node.childAt(nextChild[depth]++);
                depth++;
                nodes[depth] = child;
                nextChild[depth] = 0;
                entry = -1;
            } else {
                nodes[depth] = null;
                depth--;
                if (depth >= 0) {
                    entry = nodes[depth].entryCount();
                }
            }
        }
        return false;
    }

    Object key() {
        return nodes[depth].keyAt(entry);
    }

    Object value() {
        return nodes[depth].valueAt(entry);
    }
}
