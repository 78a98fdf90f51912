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
import drogulus.logos.data.LVector;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Builtin.Body2;
import drogulus.logos.eval.Intrinsic;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The sequence functions that map and filter lazily, as in Clojure ({@link LazySlices} has those that cut and
 * join): each computes its output when it is asked
 * for, so they work on infinite inputs and do no work for items nobody reads. Bodies are anonymous classes, not
 * lambdas, for start-up speed ({@link Library} says why).
 */
final class LazySteps {
    private static final int V = Builtin.VARIADIC;

    /** What a filtering step does with one item: keep it as it is, keep another value, or drop it. */
    interface Sieve {
        /** The value to emit for item, or SKIP. */
        Object apply(Object item);
    }

    private static final Object SKIP = new Object();

    private LazySteps() {
    }

    static void install(Library lib) {
        mapping(lib);
    }

    private static void mapping(Library lib) {
        lib.def("map", "Returns a lazy sequence of (f item) for each item of coll; with several colls, "
            + "(f a b ...) for their items side by side, up to the shortest.", 2, V, Intrinsic.MAP, new Body() {
                @Override public Object apply(Object[] args) {
                    if (args.length == 2) {
                        Object f = args[0];
                        return sieve(lib, "map", args[1], item -> call(lib, f, item));
                    }
                    return mapN(lib, args[0], Arrays.copyOfRange(args, 1, args.length));
                }
            }, null, new MapFold(lib));
        // Each sieve captures the function alone, never the argument array: the sieve lives as long as the
        // sequence is walked, and args[1] is the head of the input, which would then be held whole.
        lib.def("filter", "Returns a lazy sequence of the items of coll for which (pred item) is true.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    Object pred = args[0];
                    return sieve(lib, "filter", args[1], item -> truthy(call(lib, pred, item)) ? item : SKIP);
                }
            }, null, new Body2() {
                @Override public Object apply(Object pred, Object coll) {
                    return sieve(lib, "filter", coll, item -> truthy(call(lib, pred, item)) ? item : SKIP);
                }
            });
        lib.def("remove", "Returns a lazy sequence of the items of coll for which (pred item) is false.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    Object pred = args[0];
                    return sieve(lib, "remove", args[1], item -> truthy(call(lib, pred, item)) ? SKIP : item);
                }
            });
        lib.def("keep", "Returns a lazy sequence of the non-nil results of (f item) for each item of coll.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    Object f = args[0];
                    return sieve(lib, "keep", args[1], item -> {
                        Object r = call(lib, f, item);
                        return r == null ? SKIP : r;
                    });
                }
            });
        lib.def("distinct", "Returns a lazy sequence of the items of coll without repeats, first occurrences "
            + "kept.", 1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    Set<Object> seen = new HashSet<>();
                    return sieve(lib, "distinct", args[0], item -> seen.add(item) ? item : SKIP);
                }
            });
        lib.def("mapcat", "Returns a lazy sequence of the items of every (f item), concatenated.", 2, V, new Body() {
            @Override public Object apply(Object[] args) {
                Object f = args[0];
                Object mapped = args.length == 2 ? sieve(lib, "mapcat", args[1], item -> call(lib, f, item))
                    : mapN(lib, f, Arrays.copyOfRange(args, 1, args.length));
                return LazySlices.concat(lib, "mapcat", mapped);
            }
        });
    }

    /**
     * The items of coll passed through a sieve, lazily: each realisation takes items until one passes, then goes
     * on while the input is already computed, up to a chunk. Like take and take-while, it charges its step itself
     * rather than through {@link Seqs#lazy}: one object and one call fewer per chunk on the hottest lazy paths.
     */
    static LSeq sieve(Library lib, String fn, Object coll, Sieve sieve) {
        Seqs.check(fn, coll);
        if (coll instanceof LVector v) {
            return v.count() == 0 ? sieve(lib, fn, null, sieve) : sieveVector(lib, v, 0, sieve);
        }
        return LSeq.lazy(() -> {
            lib.chargeSteps(1);
            if (coll instanceof LSeq pending && pending.pending() instanceof Ranges.IntegerTail tail) {
                return sieveRange(lib, fn, tail, sieve);
            }
            Object s = seq(lib, fn, coll);
            // A list is all there is to read, so it needs no more room than its items (walking nested data maps
            // over many short lists); otherwise at most a chunk is kept, as the loop stops once a chunk is read.
            Object[] out = new Object[coll instanceof LList list ? Math.min(CHUNK, list.count()) : CHUNK];
            int n = 0;
            int taken = 0;
            walk:
            while (s != null) {
                // A chunked cell's items are read in place; each but the run's last is followed by one already
                // computed, so the loop goes on unless a chunk is read, as it would cell by cell. One call of the
                // sieve and one realisation in the loop keep the code the JIT makes of it small.
                LSeq cell = s instanceof LSeq c ? c : null;
                int run = cell == null ? 1 : cell.runLength();
                for (int k = 0; ; k++) {
                    Object r = sieve.apply(cell == null ? first(s) : cell.runItem(k));
                    taken++;
                    if (r != SKIP) {
                        out[n++] = r;
                    }
                    if (k == run - 1) {
                        break;
                    }
                    if (n > 0 && taken >= CHUNK) {
                        s = cell.moreAfter(k);
                        break walk;
                    }
                }
                Object rest = cell == null ? more(s) : cell.afterRun();
                if (exhausted(rest)) {
                    s = null;
                } else if (n > 0 && (taken >= CHUNK || !ready(rest))) {
                    s = rest;
                    break;
                } else {
                    s = seq(lib, fn, rest);
                }
            }
            Object left = s;
            return Seqs.chain(lib, out, n, left == null ? null : sieve(lib, fn, left, sieve));
        });
    }

    /**
     * A sieve over a vector's items from index from, read in place a chunk at a time: the same items, steps and
     * memory as walking the vector's chunked cells ({@link Seqs#seq}), without making those cells.
     */
    private static LSeq sieveVector(Library lib, LVector v, int from, Sieve sieve) {
        return LSeq.lazy(() -> {
            lib.chargeSteps(1);
            int count = v.count();
            int at = from;
            Object[] out = new Object[Math.min(CHUNK, count - at)];
            int n = 0;
            while (n == 0 && at < count) {
                if (at > 0) {
                    lib.chargeSteps(1);
                }
                int end = Math.min(count, at + CHUNK);
                Seqs.cells(lib, end - at);
                if (out.length < end - at) {
                    out = new Object[end - at];
                }
                for (; at < end; at++) {
                    Object r = sieve.apply(v.nth(at));
                    if (r != SKIP) {
                        out[n++] = r;
                    }
                }
            }
            return Seqs.chain(lib, out, n, at < count ? sieveVector(lib, v, at, sieve) : null);
        });
    }

    /**
     * A sieve over the rest of an integer range, read a chunk of numbers at a time without making the range's
     * cells, charged as realising them would be.
     */
    private static Object sieveRange(Library lib, String fn, Ranges.IntegerTail from, Sieve sieve) {
        Ranges.IntegerTail tail = from;
        while (true) {
            Ranges.Chunk chunk = tail.chunk();
            Object[] out = chunk.items;
            int n = 0;
            for (int i = 0; i < chunk.n; i++) {
                Object r = sieve.apply(chunk.items[i]);
                if (r != SKIP) {
                    out[n++] = r;
                }
            }
            tail = chunk.rest;
            if (n > 0 || tail == null) {
                return Seqs.chain(lib, out, n, tail == null ? null : sieve(lib, fn, LSeq.lazy(tail), sieve));
            }
        }
    }

    private static LSeq mapN(Library lib, Object f, Object[] colls) {
        for (Object coll : colls) {
            Seqs.check("map", coll);
        }
        return lazy(lib, () -> {
            Object[] seqs = new Object[colls.length];
            Object[] firsts = Seqs.firsts(lib, "map", colls, seqs);
            if (firsts == null) {
                return null;
            }
            Seqs.cells(lib, 1);
            return LSeq.cons(call(lib, f, firsts), mapN(lib, f, seqs));
        });
    }
}
