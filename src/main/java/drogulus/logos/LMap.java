package drogulus.logos;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable map. Two maps are equal when they hold equal keys bound to equal values, in any order.
 * Iteration follows insertion order.
 */
public final class LMap implements Iterable<Map.Entry<Object, Object>> {
    public static final LMap EMPTY = new LMap(new Object[0]);

    /** Keys at even indices, each followed by its value. */
    private final Object[] pairs;

    private LMap(Object[] pairs) {
        this.pairs = pairs;
    }

    /** A map of alternating keys and values; a later key replaces an earlier equal one. */
    public static LMap of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a map needs an even number of forms");
        }
        LMap map = EMPTY;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map = map.assoc(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public int count() {
        return pairs.length / 2;
    }

    public boolean isEmpty() {
        return pairs.length == 0;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (Objects.equals(pairs[i], key)) {
                return i;
            }
        }
        return -1;
    }

    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    /** The value bound to key, or nil. */
    public Object get(Object key) {
        return get(key, null);
    }

    public Object get(Object key, Object notFound) {
        int i = indexOf(key);
        return i < 0 ? notFound : pairs[i + 1];
    }

    public LMap assoc(Object key, Object value) {
        int i = indexOf(key);
        if (i >= 0) {
            if (pairs[i + 1] == value) {
                return this;
            }
            Object[] copy = pairs.clone();
            copy[i + 1] = value;
            return new LMap(copy);
        }
        Object[] grown = java.util.Arrays.copyOf(pairs, pairs.length + 2);
        grown[pairs.length] = key;
        grown[pairs.length + 1] = value;
        return new LMap(grown);
    }

    public LMap dissoc(Object key) {
        int i = indexOf(key);
        if (i < 0) {
            return this;
        }
        Object[] shrunk = new Object[pairs.length - 2];
        System.arraycopy(pairs, 0, shrunk, 0, i);
        System.arraycopy(pairs, i + 2, shrunk, i, pairs.length - i - 2);
        return new LMap(shrunk);
    }

    public List<Object> keys() {
        List<Object> out = new ArrayList<>(count());
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(pairs[i]);
        }
        return out;
    }

    public List<Object> vals() {
        List<Object> out = new ArrayList<>(count());
        for (int i = 1; i < pairs.length; i += 2) {
            out.add(pairs[i]);
        }
        return out;
    }

    @Override
    public Iterator<Map.Entry<Object, Object>> iterator() {
        List<Map.Entry<Object, Object>> entries = new ArrayList<>(count());
        for (int i = 0; i < pairs.length; i += 2) {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(pairs[i], pairs[i + 1]));
        }
        return entries.iterator();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof LMap map) || map.count() != count()) {
            return false;
        }
        for (int i = 0; i < pairs.length; i += 2) {
            Object missing = map;
            Object theirs = map.get(pairs[i], missing);
            if (theirs == missing || !Objects.equals(theirs, pairs[i + 1])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            hash += Objects.hashCode(pairs[i]) ^ Objects.hashCode(pairs[i + 1]);
        }
        return hash;
    }

    @Override
    public String toString() {
        return Printer.print(this, true);
    }
}
