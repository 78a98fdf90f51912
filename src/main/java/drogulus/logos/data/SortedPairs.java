package drogulus.logos.data;

import java.util.Comparator;

/**
 * A sorted map's entries: one flat array, keys at even indices in the comparator's order, each followed by its
 * value, searched by halving. O(log n) get and O(n) assoc or dissoc, which suits the modest maps scripts sort.
 * Immutable; a change makes a new one.
 */
final class SortedPairs {
    final Comparator<Object> order;
    final Object[] pairs;

    SortedPairs(Comparator<Object> order, Object[] pairs) {
        this.order = order;
        this.pairs = pairs;
    }

    int count() {
        return pairs.length / 2;
    }

    /** Index in pairs of key, or -(insertion index) - 1 counted in pairs slots. */
    int search(Object key) {
        int low = 0;
        int high = pairs.length / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = order.compare(pairs[2 * mid], key);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return 2 * mid;
            }
        }
        return -(2 * low) - 1;
    }

    Object get(Object key, Object notFound) {
        int at = search(key);
        return at < 0 ? notFound : pairs[at + 1];
    }

    /** These entries with key bound to value; this when key is already bound to that very value. */
    SortedPairs assoc(Object key, Object value) {
        int at = search(key);
        if (at >= 0) {
            if (pairs[at + 1] == value) {
                return this;
            }
            Object[] copy = pairs.clone();
            copy[at + 1] = value;
            return new SortedPairs(order, copy);
        }
        int insert = -at - 1;
        Object[] grown = new Object[pairs.length + 2];
        System.arraycopy(pairs, 0, grown, 0, insert);
        grown[insert] = key;
        grown[insert + 1] = value;
        System.arraycopy(pairs, insert, grown, insert + 2, pairs.length - insert);
        return new SortedPairs(order, grown);
    }

    /** These entries without key; this when key is absent. */
    SortedPairs dissoc(Object key) {
        int at = search(key);
        if (at < 0) {
            return this;
        }
        Object[] shrunk = new Object[pairs.length - 2];
        System.arraycopy(pairs, 0, shrunk, 0, at);
        System.arraycopy(pairs, at + 2, shrunk, at, pairs.length - at - 2);
        return new SortedPairs(order, shrunk);
    }
}
