package drogulus.logos.builtins;

import drogulus.logos.data.LogosError;
import drogulus.logos.data.Numbers;
import java.util.Comparator;
import java.util.List;

/** Comparators for sort and sort-by: the natural order of {@link Compare}, or one given as a Logos function. */
final class Ordering {
    private Ordering() {
    }

    /**
     * A comparator from a Logos function: a number result is the order itself; a boolean result means
     * "a comes before b", as Clojure treats a predicate such as {@code <}.
     */
    static Comparator<Object> of(Library lib, String fn, Object cmp) {
        if (cmp == null) {
            return (a, b) -> Compare.compare(fn, a, b);
        }
        return (a, b) -> {
            Object r = Colls.call(lib, cmp, a, b);
            if (r instanceof Long || r instanceof Double || r instanceof java.math.BigInteger) {
                return Numbers.compare(fn, r, 0L);
            }
            if (Colls.truthy(r)) {
                return -1;
            }
            return Colls.truthy(Colls.call(lib, cmp, b, a)) ? 1 : 0;
        };
    }

    /** Sorts in place, stably; a comparator that contradicts itself becomes an error a user can read. */
    static void sort(Library lib, String fn, List<Object> items, Comparator<Object> order) {
        lib.chargeSteps((long) items.size() * (1 + 32 - Integer.numberOfLeadingZeros(items.size())));
        try {
            items.sort(order);
        } catch (IllegalArgumentException e) {
            throw new LogosError(fn + ": the comparator is inconsistent (" + e.getMessage() + ")");
        }
    }
}
