package drogulus.logos.builtins;

import static drogulus.logos.builtins.Colls.call;
import static drogulus.logos.builtins.Colls.items;
import static drogulus.logos.builtins.Colls.truthy;
import static drogulus.logos.eval.Accumulators.releasing;
import static drogulus.logos.eval.Accumulators.start;

import drogulus.logos.data.Args;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSeq;
import drogulus.logos.data.LVector;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Seqable;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Intrinsic;
import drogulus.logos.eval.LoopCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Built-ins that call a function over a collection: map, filter, reduce, apply, some, every?. Bodies are
 * anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class HigherOrderBuiltins {
    private static final int V = Builtin.VARIADIC;

    /** The box {@code reduced} puts a value in to make {@code reduce} stop early. */
    record Reduced(Object value) {
        @Override
        public String toString() {
            return "#<reduced " + Printer.print(value, true) + ">";
        }
    }

    private HigherOrderBuiltins() {
    }

    /**
     * reduce's own copy of the call path (see LoopCall), made when first used: its loops call a compiled closure
     * through it, choosing in the loop itself rather than in a method of its own, one layer fewer for the JIT.
     */
    private static final class ReduceSite {
        static final LoopCall F = LoopCall.create();
    }

    static void install(Library lib) {
        mapping(lib);
        filtering(lib);
        reducing(lib);
    }

    private static void mapping(Library lib) {
        MapIntoVector mapOne = new MapIntoVector(lib);
        lib.def("mapv", "Returns a vector of (f item) for each item, as map does.", 2, V,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return args.length == 2 ? mapOne.apply(args[0], args[1])
                        : Colls.vector(lib, map(lib, "mapv", args));
                }
            }, null, mapOne);
        lib.def("apply", "Returns the result of calling f with the leading arguments followed by the items of the "
            + "last one.", 2, V, new Body() {
                @Override public Object apply(Object[] args) {
                    List<Object> spread = new ArrayList<>(Arrays.asList(args).subList(1, args.length - 1));
                    spread.addAll(items(lib, "apply", args[args.length - 1]));
                    lib.chargeItems(spread.size());
                    return lib.interp().apply(args[0], spread.toArray());
                }
            });
    }

    private static void filtering(Library lib) {
        lib.def("filterv", "Returns a vector of the items of coll for which (pred item) is true.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Colls.vector(lib, filter(lib, "filterv", args[0], args[1], true));
                }
            });
        lib.def("some", "Returns the first true value of (pred item) over coll, or nil.", 2, 2, new Body() {
            @Override public Object apply(Object[] args) {
                for (Object item : Colls.walk(lib, "some", args[1])) {
                    Object r = call(lib, args[0], item);
                    if (truthy(r)) {
                        return r;
                    }
                }
                return null;
            }
        });
        lib.def("every?", "Returns true when (pred item) is true for every item of coll.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return all(lib, "every?", args[0], args[1]);
                }
            });
        lib.def("not-every?", "Returns false when (pred item) is true for every item of coll.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return !all(lib, "not-every?", args[0], args[1]);
                }
            });
        lib.def("not-any?", "Returns true when (pred item) is false for every item of coll.", 2, 2, new Body() {
            @Override public Object apply(Object[] args) {
                for (Object item : Colls.walk(lib, "not-any?", args[1])) {
                    if (truthy(call(lib, args[0], item))) {
                        return false;
                    }
                }
                return true;
            }
        });
    }

    private static void reducing(Library lib) {
        Builtin.Body reduce = new Body() {
            @Override public Object apply(Object[] args) {
                if (args[args.length - 1] instanceof LSeq) {
                    Object[] hold = {args[args.length - 1]};
                    return reduceSeq(lib, args[0], args.length == 3,
                        args.length == 3 ? start(args[0], 2, args[1]) : null, hold);
                }
                if (args[args.length - 1] instanceof LVector v) {
                    return reduceVector(lib, args, v);
                }
                List<Object> all = items(lib, "reduce", args[args.length - 1]);
                Object acc;
                int from;
                if (args.length == 3) {
                    acc = start(args[0], 2, args[1]);
                    from = 0;
                } else if (all.isEmpty()) {
                    return call(lib, args[0]);
                } else {
                    acc = all.get(0);
                    from = 1;
                }
                Object frame = null;
                for (int i = from; i < all.size(); i++) {
                    Object item = all.get(i);
                    if (frame == null && LoopCall.takes(args[0], 2)) {
                        frame = LoopCall.frameFor(args[0], 2);
                    }
                    acc = frame != null ? ReduceSite.F.call2In(frame, acc, item)
                        : lib.interp().apply2(args[0], acc, item);
                    if (acc instanceof Reduced r) {
                        return r.value();
                    }
                }
                return acc;
            }
        };
        Builtin.Body released = releasing(reduce);
        lib.def("reduce", "Returns the result of combining the items of coll with f, starting from init or "
            + "the first item: (f (f init a) b) ...; (reduced x) stops early with x.", 2, 3, Intrinsic.REDUCE,
            released, null,
            new ReduceTwo(lib, released));
        lib.def("reduce-kv", "Returns the result of combining init with each key and value of a map (or index and "
            + "item of a vector): (f (f init k1 v1) k2 v2) ...", 3, 3, releasing(new Body() {
                @Override public Object apply(Object[] args) {
                    Object acc = start(args[0], 3, args[1]);
                    Object coll = args[2];
                    if (coll instanceof LVector v) {
                        lib.chargeSteps(v.count());
                        for (int i = 0; i < v.count(); i++) {
                            acc = call(lib, args[0], acc, (long) i, v.nth(i));
                            if (acc instanceof Reduced r) {
                                return r.value();
                            }
                        }
                        return acc;
                    }
                    LMap m = Args.map("reduce-kv", coll);
                    lib.chargeSteps(m.count());
                    for (Map.Entry<Object, Object> e : m) {
                        acc = call(lib, args[0], acc, e.getKey(), e.getValue());
                        if (acc instanceof Reduced r) {
                            return r.value();
                        }
                    }
                    return acc;
                }
            }));
        lib.def("reduced", "Returns x wrapped so that reduce stops and returns x.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return new Reduced(args[0]);
                }
            });
        lib.def("reduced?", "Returns true when x was made by reduced.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return args[0] instanceof Reduced;
            }
        });
    }

    /** reduce over a vector, read in place rather than copied out first; a step is charged per item up front. */
    private static Object reduceVector(Library lib, Object[] args, LVector v) {
        int n = v.count();
        lib.chargeSteps(n);
        Object acc;
        int from;
        if (args.length == 3) {
            acc = start(args[0], 2, args[1]);
            from = 0;
        } else if (n == 0) {
            return call(lib, args[0]);
        } else {
            acc = v.nth(0);
            from = 1;
        }
        Object f = args[0];
        java.util.Iterator<Object> items = v.iterator();
        for (int i = 0; i < from; i++) {
            items.next();
        }
        // One frame for all of f's calls once f is compiled (LoopCall.frameFor), not one per item.
        Object frame = null;
        while (items.hasNext()) {
            Object item = items.next();
            if (frame == null && LoopCall.takes(f, 2)) {
                frame = LoopCall.frameFor(f, 2);
            }
            acc = frame != null ? ReduceSite.F.call2In(frame, acc, item) : lib.interp().apply2(f, acc, item);
            if (acc instanceof Reduced r) {
                return r.value();
            }
        }
        return acc;
    }

    /**
     * reduce with no init, (reduce f coll): a class, not a lambda, so that the frame the call arrives in can let go
     * of a lazy coll (see {@link #reduceSeq}).
     */
    private static final class ReduceTwo implements Builtin.Body2 {
        private final Library lib;
        private final Builtin.Body whole;

        ReduceTwo(Library lib, Builtin.Body whole) {
            this.lib = lib;
            this.whole = whole;
        }

        @Override
        public Object apply(Object f, Object coll) {
            if (coll instanceof LSeq) {
                Object[] hold = {coll};
                coll = null;
                return reduceSeq(lib, f, false, null, hold);
            }
            return whole.apply(new Object[] {f, coll});
        }
    }

    /**
     * reduce over a lazy sequence (hold's one item, which this takes out), realising it only as far as the
     * reduction goes. Only a moving cursor refers to the sequence, so the cells already combined can be collected
     * while the rest are computed: reducing a long lazy sequence runs in the memory of one chunk.
     */
    private static Object reduceSeq(Library lib, Object f, boolean hasInit, Object init, Object[] hold) {
        Object at = hold[0];
        hold[0] = null;
        Object acc = init;
        if (!hasInit) {
            if (Seqs.exhaustedNow(at)) {
                return call(lib, f);
            }
            lib.chargeSteps(1);
            acc = Seqs.first(at);
            at = Seqs.more(at);
        }
        Object frame = null;
        while (!Seqs.exhaustedNow(at)) {
            // A chunked cell's items are read in place (LSeq#runItem), without a cell per item.
            LSeq cell = at instanceof LSeq c ? c : null;
            int run = cell == null ? 1 : cell.runLength();
            for (int k = 0; k < run; k++) {
                lib.chargeSteps(1);
                Object item = cell == null ? Seqs.first(at) : cell.runItem(k);
                if (frame == null && LoopCall.takes(f, 2)) {
                    frame = LoopCall.frameFor(f, 2);
                }
                acc = frame != null ? ReduceSite.F.call2In(frame, acc, item) : lib.interp().apply2(f, acc, item);
                if (acc instanceof Reduced r) {
                    return r.value();
                }
            }
            at = cell == null ? Seqs.more(at) : cell.afterRun();
        }
        return acc;
    }

    /** (f a b ...) over the collections side by side, up to the shortest. */
    private static List<Object> map(Library lib, String fn, Object[] args) {
        Object f = args[0];
        if (args.length == 2) {
            List<Object> all = items(lib, fn, args[1]);
            List<Object> out = new ArrayList<>(all.size());
            for (Object item : all) {
                out.add(call(lib, f, item));
            }
            return out;
        }
        List<List<Object>> colls = new ArrayList<>();
        int shortest = Integer.MAX_VALUE;
        for (int i = 1; i < args.length; i++) {
            List<Object> all = items(lib, fn, args[i]);
            colls.add(all);
            shortest = Math.min(shortest, all.size());
        }
        List<Object> out = new ArrayList<>(shortest);
        for (int i = 0; i < shortest; i++) {
            Object[] row = new Object[colls.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = colls.get(c).get(i);
            }
            out.add(call(lib, f, row));
        }
        return out;
    }

    private static List<Object> filter(Library lib, String fn, Object pred, Object coll, boolean keep) {
        List<Object> out = new ArrayList<>();
        for (Object item : items(lib, fn, coll)) {
            if (truthy(call(lib, pred, item)) == keep) {
                out.add(item);
            }
        }
        return out;
    }

    private static boolean all(Library lib, String fn, Object pred, Object coll) {
        if (!Seqable.isSeqable(coll)) {
            throw Args.typeError(fn, "a collection", coll);
        }
        for (Object item : Colls.walk(lib, fn, coll)) {
            if (!truthy(call(lib, pred, item))) {
                return false;
            }
        }
        return true;
    }
}
