package drogulus.logos.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What counts as a sequence and how to walk one: lists, vectors, maps (as [key value] vectors), strings (as
 * one-character strings) and nil (as nothing).
 */
public final class Seqable {
    private Seqable() {
    }

    public static boolean isSeqable(Object value) {
        return value == null || value instanceof LList || value instanceof LVector || value instanceof LMap
            || value instanceof String || value instanceof LSet || value instanceof LSeq;
    }

    /** The items of a seqable value; anything else is an error naming the function. */
    public static Iterable<Object> items(String fn, Object value) {
        if (value == null) {
            return Collections.emptyList();
        }
        if (value instanceof LList list) {
            return list;
        }
        if (value instanceof LVector vector) {
            return vector;
        }
        if (value instanceof LSet set) {
            return set;
        }
        if (value instanceof LSeq seq) {
            return seq;
        }
        if (value instanceof LMap map) {
            List<Object> entries = new ArrayList<>(map.count());
            for (Map.Entry<Object, Object> entry : map) {
                entries.add(LVector.of(entry.getKey(), entry.getValue()));
            }
            return entries;
        }
        if (value instanceof String s) {
            List<Object> chars = new ArrayList<>(s.length());
            s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        throw Args.typeError(fn, "a collection", value);
    }

    public static Object[] toArray(Object value) {
        if (value instanceof LList list) {
            return list.toArray();
        }
        if (value instanceof LVector vector) {
            return vector.toArray();
        }
        List<Object> out = new ArrayList<>();
        for (Object item : items("apply", value)) {
            out.add(item);
        }
        return out.toArray();
    }

    public static List<Object> toList(String fn, Object value) {
        List<Object> out = new ArrayList<>();
        for (Object item : items(fn, value)) {
            out.add(item);
        }
        return out;
    }

    /** Number of items, as {@code count}. */
    public static int count(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof LList list) {
            return list.count();
        }
        if (value instanceof LVector vector) {
            return vector.count();
        }
        if (value instanceof LMap map) {
            return map.count();
        }
        if (value instanceof LSet set) {
            return set.count();
        }
        if (value instanceof LSeq seq) {
            return seq.count();
        }
        if (value instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        throw Args.typeError("count", "a collection", value);
    }

    public static Object nthOrNil(Object value, int index) {
        if (value instanceof LVector vector) {
            return index < vector.count() ? vector.nth(index) : null;
        }
        if (value instanceof LList list) {
            return index < list.count() ? list.nth(index) : null;
        }
        if (value == null) {
            return null;
        }
        if (value instanceof LSeq seq) {
            Object at = seq;
            int i = 0;
            for (; i < index && at instanceof LSeq cell && !cell.isEmpty(); i++) {
                at = cell.more();
            }
            return at instanceof LSeq cell ? (i == index ? cell.first() : null) : nthOrNil(at, index - i);
        }
        List<Object> all = toList("nth", value);
        return index < all.size() ? all.get(index) : null;
    }

    public static Object restFrom(Object value, int index) {
        if (value instanceof LList list) {
            LList rest = list;
            for (int i = 0; i < index && !rest.isEmpty(); i++) {
                rest = rest.rest();
            }
            return rest.isEmpty() ? null : rest;
        }
        if (value == null) {
            return null;
        }
        if (value instanceof LSeq seq) {
            Object at = seq;
            int i = 0;
            for (; i < index && at instanceof LSeq cell && !cell.isEmpty(); i++) {
                at = cell.more();
            }
            if (at instanceof LSeq cell) {
                return cell.isEmpty() ? null : cell;
            }
            return restFrom(at, index - i);
        }
        List<Object> all = toList("nth", value);
        return index < all.size() ? LList.from(all.subList(index, all.size())) : null;
    }

    /** A map for destructuring: a map as it is, a sequence of alternating keys and values as a map. */
    public static LMap asMap(Object value) {
        if (value instanceof LMap map) {
            return map;
        }
        if (value instanceof LList || value instanceof LVector) {
            Object[] items = toArray(value);
            if (items.length % 2 == 0) {
                return LMap.of(items);
            }
        }
        return null;
    }
}
