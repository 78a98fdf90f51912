package drogulus.logos.builtins;

import drogulus.logos.Keyword;
import drogulus.logos.LVector;
import drogulus.logos.LogosError;
import drogulus.logos.Numbers;
import drogulus.logos.Printer;
import drogulus.logos.Symbol;
import java.util.Comparator;
import java.util.List;

/**
 * The natural order sort uses: nil first, then numbers numerically, strings, keywords and symbols by name,
 * booleans false before true, vectors item by item. Values of different kinds don't compare.
 */
final class Ordering {
    private Ordering() {
    }

    static int compare(String fn, Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (Numbers.isNumber(a) && Numbers.isNumber(b)) {
            return Numbers.compare(fn, a, b);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Keyword x && b instanceof Keyword y) {
            return x.name().compareTo(y.name());
        }
        if (a instanceof Symbol x && b instanceof Symbol y) {
            return x.name().compareTo(y.name());
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        if (a instanceof LVector x && b instanceof LVector y) {
            int n = Math.min(x.count(), y.count());
            for (int i = 0; i < n; i++) {
                int c = compare(fn, x.nth(i), y.nth(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.count(), y.count());
        }
        throw new LogosError(fn + " can't compare " + Printer.describe(a) + " with " + Printer.describe(b));
    }

    /**
     * A comparator from a Logos function: a number result is the order itself; a boolean result means
     * "a comes before b", as Clojure treats a predicate such as {@code <}.
     */
    static Comparator<Object> of(Library lib, String fn, Object cmp) {
        if (cmp == null) {
            return (a, b) -> compare(fn, a, b);
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
