package drogulus.logos.data;

import java.math.BigInteger;

/** Guards for built-ins: each checks one argument and raises an error naming the function and the value. */
public final class Args {
    private Args() {
    }

    public static LogosError typeError(String fn, String expected, Object actual) {
        return new LogosError(fn + " expects " + expected + ", got " + Printer.describe(actual));
    }

    public static String string(String fn, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw typeError(fn, "a string", value);
    }

    public static long integer(String fn, Object value) {
        if (value instanceof Long n) {
            return n;
        }
        if (value instanceof BigInteger) {
            throw new LogosError(fn + " expects an integer that fits in 64 bits, got " + Printer.describe(value));
        }
        throw typeError(fn, "an integer", value);
    }

    /** An integer usable as a count or index: 0 to Integer.MAX_VALUE. */
    public static int index(String fn, Object value) {
        long n = integer(fn, value);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new LogosError(fn + " expects a non-negative index, got " + n);
        }
        return (int) n;
    }

    public static LMap map(String fn, Object value) {
        if (value instanceof LMap m) {
            return m;
        }
        if (value == null) {
            return LMap.EMPTY;
        }
        throw typeError(fn, "a map", value);
    }

    public static LFn fn(String fn, Object value) {
        if (value instanceof LFn f) {
            return f;
        }
        throw typeError(fn, "a function", value);
    }
}
