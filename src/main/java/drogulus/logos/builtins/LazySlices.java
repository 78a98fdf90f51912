package drogulus.logos.builtins;

import static drogulus.logos.builtins.Colls.call;
import static drogulus.logos.builtins.Colls.truthy;
import static drogulus.logos.builtins.Seqs.CHUNK;
import static drogulus.logos.builtins.Seqs.exhausted;
import static drogulus.logos.builtins.Seqs.first;
import static drogulus.logos.builtins.Seqs.lazy;
import static drogulus.logos.builtins.Seqs.more;
import static drogulus.logos.builtins.Seqs.ready;
import static drogulus.logos.builtins.Seqs.seq;

import drogulus.logos.data.LList;
import drogulus.logos.data.LSeq;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lazy sequence functions that cut and join: take, drop and their -while forms, partition, concat,
 * interleave. Each computes its output when it is asked for, as in Clojure. Bodies are anonymous classes, not
 * lambdas, for start-up speed ({@link Library} says why).
 */
final class LazySlices {
    private static final int V = Builtin.VARIADIC;

    private LazySlices() {
    }

    static void install(Library lib) {
        slicing(lib);
        combining(lib);
    }

    private static void slicing(Library lib) {
        lib.def("take", "Returns a lazy sequence of the first n items of coll (all of them if fewer).", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return take(lib, Colls.count("take", args[0]), Seqs.check("take", args[1]));
                }
            });
        lib.def("drop", "Returns a lazy sequence of the items of coll after the first n.", 2, 2, new Body() {
            @Override public Object apply(Object[] args) {
                long n = Colls.count("drop", args[0]);
                Seqs.check("drop", args[1]);
                return lazy(lib, () -> {
                    Object s = seq(lib, "drop", args[1]);
                    for (long i = 0; i < n && s != null; i++) {
                        lib.chargeSteps(1);
                        s = seq(lib, "drop", more(s));
                    }
                    return s;
                });
            }
        });
        lib.def("take-while", "Returns a lazy sequence of the leading items of coll for which pred is true.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return takeWhile(lib, args[0], Seqs.check("take-while", args[1]));
                }
            });
        lib.def("drop-while", "Returns a lazy sequence of the items of coll from the first for which pred is "
            + "false.", 2, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    return Seqs.check("drop-while", args[1]) == null ? null : lazy(lib, () -> {
                        Object s = seq(lib, "drop-while", args[1]);
                        while (s != null && truthy(call(lib, args[0], first(s)))) {
                            s = seq(lib, "drop-while", more(s));
                        }
                        return s;
                    });
                }
            });
        lib.def("partition", "Returns a lazy sequence of lists of n items each, starting every step (n) items; a "
            + "short last group is dropped unless pad supplies items to complete it.", 2, 4, new Body() {
                @Override public Object apply(Object[] args) {
                    int n = Colls.positive("partition", args[0]);
                    int step = args.length >= 3 ? Colls.positive("partition", args[1]) : n;
                    Object pad = args.length == 4 ? Seqs.check("partition", args[2]) : null;
                    Seqs.check("partition", args[args.length - 1]);
                    return partition(lib, n, step, args.length == 4, pad, args[args.length - 1]);
                }
            });
        lib.def("partition-by", "Returns a lazy sequence of lists, splitting coll each time (f item) changes.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return partitionBy(lib, args[0], Seqs.check("partition-by", args[1]));
                }
            });
        lib.def("partition-all", "Returns a lazy sequence of lists of n items each, starting every step (n) items; "
            + "the last ones may be shorter.", 2, 3, new Body() {
                @Override public Object apply(Object[] args) {
                    int n = Colls.positive("partition-all", args[0]);
                    int step = args.length == 3 ? Colls.positive("partition-all", args[1]) : n;
                    return partitionAll(lib, n, step, Seqs.check("partition-all", args[args.length - 1]));
                }
            });
    }

    private static LSeq take(Library lib, long n, Object coll) {
        return LSeq.lazy(() -> {
            lib.chargeSteps(1);
            Object s = n <= 0 ? null : seq(lib, "take", coll);
            if (s == null) {
                return null;
            }
            Object[] out = new Object[CHUNK];
            int k = 0;
            Object rest;
            do {
                // As many items of a chunked cell as are wanted, read in place; a cell of one item otherwise.
                LSeq cell = s instanceof LSeq c ? c : null;
                int run = cell == null ? 1 : cell.runLength();
                int use = (int) Math.min(run, Math.min(n - k, CHUNK - k));
                for (int j = 0; j < use; j++) {
                    out[k++] = cell == null ? first(s) : cell.runItem(j);
                }
                rest = cell == null ? more(s) : cell.moreAfter(use - 1);
                s = rest;
            } while (k < n && k < CHUNK && !exhausted(rest) && ready(rest)
                && (s = seq(lib, "take", rest)) != null);
            boolean done = k >= n || exhausted(rest);
            return Seqs.chain(lib, out, k, done ? null : take(lib, n - k, rest));
        });
    }

    private static LSeq takeWhile(Library lib, Object pred, Object coll) {
        return LSeq.lazy(() -> {
            lib.chargeSteps(1);
            Object s = seq(lib, "take-while", coll);
            Object[] out = new Object[CHUNK];
            int k = 0;
            while (s != null) {
                // A chunked cell's items are read in place, with one call of pred in the loop (small JIT code).
                LSeq cell = s instanceof LSeq c ? c : null;
                int run = cell == null ? 1 : cell.runLength();
                for (int j = 0; j < run; j++) {
                    Object item = cell == null ? first(s) : cell.runItem(j);
                    if (!truthy(call(lib, pred, item))) {
                        return Seqs.chain(lib, out, k, null);
                    }
                    out[k++] = item;
                    if (k == CHUNK && j < run - 1) {
                        return Seqs.chain(lib, out, k, takeWhile(lib, pred, cell.moreAfter(j)));
                    }
                }
                Object rest = cell == null ? more(s) : cell.afterRun();
                if (exhausted(rest)) {
                    break;
                }
                if (k == CHUNK || !ready(rest)) {
                    return Seqs.chain(lib, out, k, takeWhile(lib, pred, rest));
                }
                s = seq(lib, "take-while", rest);
            }
            return Seqs.chain(lib, out, k, null);
        });
    }

    /** As Clojure's: the runs of items with equal (f item); f is called again on the item that starts a run. */
    private static LSeq partitionBy(Library lib, Object f, Object coll) {
        return lazy(lib, () -> {
            Object s = seq(lib, "partition-by", coll);
            if (s == null) {
                return null;
            }
            Object value = call(lib, f, first(s));
            List<Object> run = new ArrayList<>();
            run.add(first(s));
            Object at = seq(lib, "partition-by", more(s));
            while (at != null && Objects.equals(value, call(lib, f, first(at)))) {
                run.add(first(at));
                at = seq(lib, "partition-by", more(at));
            }
            Seqs.cells(lib, run.size() + 1);
            return LSeq.cons(LList.from(run), at == null ? null : partitionBy(lib, f, at));
        });
    }

    /** As Clojure's: every group from each step's start, the last ones shorter, until no item is left. */
    private static LSeq partitionAll(Library lib, int n, int step, Object coll) {
        return lazy(lib, () -> {
            Object s = seq(lib, "partition-all", coll);
            if (s == null) {
                return null;
            }
            List<Object> group = new ArrayList<>(n);
            fill(lib, "partition-all", s, n, group);
            Seqs.cells(lib, group.size() + 1);
            Object rest = skip(lib, "partition-all", s, step);
            return LSeq.cons(LList.from(group), rest == null ? null : partitionAll(lib, n, step, rest));
        });
    }

    private static LSeq partition(Library lib, int n, int step, boolean padded, Object pad, Object coll) {
        return lazy(lib, () -> {
            Object s = seq(lib, "partition", coll);
            if (s == null) {
                return null;
            }
            List<Object> group = new ArrayList<>(n);
            fill(lib, "partition", s, n, group);
            if (group.size() < n) {
                if (!padded) {
                    return null;
                }
                fill(lib, "partition", seq(lib, "partition", pad), n, group);
                Seqs.cells(lib, group.size() + 1);
                return LList.of(LList.from(group));
            }
            Seqs.cells(lib, n + 1);
            Object rest = skip(lib, "partition", s, step);
            return LSeq.cons(LList.from(group), rest == null ? null : partition(lib, n, step, padded, pad, rest));
        });
    }

    /** Adds the items of the seq s (nil: none) to group until it holds n. */
    private static void fill(Library lib, String fn, Object s, int n, List<Object> group) {
        for (Object at = s; at != null && group.size() < n; at = seq(lib, fn, more(at))) {
            group.add(first(at));
        }
    }

    /** The seq after the first step items of the non-nil seq s; nil when they are all there is. */
    private static Object skip(Library lib, String fn, Object s, int step) {
        Object after = s;
        for (int i = 0; i < step && after != null; i++) {
            after = seq(lib, fn, more(after));
        }
        return after;
    }

    private static void combining(Library lib) {
        lib.def("concat", "Returns a lazy sequence of the items of each collection in turn.", 0, V,
            new Body() {
                @Override public Object apply(Object[] args) {
                    for (Object coll : args) {
                        Seqs.check("concat", coll);
                    }
                    return concat(lib, "concat", LList.of(args));
                }
            });
        lib.def("interleave", "Returns a lazy sequence of the first item of each coll, then the second of each, "
            + "and so on, up to the shortest.", 0, V, new Body() {
                @Override public Object apply(Object[] args) {
                    for (Object coll : args) {
                        Seqs.check("interleave", coll);
                    }
                    return args.length == 0 ? LList.EMPTY : interleave(lib, args);
                }
            });
    }

    /** The items of each collection of colls (itself a seqable, perhaps lazy) in turn. */
    static LSeq concat(Library lib, String fn, Object colls) {
        return lazy(lib, () -> {
            Object cs = seq(lib, fn, colls);
            while (cs != null) {
                Object s = seq(lib, fn, first(cs));
                Object others = more(cs);
                if (s != null) {
                    return copyThen(lib, fn, s, others);
                }
                cs = seq(lib, fn, others);
            }
            return null;
        });
    }

    /** The items of the seq s, then those of the collections others; s itself when nothing follows it. */
    private static Object copyThen(Library lib, String fn, Object s, Object others) {
        if (exhausted(others)) {
            return s;
        }
        Object[] out = new Object[CHUNK];
        int n = 0;
        Object rest;
        do {
            out[n++] = first(s);
            rest = more(s);
            s = rest;
        } while (n < CHUNK && !exhausted(rest) && ready(rest) && (s = seq(lib, fn, rest)) != null);
        Object left = rest;
        Object tail = exhausted(left) ? concat(lib, fn, others) : lazy(lib, () -> {
            Object r = seq(lib, fn, left);
            return r == null ? concat(lib, fn, others) : copyThen(lib, fn, r, others);
        });
        return Seqs.chain(lib, out, n, tail);
    }

    private static LSeq interleave(Library lib, Object[] colls) {
        return lazy(lib, () -> {
            Object[] seqs = new Object[colls.length];
            Object[] firsts = Seqs.firsts(lib, "interleave", colls, seqs);
            if (firsts == null) {
                return null;
            }
            return Seqs.chain(lib, firsts, firsts.length, interleave(lib, seqs));
        });
    }
}
