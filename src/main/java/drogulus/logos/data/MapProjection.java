package drogulus.logos.data;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.Objects;

/** The keys or the values of a map as a list that walks the map; indexing copies them out once. */
final class MapProjection extends AbstractList<Object> {
    private final LMap map;
    private final boolean keys;
    // Filled on the first indexed access only, since most callers just iterate.
    private Object[] items;

    MapProjection(LMap map, boolean keys) {
        this.map = map;
        this.keys = keys;
    }

    @Override
    public int size() {
        return map.count();
    }

    @Override
    public Object get(int index) {
        Objects.checkIndex(index, map.count());
        if (items == null) {
            Object[] out = new Object[map.count()];
            int i = 0;
            for (Object item : this) {
                out[i++] = item;
            }
            items = out;
        }
        return items[index];
    }

    @Override
    public Iterator<Object> iterator() {
        return new MapWalk<>(map) {
            @Override
            Object current(Object key, Object value) {
                return keys ? key : value;
            }
        };
    }
}
