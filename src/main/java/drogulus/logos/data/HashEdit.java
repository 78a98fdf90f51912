package drogulus.logos.data;

/**
 * The context of one change to a hash trie: who may change nodes in place, and whether the change added or
 * removed an entry. A persistent change has no owner and so copies every node it changes; a builder passes its
 * own token and changes the nodes it created itself. One edit may span several changes: the size change adds up.
 */
final class HashEdit {
    private final Object owner;
    private int sizeChange;

    HashEdit(Object owner) {
        this.owner = owner;
    }

    Object owner() {
        return owner;
    }

    boolean owns(Object nodeOwner) {
        return owner != null && owner == nodeOwner;
    }

    void added() {
        sizeChange++;
    }

    void removed() {
        sizeChange--;
    }

    int sizeChange() {
        return sizeChange;
    }
}
