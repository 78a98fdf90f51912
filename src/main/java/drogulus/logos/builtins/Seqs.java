package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.LList;
import drogulus.logos.data.LSeq;
import drogulus.logos.data.LVector;
import drogulus.logos.data.Seqable;
import java.util.List;
import java.util.function.Supplier;

/**
 * Walking sequences lazily from Java. A seq here is nil, a non-empty list, or an LSeq; vectors walk as chunks of
 * cells made when needed, other collections as lists. Work is done a chunk at a time where the input is already
 * computed (lists, vectors, ranges, the output of another chunked step), an item at a time where it is not
 * (iterate, repeatedly, lazy-seq), as Clojure does: so a step never forces more of a lazy input than it needs.
 */
final class Seqs {
    static final int CHUNK = 32;
    /** What one realised cell costs in memory, charged as cells are made. */
    private static final long CELL_BYTES = 40;

    private Seqs() {
    }

    /** A lazy sequence whose body runs once, when first needed, charging a step. */
    static LSeq lazy(Library lib, Supplier<Object> body) {
        return LSeq.lazy(() -> {
            lib.chargeSteps(1);
            return body.get();
        });
    }

    /** coll itself when it is seqable: a lazy step checks its input when called, not when first read. */
    static Object check(String fn, Object coll) {
        if (!Seqable.isSeqable(coll)) {
            throw Args.typeError(fn, "a collection", coll);
        }
        return coll;
    }

    /** The seq of coll: nil when it has no items. Realises the first cell of a lazy sequence. */
    static Object seq(Library lib, String fn, Object coll) {
        if (coll == null) {
            return null;
        }
        if (coll instanceof LSeq s) {
            return s.isEmpty() ? null : s;
        }
        if (coll instanceof LList l) {
            return l.isEmpty() ? null : l;
        }
        if (coll instanceof LVector v) {
            return v.count() == 0 ? null : vectorSeq(lib, v, 0);
        }
        List<Object> items = Colls.items(lib, fn, coll);
        return items.isEmpty() ? null : Colls.list(lib, items);
    }

    private static Object vectorSeq(Library lib, LVector v, int from) {
        int n = Math.min(CHUNK, v.count() - from);
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = v.nth(from + i);
        }
        cells(lib, n);
        int next = from + n;
        return LSeq.chain(out, n, next >= v.count() ? null : lazy(lib, () -> vectorSeq(lib, v, next)));
    }

    /** Charges for n new cells. */
    static void cells(Library lib, int n) {
        lib.chargeSteps(n);
        lib.interp().budget().allocate(CELL_BYTES * n);
    }

    /** The first item of a non-nil seq. */
    static Object first(Object seq) {
        return seq instanceof LSeq s ? s.first() : ((LList) seq).first();
    }

    /** What follows the first item of a non-nil seq: a list (maybe empty) or an LSeq (maybe not computed). */
    static Object more(Object seq) {
        return seq instanceof LSeq s ? s.more() : ((LList) seq).rest();
    }

    /**
     * The first item of each of several collections, for the functions that walk them side by side (map of several
     * colls, interleave): null once any is empty; otherwise the firsts, with {@code rests} given what follows each.
     */
    static Object[] firsts(Library lib, String fn, Object[] colls, Object[] rests) {
        Object[] firsts = new Object[colls.length];
        for (int i = 0; i < colls.length; i++) {
            Object s = seq(lib, fn, colls[i]);
            if (s == null) {
                return null;
            }
            firsts[i] = first(s);
            rests[i] = more(s);
        }
        return firsts;
    }

    /**
     * The items of a sequence (hold's one item, an LSeq or a list, which this takes out), realised and copied into
     * an array with only a moving cursor on the sequence, so cells already copied can be collected. The rest of an
     * integer range is read without making its cells, charged as if they were made.
     */
    static Object[] drain(Object[] hold) {
        Object at = hold[0];
        hold[0] = null;
        Buffer out = new Buffer();
        while (true) {
            if (at instanceof LSeq s && s.pending() instanceof Ranges.IntegerTail tail) {
                tail.drainInto(out);
                break;
            }
            if (exhaustedNow(at)) {
                break;
            }
            if (at instanceof LSeq s) {
                // A chunked cell's items are read in place, without a cell per item.
                int run = s.runLength();
                for (int k = 0; k < run; k++) {
                    out.add(s.runItem(k));
                }
                at = s.afterRun();
            } else {
                out.add(first(at));
                at = more(at);
            }
        }
        return out.toArray();
    }

    /** A growing array of items. */
    static final class Buffer {
        private Object[] items = new Object[CHUNK];
        private int n;

        void add(Object item) {
            if (n == items.length) {
                items = java.util.Arrays.copyOf(items, 2 * n);
            }
            items[n++] = item;
        }

        Object[] toArray() {
            return java.util.Arrays.copyOf(items, n);
        }
    }

    /** Whether a seq or rest (nil, a list or an LSeq) holds nothing; realises the first cell of an LSeq. */
    static boolean exhaustedNow(Object seq) {
        if (seq instanceof LSeq s) {
            return s.isEmpty();
        }
        return seq == null || ((LList) seq).isEmpty();
    }

    /** Whether a rest is known to hold nothing, without computing anything. */
    static boolean exhausted(Object rest) {
        if (rest instanceof LList l) {
            return l.isEmpty();
        }
        return rest instanceof LSeq s && s.isRealized() && s.isEmpty();
    }

    /** Whether a rest's next item is already computed, so taking it costs no work the caller did not ask for. */
    static boolean ready(Object rest) {
        return rest instanceof LList || (rest instanceof LSeq s && s.isRealized());
    }

    /** The cells of out[0..n) followed by tail, charged. */
    static Object chain(Library lib, Object[] out, int n, Object tail) {
        cells(lib, n);
        return LSeq.chain(out, n, tail);
    }
}
