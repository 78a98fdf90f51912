package drogulus.logos.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Iterates a map of any form (flat, trie or sorted), making one item per entry. */
abstract class MapWalk<T> implements Iterator<T> {
    private final LMap map;
    private final HashCursor cursor;
    private final Object[] sortedPairs;
    private int served;

    MapWalk(LMap map) {
        this.map = map;
        HashNode root = map.trie();
        this.cursor = root == null ? null : new HashCursor(root);
        this.sortedPairs = map.more instanceof SortedPairs sorted ? sorted.pairs : null;
    }

    abstract T current(Object key, Object value);

    @Override
    public boolean hasNext() {
        return served < map.count();
    }

    @Override
    public T next() {
        if (served >= map.count()) {
            throw new NoSuchElementException();
        }
        int i = served++;
        if (cursor != null) {
            cursor.advance();
            return current(cursor.key(), cursor.value());
        }
        if (sortedPairs != null) {
            return current(sortedPairs[2 * i], sortedPairs[2 * i + 1]);
        }
        return current(FlatMap.keyAt(map, i), FlatMap.valueAt(map, i));
    }
}
