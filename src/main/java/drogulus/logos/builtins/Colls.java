package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSeq;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Seqable;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the collection built-ins: truthiness, walking inputs, and charged construction. */
final class Colls {
    private Colls() {
    }

    static boolean truthy(Object value) {
        return value != null && value != Boolean.FALSE;
    }

    /** The items of a seqable value, charging a step per item so long inputs count against the budget. */
    static List<Object> items(Library lib, String fn, Object coll) {
        if (coll instanceof LList || coll instanceof LVector || coll instanceof LMap || coll instanceof String
            || coll instanceof LSet || coll == null) {
            int n = Seqable.count(coll);
            lib.chargeSteps(n);
            if (coll instanceof String || coll instanceof LMap) {
                // Walking these makes a new value per item: a one-character string or a [key value] entry.
                lib.chargeItems(2L * n);
            }
            return Seqable.toList(fn, coll);
        }
        if (coll instanceof LSeq seq) {
            List<Object> out = new ArrayList<>();
            for (Object item : seq) {
                out.add(item);
            }
            lib.chargeSteps(out.size());
            return out;
        }
        throw Args.typeError(fn, "a collection", coll);
    }

    /**
     * The items of a seqable value one at a time, so that walking a lazy sequence realises only what the caller
     * reads (some, every?, reduce stop early on an infinite one); a step is charged per item.
     */
    static Iterable<Object> walk(Library lib, String fn, Object coll) {
        if (coll instanceof LSeq seq) {
            return () -> new java.util.Iterator<>() {
                private final java.util.Iterator<Object> items = seq.iterator();

                @Override
                public boolean hasNext() {
                    return items.hasNext();
                }

                @Override
                public Object next() {
                    lib.chargeSteps(1);
                    return items.next();
                }
            };
        }
        return items(lib, fn, coll);
    }

    /** A list of the items, charged to the memory budget before it is built. */
    static LList list(Library lib, List<Object> items) {
        lib.chargeItems(items.size());
        return LList.from(items);
    }

    static LVector vector(Library lib, List<Object> items) {
        lib.chargeItems(items.size());
        return LVector.from(items);
    }

    /** Nil for no items, as Clojure's seq functions return for an empty result. */
    static LList listOrNil(Library lib, List<Object> items) {
        return items.isEmpty() ? null : list(lib, items);
    }

    /** A new buffer for a result of up to {@code size} items; the size is charged first. */
    static List<Object> buffer(Library lib, long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new LogosError("Collection of " + size + " items is too large");
        }
        lib.chargeItems(size);
        return new ArrayList<>((int) size);
    }

    /** A count argument: negative counts as zero, as Clojure's take and drop do. */
    static long count(String fn, Object value) {
        if (value instanceof Double d) {
            return (long) Math.max(0, Math.ceil(d));
        }
        return Math.max(0, Args.integer(fn, value));
    }

    /** A positive size, as partition's step and size must be. */
    static int positive(String fn, Object value) {
        long n = Args.integer(fn, value);
        if (n <= 0 || n > Integer.MAX_VALUE) {
            throw new LogosError(fn + " expects a positive size, got " + n);
        }
        return (int) n;
    }

    static Object call(Library lib, Object fn, Object... args) {
        return lib.interp().apply(fn, args);
    }
}
