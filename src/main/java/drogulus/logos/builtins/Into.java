package drogulus.logos.builtins;

import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LVector;
import drogulus.logos.data.Seqable;
import java.util.List;
import java.util.Map;

/**
 * {@code into} a vector or a hash map, built in place by a builder (which copies nothing of {@code to} and
 * leaves it unchanged) rather than by one persistent {@code conj} per item, which copies a path of the trie
 * each time. The result, and what is charged (one item per item added), are those of the conj-per-item loop,
 * which remains the way into everything else.
 */
final class Into {
    private Into() {
    }

    /** Whether {@link #into} builds into this collection; otherwise the caller conjs item by item. */
    static boolean builds(Object to) {
        return to instanceof LVector || (to instanceof LMap m && !m.isSorted());
    }

    static Object into(Library lib, Object to, List<Object> items) {
        if (to instanceof LVector v) {
            LVector.Builder out = new LVector.Builder(v);
            for (Object item : items) {
                lib.chargeItems(1);
                out.add(item);
            }
            return out.build();
        }
        LMap.Builder out = new LMap.Builder((LMap) to);
        for (Object item : items) {
            if (item instanceof LMap other) {
                lib.chargeItems(1);
                for (Map.Entry<Object, Object> e : other) {
                    out.put(e.getKey(), e.getValue());
                }
            } else if ((item instanceof LVector || item instanceof LList) && Seqable.count(item) == 2) {
                lib.chargeItems(1);
                Object[] kv = Seqable.toArray(item);
                out.put(kv[0], kv[1]);
            } else {
                // nil, or not an entry: conj says what that does (nothing, or the error it gives).
                out = new LMap.Builder((LMap) SeqBuiltins.conj(lib, "into", out.build(), item));
            }
        }
        return out.build();
    }
}
