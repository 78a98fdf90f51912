package drogulus.logos.data;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Arithmetic over Logos numbers: Long, promoted to BigInteger when a result overflows (and normalised back
 * when it fits), and Double, which wins when mixed with integers.
 */
public final class Numbers {

    private Numbers() {
    }

    /** A BigInteger that fits in a long becomes a Long, so equal integers are always the same Java type. */
    public static Object normalize(BigInteger n) {
        if (n.bitLength() < 64) {
            return n.longValue();
        }
        return n;
    }

    public static boolean isNumber(Object x) {
        return x instanceof Long || x instanceof Double || x instanceof BigInteger;
    }

    static Object check(String fn, Object x) {
        if (isNumber(x)) {
            return x;
        }
        throw Args.typeError(fn, "a number", x);
    }

    static BigInteger big(Object x) {
        return x instanceof BigInteger b ? b : BigInteger.valueOf((Long) x);
    }

    public static double toDouble(Object x) {
        return ((Number) x).doubleValue();
    }

    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) {
                return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
            }
            return r;
        }
        check("+", a);
        check("+", b);
        if (a instanceof Double || b instanceof Double) {
            return toDouble(a) + toDouble(b);
        }
        return normalize(big(a).add(big(b)));
    }

    public static Object subtract(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x - y;
            if (((x ^ y) & (x ^ r)) < 0) {
                return BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
            }
            return r;
        }
        check("-", a);
        check("-", b);
        if (a instanceof Double || b instanceof Double) {
            return toDouble(a) - toDouble(b);
        }
        return normalize(big(a).subtract(big(b)));
    }

    public static Object multiply(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long hi = Math.multiplyHigh(x, y);
            long lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                return lo;
            }
            return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
        }
        check("*", a);
        check("*", b);
        if (a instanceof Double || b instanceof Double) {
            return toDouble(a) * toDouble(b);
        }
        return normalize(big(a).multiply(big(b)));
    }

    /** Division: exact integer quotients stay integers, others become floats. */
    public static Object divide(Object a, Object b) {
        check("/", a);
        check("/", b);
        if (a instanceof Double || b instanceof Double) {
            return toDouble(a) / toDouble(b);
        }
        BigInteger divisor = big(b);
        if (divisor.signum() == 0) {
            throw new LogosError("Divide by zero");
        }
        BigInteger[] qr = big(a).divideAndRemainder(divisor);
        if (qr[1].signum() == 0) {
            return normalize(qr[0]);
        }
        return new BigDecimal(big(a)).divide(new BigDecimal(divisor), java.math.MathContext.DECIMAL64)
            .doubleValue();
    }

    /** Integer division truncating toward zero, as Clojure's {@code quot}. */
    public static Object quot(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            double d = floatDivisor("quot", b);
            double q = toDouble(check("quot", a)) / d;
            return q < 0 ? Math.ceil(q) : Math.floor(q);
        }
        BigInteger divisor = integerDivisor("quot", b);
        return normalize(big(integerArg("quot", a)).divide(divisor));
    }

    private static double floatDivisor(String fn, Object b) {
        double d = toDouble(check(fn, b));
        if (d == 0) {
            throw new LogosError("Divide by zero");
        }
        return d;
    }

    private static BigInteger integerDivisor(String fn, Object b) {
        BigInteger divisor = big(integerArg(fn, b));
        if (divisor.signum() == 0) {
            throw new LogosError("Divide by zero");
        }
        return divisor;
    }

    /** Remainder with the sign of the dividend, as Clojure's {@code rem}. */
    public static Object rem(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y && y != 0) {
            return x % y;
        }
        if (a instanceof Double || b instanceof Double) {
            double d = floatDivisor("rem", b);
            return toDouble(check("rem", a)) % d;
        }
        BigInteger divisor = integerDivisor("rem", b);
        return normalize(big(integerArg("rem", a)).remainder(divisor));
    }

    /** Remainder with the sign of the divisor, as Clojure's {@code mod}. */
    public static Object mod(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y && y != 0) {
            return Math.floorMod(x, y);
        }
        if (a instanceof Double || b instanceof Double) {
            double d = floatDivisor("mod", b);
            double m = toDouble(check("mod", a)) % d;
            return m != 0 && (m < 0) != (d < 0) ? m + d : m;
        }
        BigInteger divisor = integerDivisor("mod", b);
        BigInteger m = big(integerArg("mod", a)).mod(divisor.abs());
        if (divisor.signum() < 0 && m.signum() != 0) {
            m = m.add(divisor);
        }
        return normalize(m);
    }

    private static Object integerArg(String fn, Object x) {
        if (x instanceof Long || x instanceof BigInteger) {
            return x;
        }
        throw Args.typeError(fn, "an integer", x);
    }

    /** Compares two numbers: negative, zero or positive. */
    public static int compare(String fn, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        check(fn, a);
        check(fn, b);
        if (a instanceof Double || b instanceof Double) {
            return Double.compare(toDouble(a), toDouble(b));
        }
        return big(a).compareTo(big(b));
    }

    /** Numeric equality across types, as {@code ==}: {@code (== 1 1.0)} is true. */
    public static boolean numericEquals(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        check("==", a);
        check("==", b);
        if (a instanceof Double || b instanceof Double) {
            return toDouble(a) == toDouble(b);
        }
        return big(a).equals(big(b));
    }

    public static Object negate(Object a) {
        return subtract(0L, a);
    }
}
