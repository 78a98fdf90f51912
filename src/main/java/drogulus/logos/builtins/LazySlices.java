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

/**
 * The lazy sequence functions that cut, join and number: take, drop and their -while forms, concat, interleave,
 * interpose, map-indexed, keep-indexed ({@link LazyPartitions} has those that group). Each computes its output when
 * it is asked for, as in Clojure. Bodies are anonymous classes, not lambdas, for start-up speed ({@link Library}
 * says why).
 */
final class LazySlices {
    private static final int V = Builtin.VARIADIC;

    private LazySlices() {
    }

    static void install(Library lib) {
        slicing(lib);
        combining(lib);
        numbering(lib);
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
        lib.def("interpose", "Returns a lazy sequence of the items of coll with sep between each two.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return interpose(lib, args[0], Seqs.check("interpose", args[1]), false);
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

    /**
     * The items of coll with sep before each (before all but the first unless leading): each realisation reads a
     * run of items already computed, up to half a chunk, as interleave of (repeat sep) and coll would, without
     * making or walking the repeated seps.
     */
    private static LSeq interpose(Library lib, Object sep, Object coll, boolean leading) {
        return LSeq.lazy(() -> {
            lib.chargeSteps(1);
            Object s = seq(lib, "interpose", coll);
            if (s == null) {
                return null;
            }
            Object[] out = new Object[CHUNK];
            int n = 0;
            boolean lead = leading;
            Object rest;
            while (true) {
                LSeq cell = s instanceof LSeq c ? c : null;
                int use = Math.min(cell == null ? 1 : cell.runLength(), (CHUNK - n) / 2);
                for (int j = 0; j < use; j++) {
                    if (lead) {
                        out[n++] = sep;
                    }
                    out[n++] = cell == null ? first(s) : cell.runItem(j);
                    lead = true;
                }
                rest = cell == null ? more(s) : cell.moreAfter(use - 1);
                if (exhausted(rest)) {
                    rest = null;
                    break;
                }
                if (n > CHUNK - 2 || !ready(rest)) {
                    break;
                }
                s = seq(lib, "interpose", rest);
                if (s == null) {
                    rest = null;
                    break;
                }
            }
            return Seqs.chain(lib, out, n, rest == null ? null : interpose(lib, sep, rest, true));
        });
    }

    private static void numbering(Library lib) {
        lib.def("map-indexed", "Returns a lazy sequence of (f index item) for each item of coll, indexes from 0.",
            2, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    return indexed(lib, "map-indexed", args[0], false, Seqs.check("map-indexed", args[1]), 0);
                }
            });
        lib.def("keep-indexed", "Returns a lazy sequence of the non-nil results of (f index item) over coll, "
            + "indexes from 0.", 2, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    return indexed(lib, "keep-indexed", args[0], true, Seqs.check("keep-indexed", args[1]), 0);
                }
            });
    }

    /**
     * The results of (f index item) for the items of coll from index on, the nil ones left out when keep is set.
     * The index travels with the sequence rather than in a counter, so a realisation that threw and is asked
     * again numbers its items the same. Each realisation reads items already computed, up to a chunk of them;
     * keep-indexed goes on past a chunk that kept nothing, as filter does, so long runs of nil stay flat.
     */
    private static LSeq indexed(Library lib, String fn, Object f, boolean keep, Object coll, long index) {
        return LSeq.lazy(() -> {
            lib.chargeSteps(1);
            Object s = seq(lib, fn, coll);
            if (s == null) {
                return null;
            }
            Object[] out = new Object[CHUNK];
            int n = 0;
            int taken = 0;
            long at = index;
            Object rest;
            while (true) {
                LSeq cell = s instanceof LSeq c ? c : null;
                int use = Math.min(cell == null ? 1 : cell.runLength(), CHUNK - n);
                for (int j = 0; j < use; j++) {
                    Object r = call(lib, f, at++, cell == null ? first(s) : cell.runItem(j));
                    if (!keep || r != null) {
                        out[n++] = r;
                    }
                }
                taken += use;
                rest = cell == null ? more(s) : cell.moreAfter(use - 1);
                if (exhausted(rest)) {
                    rest = null;
                    break;
                }
                if (n == CHUNK || (n > 0 && (taken >= CHUNK || !ready(rest)))) {
                    break;
                }
                s = seq(lib, fn, rest);
                if (s == null) {
                    rest = null;
                    break;
                }
            }
            return Seqs.chain(lib, out, n, rest == null ? null : indexed(lib, fn, f, keep, rest, at));
        });
    }
}
