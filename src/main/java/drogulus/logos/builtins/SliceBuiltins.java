package drogulus.logos.builtins;

import static drogulus.logos.builtins.Colls.call;
import static drogulus.logos.builtins.Colls.items;
import static drogulus.logos.builtins.Colls.list;

import drogulus.logos.data.LMap;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.eval.Builtin.Body;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Cutting, regrouping and reordering sequences: take-last, frequencies, group-by, sort, shuffle (the lazy
 * ones, such as partition-all and flatten, are in core.logos or LazySteps). Bodies are
 * anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class SliceBuiltins {

    private SliceBuiltins() {
    }

    static void install(Library lib) {
        slices(lib);
        groups(lib);
        orders(lib);
    }

    private static void slices(Library lib) {
        lib.def("take-last", "Returns a list of the last n items of coll, or nil when there are none.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    List<Object> all = items(lib, "take-last", args[1]);
                    long n = Colls.count("take-last", args[0]);
                    return Colls.listOrNil(lib, tail(all, Math.max(0, all.size() - n)));
                }
            });
    }

    private static void groups(Library lib) {
        lib.def("frequencies", "Returns a map from each distinct item of coll to how many times it appears.",
            1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    // Counted in a mutable table, then made a map once; keys keep the order they first appeared in.
                    Map<Object, Long> counts = new LinkedHashMap<>();
                    for (Object item : items(lib, "frequencies", args[0])) {
                        counts.merge(item, 1L, Long::sum);
                    }
                    lib.chargeItems(2L * counts.size());
                    return mapOf(counts);
                }
            });
        lib.def("group-by", "Returns a map from each value of (f item) to the vector of items giving it.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    Map<Object, LVector> groups = new LinkedHashMap<>();
                    for (Object item : items(lib, "group-by", args[1])) {
                        Object key = call(lib, args[0], item);
                        groups.merge(key, LVector.of(item), (group, one) -> group.conj(item));
                        lib.chargeItems(1);
                    }
                    return mapOf(groups);
                }
            });
    }

    /** The map of a table's entries, put in the table's order. */
    private static LMap mapOf(Map<Object, ?> table) {
        LMap.Builder out = LMap.builder();
        for (Map.Entry<Object, ?> entry : table.entrySet()) {
            out.put(entry.getKey(), entry.getValue());
        }
        return out.build();
    }

    private static void orders(Library lib) {
        lib.def("sort", "Returns a list of the items of coll in order, by the comparator cmp if given (a function "
            + "returning a number, or true when its first argument comes first).", 1, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    List<Object> all = items(lib, "sort", args[args.length - 1]);
                    Ordering.sort(lib, "sort", all, Ordering.of(lib, "sort", args.length == 2 ? args[0] : null));
                    return list(lib, all);
                }
            });
        lib.def("sort-by", "Returns a list of the items of coll ordered by (keyfn item), by cmp if given.", 2, 3,
            new Body() {
                @Override public Object apply(Object[] args) {
                    List<Object> all = items(lib, "sort-by", args[args.length - 1]);
                    java.util.Comparator<Object> order = Ordering.of(lib, "sort-by", args.length == 3 ? args[1] : null);
                    List<Object[]> keyed = new ArrayList<>(all.size());
                    for (Object item : all) {
                        keyed.add(new Object[] {call(lib, args[0], item), item});
                    }
                    lib.chargeSteps(all.size());
                    try {
                        keyed.sort((a, b) -> order.compare(a[0], b[0]));
                    } catch (IllegalArgumentException e) {
                        throw new LogosError("sort-by: the comparator is inconsistent (" + e.getMessage() + ")");
                    }
                    List<Object> out = new ArrayList<>(all.size());
                    for (Object[] pair : keyed) {
                        out.add(pair[1]);
                    }
                    return list(lib, out);
                }
            });
        lib.def("shuffle", "Returns a vector of the items of coll in random order.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                List<Object> all = items(lib, "shuffle", args[0]);
                Collections.shuffle(all, ThreadLocalRandom.current());
                return Colls.vector(lib, all);
            }
        });
        lib.def("rand-nth", "Returns a random item of coll; an empty coll is an error.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                List<Object> all = items(lib, "rand-nth", args[0]);
                if (all.isEmpty()) {
                    throw new LogosError("rand-nth: the collection is empty");
                }
                return all.get(ThreadLocalRandom.current().nextInt(all.size()));
            }
        });
    }

    private static List<Object> tail(List<Object> all, long n) {
        return all.subList((int) Math.min(n, all.size()), all.size());
    }
}
