package drogulus.logos.data;

import java.util.Objects;

/**
 * A trie node in the compressed layout of Steindorfer and Vinju (CHAMP): one bitmap says which of the 32 hash
 * fragments hold an entry, another which hold a child node. Entries come first in the array, as key and value,
 * then children, both in fragment order, so no slot is wasted and iteration visits entries before descending.
 */
final class HashBitmapNode implements BitmapNode {
    static final HashBitmapNode EMPTY = new HashBitmapNode(null, 0, 0, new Object[0]);

    private final Object owner;
    // Not final only so that a builder that owns this node can change it in place; nodes a map holds never change.
    private int dataMap;
    private int nodeMap;
    private Object[] content;

    HashBitmapNode(Object owner, int dataMap, int nodeMap, Object[] content) {
        this.owner = owner;
        this.dataMap = dataMap;
        this.nodeMap = nodeMap;
        this.content = content;
    }

    static int bitFor(int hash, int shift) {
        return 1 << ((hash >>> shift) & 31);
    }

    private int dataIndex(int bit) {
        return Integer.bitCount(dataMap & (bit - 1));
    }

    private int nodeSlot(int bit) {
        return 2 * Integer.bitCount(dataMap) + Integer.bitCount(nodeMap & (bit - 1));
    }

    @Override
    public Object find(Object key, int hash, int shift, Object notFound) {
        HashNode node = this;
        int level = shift;
        while (node instanceof HashBitmapNode bitmap) {
            int bit = bitFor(hash, level);
            if ((bitmap.dataMap & bit) != 0) {
                int i = 2 * bitmap.dataIndex(bit);
                return Objects.equals(bitmap.content[i], key) ? bitmap.content[i + 1] : notFound;
            }
            if ((bitmap.nodeMap & bit) == 0) {
                return notFound;
            }
            node = (HashNode) bitmap.content[bitmap.nodeSlot(bit)];
            level += BITS;
        }
        return node.find(key, hash, level, notFound);
    }

    private HashBitmapNode with(HashEdit edit, int newDataMap, int newNodeMap, Object[] newContent) {
        if (edit.owns(owner)) {
            dataMap = newDataMap;
            nodeMap = newNodeMap;
            content = newContent;
            return this;
        }
        return new HashBitmapNode(edit.owner(), newDataMap, newNodeMap, newContent);
    }

    private HashBitmapNode withSlot(HashEdit edit, int slot, Object value) {
        if (edit.owns(owner)) {
            content[slot] = value;
            return this;
        }
        Object[] copy = content.clone();
        copy[slot] = value;
        return new HashBitmapNode(edit.owner(), dataMap, nodeMap, copy);
    }

    @Override
    public HashNode assoc(Object key, int hash, Object value, int shift, HashEdit edit) {
        int bit = bitFor(hash, shift);
        if ((dataMap & bit) != 0) {
            int i = 2 * dataIndex(bit);
            Object present = content[i];
            if (Objects.equals(present, key)) {
                return content[i + 1] == value ? this : withSlot(edit, i + 1, value);
            }
            HashNode child = HashNode.pair(present, HashNode.hash(present), content[i + 1], key, hash, value,
                    shift + BITS, edit);
            edit.added();
            return entryToChild(edit, bit, child);
        }
        if ((nodeMap & bit) != 0) {
            int slot = nodeSlot(bit);
            HashNode child = (HashNode) content[slot];
            HashNode changed = child.assoc(key, hash, value, shift + BITS, edit);
            return changed == child ? this : withSlot(edit, slot, changed);
        }
        int i = 2 * dataIndex(bit);
        Object[] grown = new Object[content.length + 2];
        System.arraycopy(content, 0, grown, 0, i);
        grown[i] = key;
        grown[i + 1] = value;
        System.arraycopy(content, i, grown, i + 2, content.length - i);
        edit.added();
        return with(edit, dataMap | bit, nodeMap, grown);
    }

    @Override
    public HashNode update(Object key, int hash, java.util.function.UnaryOperator<Object> change, int shift,
            HashEdit edit) {
        int bit = bitFor(hash, shift);
        if ((dataMap & bit) != 0) {
            int i = 2 * dataIndex(bit);
            if (Objects.equals(content[i], key)) {
                Object old = content[i + 1];
                Object value = change.apply(old);
                return value == old ? this : withSlot(edit, i + 1, value);
            }
        } else if ((nodeMap & bit) != 0) {
            int slot = nodeSlot(bit);
            HashNode child = (HashNode) content[slot];
            HashNode changed = child.update(key, hash, change, shift + BITS, edit);
            return changed == child ? this : withSlot(edit, slot, changed);
        }
        return assoc(key, hash, change.apply(null), shift, edit);
    }

    /** Replaces the entry at bit by a child node that holds it and another key of the same fragment. */
    private HashNode entryToChild(HashEdit edit, int bit, HashNode child) {
        int i = 2 * dataIndex(bit);
        int newDataEnd = content.length - 2 - Integer.bitCount(nodeMap);
        int slot = newDataEnd + Integer.bitCount(nodeMap & (bit - 1));
        Object[] next = new Object[content.length - 1];
        System.arraycopy(content, 0, next, 0, i);
        System.arraycopy(content, i + 2, next, i, slot - i);
        next[slot] = child;
        System.arraycopy(content, slot + 2, next, slot + 1, content.length - slot - 2);
        return with(edit, dataMap ^ bit, nodeMap | bit, next);
    }

    /** Replaces the child at bit, left with one entry, by that entry. */
    private HashNode childToEntry(HashEdit edit, int bit, Object key, Object value) {
        int oldSlot = nodeSlot(bit);
        int i = 2 * dataIndex(bit);
        Object[] next = new Object[content.length + 1];
        System.arraycopy(content, 0, next, 0, i);
        next[i] = key;
        next[i + 1] = value;
        System.arraycopy(content, i, next, i + 2, oldSlot - i);
        System.arraycopy(content, oldSlot + 1, next, oldSlot + 2, content.length - oldSlot - 1);
        return with(edit, dataMap | bit, nodeMap ^ bit, next);
    }

    @Override
    public HashNode dissoc(Object key, int hash, int shift, HashEdit edit) {
        int bit = bitFor(hash, shift);
        if ((dataMap & bit) != 0) {
            int i = 2 * dataIndex(bit);
            if (!Objects.equals(content[i], key)) {
                return this;
            }
            edit.removed();
            Object[] shrunk = new Object[content.length - 2];
            System.arraycopy(content, 0, shrunk, 0, i);
            System.arraycopy(content, i + 2, shrunk, i, content.length - i - 2);
            return with(edit, dataMap ^ bit, nodeMap, shrunk);
        }
        if ((nodeMap & bit) == 0) {
            return this;
        }
        int slot = nodeSlot(bit);
        HashNode child = (HashNode) content[slot];
        HashNode changed = child.dissoc(key, hash, shift + BITS, edit);
        if (edit.sizeChange() == 0) {
            return this;
        }
        if (changed.entryCount() == 1 && changed.childCount() == 0) {
            // Keep the trie canonical: a lone entry moves up until it shares a node with something else.
            if (shift > 0 && dataMap == 0 && nodeMap == bit) {
                return changed;
            }
            return childToEntry(edit, bit, changed.keyAt(0), changed.valueAt(0));
        }
        return withSlot(edit, slot, changed);
    }

    @Override
    public int dataMap() {
        return dataMap;
    }

    @Override
    public int nodeMap() {
        return nodeMap;
    }

    @Override
    public int entryCount() {
        return Integer.bitCount(dataMap);
    }

    @Override
    public Object keyAt(int index) {
        return content[2 * index];
    }

    @Override
    public Object valueAt(int index) {
        return content[2 * index + 1];
    }

    @Override
    public int childCount() {
        return Integer.bitCount(nodeMap);
    }

    @Override
    public HashNode childAt(int index) {
        return (HashNode) content[2 * Integer.bitCount(dataMap) + index];
    }
}
