package drogulus.logos.data;

/**
 * A persistent AVL tree of entries in {@link CollisionOrder}: the sorted part of a collision node, so that keys
 * with one hash are found, added and removed in a logarithmic number of comparisons and iterate in an order fixed
 * by their values. Null is the empty tree.
 */
final class CollisionTree {
    final Object key;
    final Object value;
    final CollisionTree left;
    final CollisionTree right;
    private final int height;
    final int size;

    private CollisionTree(Object key, Object value, CollisionTree left, CollisionTree right) {
        this.key = key;
        this.value = value;
        this.left = left;
        this.right = right;
        this.height = Math.max(height(left), height(right)) + 1;
        this.size = size(left) + size(right) + 1;
    }

    static int size(CollisionTree tree) {
        return tree == null ? 0 : tree.size;
    }

    private static int height(CollisionTree tree) {
        return tree == null ? 0 : tree.height;
    }

    /** The node holding key, or null. */
    static CollisionTree find(CollisionTree tree, Object key) {
        CollisionTree at = tree;
        while (at != null) {
            int c = CollisionOrder.compare(key, at.key);
            if (c == 0) {
                return at;
            }
            at = c < 0 ? at.left : at.right;
        }
        return null;
    }

    /** The tree with key bound to value (an equal key's entry replaced in place). */
    static CollisionTree put(CollisionTree tree, Object key, Object value) {
        if (tree == null) {
            return new CollisionTree(key, value, null, null);
        }
        int c = CollisionOrder.compare(key, tree.key);
        if (c == 0) {
            return new CollisionTree(tree.key, value, tree.left, tree.right);
        }
        return c < 0
                ? balance(tree.key, tree.value, put(tree.left, key, value), tree.right)
                : balance(tree.key, tree.value, tree.left, put(tree.right, key, value));
    }

    /** The tree without key, which the caller has found in it. */
    static CollisionTree remove(CollisionTree tree, Object key) {
        int c = CollisionOrder.compare(key, tree.key);
        if (c < 0) {
            return balance(tree.key, tree.value, remove(tree.left, key), tree.right);
        }
        if (c > 0) {
            return balance(tree.key, tree.value, tree.left, remove(tree.right, key));
        }
        if (tree.left == null) {
            return tree.right;
        }
        if (tree.right == null) {
            return tree.left;
        }
        CollisionTree first = tree.right;
        while (first.left != null) {
            first = first.left;
        }
        return balance(first.key, first.value, tree.left, removeFirst(tree.right));
    }

    private static CollisionTree removeFirst(CollisionTree tree) {
        if (tree.left == null) {
            return tree.right;
        }
        return balance(tree.key, tree.value, removeFirst(tree.left), tree.right);
    }

    /** The entry at index in the order. */
    static CollisionTree at(CollisionTree tree, int index) {
        CollisionTree node = tree;
        int i = index;
        while (true) {
            int before = size(node.left);
            if (i == before) {
                return node;
            }
            if (i < before) {
                node = node.left;
            } else {
                i -= before + 1;
                node = node.right;
            }
        }
    }

    private static CollisionTree balance(Object key, Object value, CollisionTree left, CollisionTree right) {
        int lean = height(left) - height(right);
        if (lean > 1) {
            if (height(left.left) < height(left.right)) {
                CollisionTree pivot = left.right;
                return new CollisionTree(pivot.key, pivot.value,
                        new CollisionTree(left.key, left.value, left.left, pivot.left),
                        new CollisionTree(key, value, pivot.right, right));
            }
            return new CollisionTree(left.key, left.value, left.left,
                    new CollisionTree(key, value, left.right, right));
        }
        if (lean < -1) {
            if (height(right.right) < height(right.left)) {
                CollisionTree pivot = right.left;
                return new CollisionTree(pivot.key, pivot.value,
                        new CollisionTree(key, value, left, pivot.left),
                        new CollisionTree(right.key, right.value, pivot.right, right.right));
            }
            return new CollisionTree(right.key, right.value,
                    new CollisionTree(key, value, left, right.left), right.right);
        }
        return new CollisionTree(key, value, left, right);
    }
}
