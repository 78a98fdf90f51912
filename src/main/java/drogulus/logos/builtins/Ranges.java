package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.LList;
import drogulus.logos.data.LogosError;
import java.util.List;

/** The eager {@code range}: integers when every bound is an integer, floats otherwise. */
final class Ranges {
    private Ranges() {
    }

    static LList range(Library lib, Object[] args) {
        if (args.length == 0) {
            throw new LogosError("range needs an end: (range end); Logos has no infinite sequences");
        }
        Object start = args.length == 1 ? (Object) 0L : args[0];
        Object end = args.length == 1 ? args[0] : args[1];
        Object step = args.length == 3 ? args[2] : (Object) 1L;
        if (start instanceof Double || end instanceof Double || step instanceof Double) {
            return floats(lib, number(start), number(end), number(step));
        }
        return integers(lib, Args.integer("range", start), Args.integer("range", end),
            Args.integer("range", step));
    }

    private static double number(Object value) {
        if (value instanceof Double || value instanceof Long) {
            return ((Number) value).doubleValue();
        }
        throw Args.typeError("range", "a number", value);
    }

    private static LList integers(Library lib, long start, long end, long step) {
        if (step == 0) {
            if (start == end) {
                return LList.EMPTY;
            }
            throw new LogosError("range with a step of 0 never ends; Logos has no infinite sequences");
        }
        double span = ((double) end - (double) start) / step;
        long n = span <= 0 ? 0 : (long) Math.ceil(span);
        // The double estimate can be off by one at the far ends of the long range; trim exactly below.
        List<Object> out = Colls.buffer(lib, n);
        lib.chargeSteps(n);
        long x = start;
        for (long i = 0; i < n && (step > 0 ? x < end : x > end); i++) {
            out.add(x);
            x += step;
        }
        return LList.from(out);
    }

    private static LList floats(Library lib, double start, double end, double step) {
        if (Double.isNaN(start) || Double.isNaN(end) || Double.isNaN(step) || Double.isInfinite(end)) {
            throw new LogosError("range needs finite bounds, got " + start + " to " + end + " by " + step);
        }
        if (step == 0) {
            if (start == end) {
                return LList.EMPTY;
            }
            throw new LogosError("range with a step of 0 never ends; Logos has no infinite sequences");
        }
        double span = (end - start) / step;
        double n = span <= 0 ? 0 : Math.ceil(span);
        if (n > Integer.MAX_VALUE) {
            throw new LogosError("Collection of " + (long) n + " items is too large");
        }
        List<Object> out = Colls.buffer(lib, (long) n);
        lib.chargeSteps((long) n);
        for (long i = 0; i < (long) n; i++) {
            double x = start + i * step;
            if (step > 0 ? x >= end : x <= end) {
                break;
            }
            out.add(x);
        }
        return LList.from(out);
    }
}
