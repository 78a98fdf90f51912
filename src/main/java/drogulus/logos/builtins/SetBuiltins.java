package drogulus.logos.builtins;

import static drogulus.logos.builtins.Colls.items;

import drogulus.logos.data.Args;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LogosError;
import drogulus.logos.eval.Builtin;
import java.util.Arrays;
import java.util.Comparator;

/** Sets and sorted collections: set, hash-set, disj, the set/ operations, sorted-set and sorted-map. */
final class SetBuiltins {
    private static final int V = Builtin.VARIADIC;

    private SetBuiltins() {
    }

    static void install(Library lib) {
        lib.def("set", "Returns a set of the items of coll.", 1, 1, args -> {
            if (args[0] instanceof LSet s && !s.isSorted()) {
                return s;
            }
            return build(lib, LSet.EMPTY, items(lib, "set", args[0]));
        });
        lib.def("hash-set", "Returns a set of the arguments.", 0, V,
            args -> build(lib, LSet.EMPTY, Arrays.asList(args)));
        lib.def("sorted-set", "Returns a set of the arguments that keeps its items in ascending order (as compare "
            + "orders them).", 0, V, args -> build(lib, LSet.sorted(naturalOrder()), Arrays.asList(args)));
        lib.def("sorted-map", "Returns a map of the alternating keys and values that keeps its keys in ascending "
            + "order (as compare orders them).", 0, V, args -> {
                if (args.length % 2 != 0) {
                    throw new LogosError("sorted-map expects an even number of arguments (keys and values), got "
                        + args.length);
                }
                lib.chargeItems(args.length);
                LMap out = LMap.sorted(naturalOrder());
                for (int i = 0; i < args.length; i += 2) {
                    out = out.assoc(args[i], args[i + 1]);
                }
                return out;
            });
        lib.def("disj", "Returns set s without the given items.", 1, V, args -> {
            if (args[0] == null) {
                return null;
            }
            LSet s = set("disj", args[0]);
            lib.chargeSteps(args.length);
            for (int i = 1; i < args.length; i++) {
                s = s.disj(args[i]);
            }
            return s;
        });
        lib.def("set?", "Returns true if x is a set.", 1, 1, args -> args[0] instanceof LSet);
        operations(lib);
    }

    private static void operations(Library lib) {
        lib.def("set/union", "Returns a set of the items in any of the sets.", 0, V, args -> {
            if (args.length == 0) {
                return LSet.EMPTY;
            }
            LSet out = set("set/union", args[0]);
            for (int i = 1; i < args.length; i++) {
                LSet more = set("set/union", args[i]);
                lib.chargeSteps(more.count());
                lib.chargeItems(more.count());
                out = out.conjAll(more);
            }
            return out;
        });
        lib.def("set/intersection", "Returns a set of the items in every one of the sets.", 1, V, args -> {
            LSet out = set("set/intersection", args[0]);
            for (int i = 1; i < args.length; i++) {
                LSet other = set("set/intersection", args[i]);
                lib.chargeSteps(out.count());
                LSet kept = out;
                for (Object item : out) {
                    if (!other.contains(item)) {
                        kept = kept.disj(item);
                    }
                }
                out = kept;
            }
            return out;
        });
        lib.def("set/difference", "Returns a set of the items of the first set that are in none of the others.",
            1, V, args -> {
                LSet out = set("set/difference", args[0]);
                for (int i = 1; i < args.length; i++) {
                    LSet other = set("set/difference", args[i]);
                    lib.chargeSteps(Math.min(out.count(), other.count()));
                    if (other.count() < out.count()) {
                        for (Object item : other) {
                            out = out.disj(item);
                        }
                    } else {
                        LSet kept = out;
                        for (Object item : out) {
                            if (other.contains(item)) {
                                kept = kept.disj(item);
                            }
                        }
                        out = kept;
                    }
                }
                return out;
            });
        lib.def("set/subset?", "Returns true when every item of set a is in set b.", 2, 2,
            args -> subset(lib, set("set/subset?", args[0]), set("set/subset?", args[1])));
        lib.def("set/superset?", "Returns true when every item of set b is in set a.", 2, 2,
            args -> subset(lib, set("set/superset?", args[1]), set("set/superset?", args[0])));
    }

    private static boolean subset(Library lib, LSet small, LSet big) {
        if (small.count() > big.count()) {
            return false;
        }
        lib.chargeSteps(small.count());
        for (Object item : small) {
            if (!big.contains(item)) {
                return false;
            }
        }
        return true;
    }

    /** A set argument; nil counts as the empty set, as in Clojure's set functions. */
    private static LSet set(String fn, Object value) {
        if (value instanceof LSet s) {
            return s;
        }
        if (value == null) {
            return LSet.EMPTY;
        }
        throw Args.typeError(fn, "a set", value);
    }

    private static LSet build(Library lib, LSet start, Iterable<Object> items) {
        long n = 0;
        for (Object ignored : items) {
            n++;
        }
        lib.chargeItems(n);
        return start.conjAll(items);
    }

    /** The order compare gives; incomparable keys are an error naming the sorted collection. */
    static Comparator<Object> naturalOrder() {
        return NATURAL;
    }

    private static final Comparator<Object> NATURAL = (a, b) -> Compare.compare("sorted collection", a, b);
}
