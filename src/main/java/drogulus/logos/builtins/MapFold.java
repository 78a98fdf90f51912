package drogulus.logos.builtins;

import static drogulus.logos.builtins.Colls.call;
import static drogulus.logos.builtins.Seqs.CHUNK;

import drogulus.logos.data.LList;
import drogulus.logos.data.LVector;
import drogulus.logos.eval.Accumulators;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Fold;
import drogulus.logos.eval.LoopCall;

/**
 * {@code (map g coll)}'s two-argument path, and its {@link Fold}: {@code (reduce f init (map g coll))} over a
 * vector, a list or nil, done a chunk at a time as {@link LazySteps#sieve} makes the chunks and {@code reduce}
 * walks them (g over a whole chunk, then f over its items), with each step and cell charged where those charge
 * it, but without the sequence's thunks, cells and the calls between them.
 */
final class MapFold implements Builtin.Body2, Fold {
    private final Library lib;

    /**
     * The fold's own copies of the call path (see LoopCall), made when first used: walking nested data, g is the
     * walk itself, and the fold and the body it calls are then compiled together, apart from every other loop.
     */
    private static final class Sites {
        static final LoopCall G = LoopCall.create();
        static final LoopCall F = LoopCall.create();
    }

    MapFold(Library lib) {
        this.lib = lib;
    }

    @Override
    public Object apply(Object g, Object coll) {
        return LazySteps.sieve(lib, "map", coll, item -> call(lib, g, item));
    }

    @Override
    public Object fold(Object f, Object init, Object g, Object coll) {
        if (coll instanceof LVector v) {
            return overVector(f, Accumulators.start(f, 2, init), g, v);
        }
        if (coll == null || coll instanceof LList) {
            return overList(f, Accumulators.start(f, 2, init), g, (LList) coll);
        }
        return NOT_FOLDED;
    }

    /** As LazySteps.sieveVector makes the chunks (an empty vector as the sieve of nil does). */
    private Object overVector(Object f, Object init, Object g, LVector v) {
        Object acc = init;
        int count = v.count();
        if (count == 0) {
            lib.chargeSteps(1);
            return Accumulators.value(acc);
        }
        int at = 0;
        while (at < count) {
            lib.chargeSteps(1);
            if (at > 0) {
                lib.chargeSteps(1);
            }
            int end = Math.min(count, at + CHUNK);
            Seqs.cells(lib, end - at);
            Object[] out = new Object[end - at];
            int n = 0;
            for (; at < end; at++) {
                out[n++] = mapped(g, v.nth(at));
            }
            Seqs.cells(lib, n);
            acc = combine(f, acc, out, n);
            if (acc instanceof HigherOrderBuiltins.Reduced r) {
                return Accumulators.value(r.value());
            }
        }
        return Accumulators.value(acc);
    }

    /** As LazySteps.sieve makes the chunks of a list: a step for each, then up to a chunk of items. */
    private Object overList(Object f, Object init, Object g, LList list) {
        Object acc = init;
        LList left = list;
        while (true) {
            lib.chargeSteps(1);
            if (left == null || left.isEmpty()) {
                return Accumulators.value(acc);
            }
            Object[] out = new Object[Math.min(CHUNK, left.count())];
            int n = 0;
            LList s = left;
            left = null;
            while (s != null) {
                out[n++] = mapped(g, s.first());
                LList rest = s.rest();
                if (rest.isEmpty()) {
                    s = null;
                } else if (n >= CHUNK) {
                    left = rest;
                    s = null;
                } else {
                    s = rest;
                }
            }
            Seqs.cells(lib, n);
            acc = combine(f, acc, out, n);
            if (acc instanceof HigherOrderBuiltins.Reduced r) {
                return Accumulators.value(r.value());
            }
            if (left == null) {
                return Accumulators.value(acc);
            }
        }
    }

    /** (g item), as the sequence's step calls it. */
    private Object mapped(Object g, Object item) {
        return LoopCall.takes(g, 1) ? Sites.G.call1(lib.interp(), g, item) : call(lib, g, item);
    }

    /** reduce's walk over one chunk's items: a step, then f, for each; stops at a reduced value, which it returns. */
    private Object combine(Object f, Object init, Object[] items, int n) {
        Object acc = init;
        Object frame = null;
        for (int i = 0; i < n; i++) {
            lib.chargeSteps(1);
            if (frame == null && LoopCall.takes(f, 2)) {
                frame = LoopCall.frameFor(f, 2);
            }
            acc = frame != null ? Sites.F.call2In(frame, acc, items[i]) : lib.interp().apply2(f, acc, items[i]);
            if (acc instanceof HigherOrderBuiltins.Reduced) {
                return acc;
            }
        }
        return acc;
    }
}
