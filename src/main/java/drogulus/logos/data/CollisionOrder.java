package drogulus.logos.data;

import java.math.BigInteger;

/**
 * A total order, consistent with equality, over the keys a collision node can keep sorted: nil, booleans,
 * numbers, strings, keywords, symbols, and lists and vectors of those. It depends on the values alone, so every
 * peer orders colliding keys alike; keys outside it (maps, functions, very deep nesting) are searched one by one.
 */
final class CollisionOrder {
    /** Nesting past this is not ordered, which keeps the walks below shallow and their recursion safe. */
    private static final int MAX_DEPTH = 16;

    private CollisionOrder() {
    }

    /** Whether key has a place in the order; charges a step per item looked at. */
    static boolean orderable(Object key) {
        return orderable(key, 0);
    }

    private static boolean orderable(Object key, int depth) {
        Cost.current().steps(1);
        if (rank(key) >= 0) {
            return true;
        }
        if (!Sequential.isSequential(key) || depth >= MAX_DEPTH) {
            return false;
        }
        for (Object item : items(key)) {
            if (!orderable(item, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** Sequentials last, after every scalar; -1 for what is neither. */
    private static int rank(Object key) {
        if (key == null) {
            return 0;
        }
        if (key instanceof Boolean) {
            return 1;
        }
        if (key instanceof Long) {
            return 2;
        }
        if (key instanceof Double) {
            return 3;
        }
        if (key instanceof BigInteger) {
            return 4;
        }
        if (key instanceof String) {
            return 5;
        }
        if (key instanceof Keyword) {
            return 6;
        }
        if (key instanceof Symbol) {
            return 7;
        }
        return -1;
    }

    /** Compares two keys that are both {@link #orderable}; 0 exactly when they are equal. */
    static int compare(Object a, Object b) {
        Cost.current().steps(1);
        if (a == b) {
            return 0;
        }
        boolean seqA = Sequential.isSequential(a);
        boolean seqB = Sequential.isSequential(b);
        if (seqA || seqB) {
            return seqA && seqB ? compareItems(items(a), items(b)) : seqA ? 1 : -1;
        }
        int byRank = Integer.compare(rank(a), rank(b));
        if (byRank != 0) {
            return byRank;
        }
        if (a instanceof Boolean x) {
            return Boolean.compare(x, (Boolean) b);
        }
        if (a instanceof Long x) {
            return Long.compare(x, (Long) b);
        }
        if (a instanceof Double x) {
            // Double.compare tells -0.0 from 0.0 and puts NaN in one place, as Double.equals does.
            return Double.compare(x, (Double) b);
        }
        if (a instanceof BigInteger x) {
            return x.compareTo((BigInteger) b);
        }
        if (a instanceof String x) {
            return x.compareTo((String) b);
        }
        if (a instanceof Keyword x) {
            return x.name().compareTo(((Keyword) b).name());
        }
        return ((Symbol) a).name().compareTo(((Symbol) b).name());
    }

    private static int compareItems(Object[] xs, Object[] ys) {
        Cost.current().steps(xs.length + ys.length);
        if (xs.length != ys.length) {
            return Integer.compare(xs.length, ys.length);
        }
        for (int i = 0; i < xs.length; i++) {
            int c = compare(xs[i], ys[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static Object[] items(Object sequential) {
        return sequential instanceof LVector v ? v.toArray() : ((LList) sequential).toArray();
    }
}
