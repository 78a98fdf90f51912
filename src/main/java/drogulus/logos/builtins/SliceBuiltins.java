package drogulus.logos.builtins;

import static drogulus.logos.builtins.Colls.call;
import static drogulus.logos.builtins.Colls.items;
import static drogulus.logos.builtins.Colls.list;
import static drogulus.logos.builtins.Colls.truthy;

import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.eval.Builtin.Body;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Cutting, regrouping and reordering sequences: take/drop, partition, distinct, sort, shuffle. Bodies are
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
        lib.def("drop-last", "Returns a list of all but the last n (1) items of coll.", 1, 2, new Body() {
            @Override public Object apply(Object[] args) {
                List<Object> all = items(lib, "drop-last", args[args.length - 1]);
                long n = args.length == 2 ? Colls.count("drop-last", args[0]) : 1;
                return list(lib, head(all, Math.max(0, all.size() - n)));
            }
        });
        lib.def("split-at", "Returns [(take n coll) (drop n coll)].", 2, 2, new Body() {
            @Override public Object apply(Object[] args) {
                List<Object> all = items(lib, "split-at", args[1]);
                long n = Colls.count("split-at", args[0]);
                return LVector.of(list(lib, head(all, n)), list(lib, tail(all, n)));
            }
        });
        lib.def("split-with", "Returns [(take-while pred coll) (drop-while pred coll)].", 2, 2, new Body() {
            @Override public Object apply(Object[] args) {
                List<Object> all = items(lib, "split-with", args[1]);
                int n = prefix(lib, args[0], args[1]);
                return LVector.of(list(lib, head(all, n)), list(lib, tail(all, n)));
            }
        });
    }

    private static void groups(Library lib) {
        lib.def("partition-all", "Returns a list of lists of n items each, starting every step (n) items; the "
            + "last groups may be shorter.", 2, 3, new Body() {
                @Override public Object apply(Object[] args) {
                    int n = Colls.positive("partition-all", args[0]);
                    int step = args.length == 3 ? Colls.positive("partition-all", args[1]) : n;
                    return partition(lib, items(lib, "partition-all", args[args.length - 1]), n, step, null, true);
                }
            });
        lib.def("partition-by", "Returns a list of lists, splitting coll each time (f item) changes.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    List<Object> groups = new ArrayList<>();
                    List<Object> current = new ArrayList<>();
                    Object last = null;
                    for (Object item : items(lib, "partition-by", args[1])) {
                        Object key = call(lib, args[0], item);
                        if (!current.isEmpty() && !Objects.equals(key, last)) {
                            groups.add(list(lib, current));
                            current = new ArrayList<>();
                        }
                        current.add(item);
                        last = key;
                    }
                    if (!current.isEmpty()) {
                        groups.add(list(lib, current));
                    }
                    return list(lib, groups);
                }
            });
        lib.def("interpose", "Returns a list of the items of coll with sep between each two.", 2, 2, new Body() {
            @Override public Object apply(Object[] args) {
                List<Object> all = items(lib, "interpose", args[1]);
                List<Object> out = Colls.buffer(lib, Math.max(0, 2L * all.size() - 1));
                for (Object item : all) {
                    if (!out.isEmpty()) {
                        out.add(args[0]);
                    }
                    out.add(item);
                }
                return LList.from(out);
            }
        });
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
        lib.def("dedupe", "Returns a list of the items of coll with consecutive repeats removed.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                List<Object> out = new ArrayList<>();
                for (Object item : items(lib, "dedupe", args[0])) {
                    if (out.isEmpty() || !Objects.equals(out.get(out.size() - 1), item)) {
                        out.add(item);
                    }
                }
                return list(lib, out);
            }
        });
        lib.def("flatten", "Returns a list of the non-sequential items nested anywhere in lists and vectors.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    List<Object> out = new ArrayList<>();
                    if (args[0] instanceof LList || args[0] instanceof LVector) {
                        flatten(lib, args[0], out, 0);
                    }
                    return list(lib, out);
                }
            });
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

    private static List<Object> head(List<Object> all, long n) {
        return all.subList(0, (int) Math.min(n, all.size()));
    }

    private static List<Object> tail(List<Object> all, long n) {
        return all.subList((int) Math.min(n, all.size()), all.size());
    }

    /** How many leading items of coll satisfy pred. */
    private static int prefix(Library lib, Object pred, Object coll) {
        int n = 0;
        for (Object item : items(lib, "take-while", coll)) {
            if (!truthy(call(lib, pred, item))) {
                break;
            }
            n++;
        }
        return n;
    }

    private static LList partition(Library lib, List<Object> all, int n, int step, List<Object> pad,
                                   boolean keepShort) {
        List<Object> groups = new ArrayList<>();
        for (long start = 0; start < all.size(); start += step) {
            int end = (int) Math.min(start + n, all.size());
            List<Object> group = new ArrayList<>(all.subList((int) start, end));
            if (group.size() < n && !keepShort) {
                if (pad != null) {
                    group.addAll(head(pad, n - group.size()));
                    groups.add(list(lib, group));
                }
                break;
            }
            groups.add(list(lib, group));
        }
        return list(lib, groups);
    }

    private static void flatten(Library lib, Object coll, List<Object> out, int depth) {
        if (depth > 10_000) {
            throw new LogosError("flatten: nesting deeper than 10000 levels");
        }
        for (Object item : items(lib, "flatten", coll)) {
            if (item instanceof LList || item instanceof LVector) {
                flatten(lib, item, out, depth + 1);
            } else {
                out.add(item);
            }
        }
    }
}
