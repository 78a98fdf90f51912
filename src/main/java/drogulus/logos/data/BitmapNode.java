package drogulus.logos.data;

/**
 * A trie node of the bitmap layout ({@link HashBitmapNode}): entries, then children, each in fragment order. A set's
 * node whose entries are all integers keeps them unboxed ({@link HashLongNode}); the walks over two tries side by
 * side ({@link TrieMerge}, {@link TrieSetOps}) read either kind through this view.
 */
sealed interface BitmapNode extends HashNode permits HashBitmapNode, HashLongNode {
    /** Which hash fragments hold an entry. */
    int dataMap();

    /** Which hash fragments hold a child node. */
    int nodeMap();
}
