package drogulus.logos.builtins;

import static drogulus.logos.builtins.Colls.items;

import drogulus.logos.data.Args;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSeq;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LogosError;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sets and sorted collections: set, hash-set, disj, the set/ operations, sorted-set and sorted-map. Bodies are
 * anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class SetBuiltins {
    private static final int V = Builtin.VARIADIC;

    private SetBuiltins() {
    }

    static void install(Library lib) {
        SetOf setOf = new SetOf(lib);
        lib.def("set", "Returns a set of the items of coll.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return setOf.apply(args[0]);
            }
        }, setOf, null);
        lib.def("hash-set", "Returns a set of the arguments.", 0, V, new Body() {
            @Override public Object apply(Object[] args) {
                lib.chargeItems(args.length);
                return LSet.ofArray(args, args.length);
            }
        });
        lib.def("sorted-set", "Returns a set of the arguments that keeps its items in ascending order (as compare "
            + "orders them).", 0, V, new Body() {
                @Override public Object apply(Object[] args) {
                    return build(lib, LSet.sorted(naturalOrder()), Arrays.asList(args));
                }
            });
        lib.def("sorted-map", "Returns a map of the alternating keys and values that keeps its keys in ascending "
            + "order (as compare orders them).", 0, V, new Body() {
                @Override public Object apply(Object[] args) {
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
                }
            });
        lib.def("disj", "Returns set s without the given items.", 1, V, new Body() {
            @Override public Object apply(Object[] args) {
                if (args[0] == null) {
                    return null;
                }
                LSet s = set("disj", args[0]);
                lib.chargeSteps(args.length);
                for (int i = 1; i < args.length; i++) {
                    s = s.disj(args[i]);
                }
                return s;
            }
        });
        lib.def("set?", "Returns true if x is a set.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return args[0] instanceof LSet;
            }
        });
        operations(lib);
    }

    private static void operations(Library lib) {
        lib.def("set/union", "Returns a set of the items in any of the sets.", 0, V, new Body() {
            @Override public Object apply(Object[] args) {
                if (args.length == 0) {
                    return LSet.EMPTY;
                }
                LSet out = set("set/union", args[0]);
                for (int i = 1; i < args.length; i++) {
                    LSet more = set("set/union", args[i]);
                    lib.chargeSteps(more.count());
                    lib.chargeItems(more.count());
                    LSet walked = out.unionAgainst(more);
                    out = walked != null ? walked : out.conjAll(more);
                }
                return out;
            }
        });
        lib.def("set/intersection", "Returns a set of the items in every one of the sets.", 1, V,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return intersection(lib, args);
                }
            });
        lib.def("set/difference", "Returns a set of the items of the first set that are in none of the others.",
            1, V, new Body() {
                @Override public Object apply(Object[] args) {
                    LSet out = set("set/difference", args[0]);
                    for (int i = 1; i < args.length; i++) {
                        out = difference(lib, out, set("set/difference", args[i]));
                    }
                    return out;
                }
            });
        lib.def("set/subset?", "Returns true when every item of set a is in set b.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return subset(lib, set("set/subset?", args[0]), set("set/subset?", args[1]));
                }
            });
        lib.def("set/superset?", "Returns true when every item of set b is in set a.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return subset(lib, set("set/superset?", args[1]), set("set/superset?", args[0]));
                }
            });
    }

    /**
     * The items of the first set found in all the others. Walks the smallest set, as Clojure does, and builds the
     * result at once from what it keeps, rather than removing items one at a time from the first set (each removal
     * copying a path of the trie). The result is the first set's kind and holds the first set's items.
     */
    private static LSet intersection(Library lib, Object[] args) {
        LSet first = set("set/intersection", args[0]);
        LSet[] sets = new LSet[args.length];
        LSet smallest = first;
        for (int i = 0; i < args.length; i++) {
            sets[i] = set("set/intersection", args[i]);
            if (sets[i].count() < smallest.count()) {
                smallest = sets[i];
            }
        }
        if (args.length == 1) {
            return first;
        }
        if (args.length == 2) {
            lib.chargeSteps(smallest.count());
            LSet walked = first.keepAgainst(sets[1], true);
            if (walked != null) {
                return walked;
            }
        }
        lib.chargeSteps((long) smallest.count() * (args.length - 1));
        Object[] kept = new Object[smallest.count()];
        int n = 0;
        for (Object item : smallest) {
            if (inAll(sets, smallest, item)) {
                kept[n++] = smallest == first ? item : first.get(item, item);
            }
        }
        return n == first.count() ? first : built(first, kept, n);
    }

    private static boolean inAll(LSet[] sets, LSet except, Object item) {
        for (LSet s : sets) {
            if (s != except && !s.contains(item)) {
                return false;
            }
        }
        return true;
    }

    /**
     * out without the items of other. Removing a few items from a large set copies a path per item; when other is
     * not much smaller than out, walking out and building the result from what stays does less.
     */
    private static LSet difference(Library lib, LSet out, LSet other) {
        LSet walked = other.count() * 4L < out.count() ? null : out.keepAgainst(other, false);
        if (walked != null) {
            lib.chargeSteps(out.count());
            return walked;
        }
        if (other.count() * 4L < out.count()) {
            lib.chargeSteps(other.count());
            LSet less = out;
            for (Object item : other) {
                less = less.disj(item);
            }
            return less;
        }
        lib.chargeSteps(out.count());
        Object[] kept = new Object[out.count()];
        int n = 0;
        for (Object item : out) {
            if (!other.contains(item)) {
                kept[n++] = item;
            }
        }
        return n == out.count() ? out : built(out, kept, n);
    }

    /** A set of the kind of like (hash or sorted in its order) holding kept[0..n). */
    private static LSet built(LSet like, Object[] kept, int n) {
        return like.isSorted() ? like.emptyLike().conjAll(Arrays.asList(kept).subList(0, n)) : LSet.ofArray(kept, n);
    }

    private static boolean subset(Library lib, LSet small, LSet big) {
        if (small.count() > big.count()) {
            return false;
        }
        lib.chargeSteps(small.count());
        Boolean walked = small.subsetWalk(big);
        if (walked != null) {
            return walked;
        }
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

    /**
     * set of one collection. A class, not a lambda, so that the frame the call arrives in can let go of a lazy
     * sequence: its cells are then collected as they are copied out, not held until the set is built.
     */
    private static final class SetOf implements Builtin.Body1 {
        private final Library lib;

        SetOf(Library lib) {
            this.lib = lib;
        }

        @Override
        public Object apply(Object coll) {
            if (coll instanceof LSet s && !s.isSorted()) {
                return s;
            }
            if (coll instanceof LSeq) {
                Object[] hold = {coll};
                coll = null;
                return SetDrain.set(lib, hold);
            }
            List<Object> all = items(lib, "set", coll);
            Object[] items = all.toArray();
            lib.chargeItems(items.length);
            return LSet.ofArray(items, items.length);
        }
    }

    /** The order compare gives; incomparable keys are an error naming the sorted collection. */
    static Comparator<Object> naturalOrder() {
        return NATURAL;
    }

    private static final Comparator<Object> NATURAL = (a, b) -> Compare.compare("sorted collection", a, b);
}
