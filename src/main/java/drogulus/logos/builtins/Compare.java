package drogulus.logos.builtins;

import drogulus.logos.data.Keyword;
import drogulus.logos.data.LList;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Meter;
import drogulus.logos.data.Numbers;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;

/** The natural order of values, as {@code compare} and {@code sort} use it. */
public final class Compare {
    private Compare() {
    }

    /** Compares two values of comparable types; anything else is an error naming the function and both values. */
    public static int compare(String fn, Object a, Object b) {
        if ((a instanceof LVector || a instanceof LList) && a != b) {
            return compare(fn, a, b, new Meter());
        }
        return compare(fn, a, b, null);
    }

    /** Compares, charging the meter (if any) per item of the collections walked. */
    private static int compare(String fn, Object a, Object b, Meter meter) {
        if (Numbers.isNumber(a) && Numbers.isNumber(b)) {
            return Numbers.compare(fn, a, b);
        }
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(x.compareTo(y));
        }
        if (a instanceof Keyword x && b instanceof Keyword y) {
            return Integer.signum(x.name().compareTo(y.name()));
        }
        if (a instanceof Symbol x && b instanceof Symbol y) {
            return Integer.signum(x.name().compareTo(y.name()));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        if ((a instanceof LVector || a instanceof LList) && (b instanceof LVector || b instanceof LList)) {
            if (a == b) {
                return 0;
            }
            Meter walk = meter != null ? meter : new Meter();
            walk.steps(2L + (a instanceof LVector v ? v.count() : ((LList) a).count()));
            Object[] xs = a instanceof LVector v ? v.toArray() : ((LList) a).toArray();
            Object[] ys = b instanceof LVector v ? v.toArray() : ((LList) b).toArray();
            if (xs.length != ys.length) {
                return Integer.compare(xs.length, ys.length);
            }
            for (int i = 0; i < xs.length; i++) {
                walk.step();
                int c = compare(fn, xs[i], ys[i], walk);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        throw new LogosError(fn + " can't compare " + Printer.describe(a) + " with " + Printer.describe(b));
    }
}
