package drogulus.logos.builtins;

import static drogulus.logos.builtins.Seqs.CHUNK;

import drogulus.logos.data.Args;
import drogulus.logos.data.LList;
import drogulus.logos.data.LSeq;
import drogulus.logos.data.LogosError;
import java.util.function.Supplier;

/**
 * The lazy {@code range}: integers when every bound is an integer, floats otherwise. Computed a chunk of cells at
 * a time, so walking a range costs about what walking a list does, and a range nobody reads to the end is never
 * made whole.
 */
final class Ranges {
    private Ranges() {
    }

    static Object range(Library lib, Object[] args) {
        if (args.length == 0) {
            return integers(lib, 0, Long.MAX_VALUE, 1);
        }
        Object start = args.length == 1 ? (Object) 0L : args[0];
        Object end = args.length == 1 ? args[0] : args[1];
        Object step = args.length == 3 ? args[2] : (Object) 1L;
        if (start instanceof Double || end instanceof Double || step instanceof Double) {
            return floats(lib, number(start), number(end), number(step), 0);
        }
        long from = Args.integer("range", start);
        long to = Args.integer("range", end);
        long by = Args.integer("range", step);
        if (by == 0) {
            // As Clojure: a zero step repeats start for ever, unless the range is empty.
            return from == to ? LList.EMPTY : repeat(lib, from);
        }
        return integers(lib, from, to, by);
    }

    private static double number(Object value) {
        if (value instanceof Double || value instanceof Long) {
            return ((Number) value).doubleValue();
        }
        throw Args.typeError("range", "a number", value);
    }

    private static Object repeat(Library lib, Object x) {
        Object[] out = new Object[CHUNK];
        java.util.Arrays.fill(out, x);
        return Seqs.chain(lib, out, CHUNK, Seqs.lazy(lib, () -> repeat(lib, x)));
    }

    /** The numbers from start while before end; exact at the ends of the long range, where x + step overflows. */
    private static Object integers(Library lib, long start, long end, long step) {
        Chunk first = take(lib, start, end, step);
        if (first.n == 0) {
            return LList.EMPTY;
        }
        return Seqs.chain(lib, first.items, first.n, first.rest == null ? null : LSeq.lazy(first.rest));
    }

    /**
     * Up to a chunk of numbers from start while before end, and the tail after them (null when they are the last),
     * charging nothing: the callers charge as their cells would be.
     */
    private static Chunk take(Library lib, long start, long end, long step) {
        Object[] out = new Object[CHUNK];
        int n = 0;
        long x = start;
        boolean more = step > 0 ? x < end : x > end;
        while (more && n < CHUNK) {
            out[n++] = x;
            long next = x + step;
            more = continues(x, next, end, step);
            x = next;
        }
        return new Chunk(out, n, more ? new IntegerTail(lib, x, end, step) : null);
    }

    /** Whether next, the number after x, is still in the range: before end, and not wrapped round by overflow. */
    private static boolean continues(long x, long next, long end, long step) {
        boolean overflowed = step > 0 ? next < x : next > x;
        return !overflowed && (step > 0 ? next < end : next > end);
    }

    /**
     * The rest of an integer range, from from while before end: what a range's last computed cell leads to. A
     * class, not a lambda, so that building a collection from a range can read the numbers straight from it,
     * charged as the cells would have been, without making the cells ({@link Seqs#drain}).
     */
    static final class IntegerTail implements Supplier<Object> {
        private final Library lib;
        private final long from;
        private final long end;
        private final long step;

        IntegerTail(Library lib, long from, long end, long step) {
            this.lib = lib;
            this.from = from;
            this.end = end;
            this.step = step;
        }

        @Override
        public Object get() {
            lib.chargeSteps(1);
            return integers(lib, from, end, step);
        }

        /**
         * The next chunk of numbers without making their cells, charged as realising this tail would be, and the
         * tail after them (null at the end): lets map and filter read a range a chunk at a time.
         */
        Chunk chunk() {
            lib.chargeSteps(1);
            Chunk next = take(lib, from, end, step);
            Seqs.cells(lib, next.n);
            return next;
        }

        /**
         * How many numbers the rest holds, or -1 past half of what an int counts (more than any set could hold,
         * and so few that adding the items read before the rest cannot overflow).
         */
        int count() {
            try {
                long span = step > 0 ? Math.subtractExact(end, from) : Math.subtractExact(from, end);
                if (span <= 0) {
                    return 0;
                }
                long n = (span - 1) / Math.absExact(step) + 1;
                return n <= Integer.MAX_VALUE / 2 ? (int) n : -1;
            } catch (ArithmeticException tooFar) {
                return -1;
            }
        }

        long from() {
            return from;
        }

        long step() {
            return step;
        }

        /** Charges what {@link #drainInto} charges for the n numbers of the rest, for a caller that makes them. */
        void chargeDrained(int n) {
            lib.chargeSteps((n + CHUNK - 1) / CHUNK);
            Seqs.cells(lib, n);
        }

        /** Adds every number of the rest to out, a chunk at a time, charging each chunk as realising it would. */
        void drainInto(Seqs.Buffer out) {
            long x = from;
            boolean more = true;
            while (more) {
                lib.chargeSteps(1);
                int n = 0;
                while (more && n < CHUNK) {
                    out.add(x);
                    n++;
                    long next = x + step;
                    more = continues(x, next, end, step);
                    x = next;
                }
                Seqs.cells(lib, n);
            }
        }
    }

    /** The numbers items[0..n) of a range, and the tail that follows them, or null when they are the last. */
    static final class Chunk {
        final Object[] items;
        final int n;
        final IntegerTail rest;

        Chunk(Object[] items, int n, IntegerTail rest) {
            this.items = items;
            this.n = n;
            this.rest = rest;
        }
    }

    private static Object floats(Library lib, double start, double end, double step, long index) {
        if (Double.isNaN(start) || Double.isNaN(end) || Double.isNaN(step)) {
            throw new LogosError("range needs numbers for its bounds, got " + start + " to " + end + " by " + step);
        }
        if (step == 0) {
            return start == end ? LList.EMPTY : repeat(lib, start);
        }
        Object[] out = new Object[CHUNK];
        int n = 0;
        long i = index;
        while (n < CHUNK) {
            double x = start + i * step;
            if (step > 0 ? x >= end : x <= end) {
                break;
            }
            out[n++] = x;
            i++;
        }
        if (n == 0) {
            return LList.EMPTY;
        }
        long next = i;
        return Seqs.chain(lib, out, n, n < CHUNK ? null : Seqs.lazy(lib, () -> floats(lib, start, end, step, next)));
    }
}
