package drogulus.logos.data;

/**
 * What {@code str} makes of its arguments, piece by piece: the built-in's body and the code the compiler writes for
 * a call of it with three or more arguments both use these, so that the two give the same text and charge the same
 * memory (a string's charge, 40 bytes and 2 a character, for each piece appended). The compiled call appends from
 * its locals, without the array of arguments a call of a built-in otherwise needs.
 */
public final class StrText {
    /** A guess at the text of a value that is neither a string nor an integer (a builder grows past it if need be). */
    private static final int OTHER = 16;
    /** The most a builder is made to hold at first, however large the guess: it grows past it if need be. */
    private static final int MOST = 1 << 20;
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private StrText() {
    }

    /** The characters x adds to a str: exact for a string, an integer and nil, a guess for anything else. */
    public static long size(Object x) {
        if (x instanceof String s) {
            return s.length();
        }
        if (x instanceof Long n) {
            return decimalLength(n);
        }
        return x == null ? 0 : OTHER;
    }

    /**
     * A builder for a str of about size characters: with the sizes above, made once at its final size for the usual
     * (str "row-" i "," j), where a guess of 20 a number made it three times too big.
     */
    public static StringBuilder builder(long size) {
        return new StringBuilder((int) Math.min(size, MOST));
    }

    /**
     * Appends x as str joins it, strings and integers as they are (no string made for an integer), and charges
     * cost for the piece as for a new string of its length.
     */
    public static StringBuilder append(StringBuilder out, Object x, Cost cost) {
        int before = out.length();
        if (x instanceof String s) {
            out.append(s);
        } else if (x instanceof Long n) {
            out.append((long) n);
        } else {
            out.append(Printer.str(x));
        }
        cost.allocate(40 + 2L * (out.length() - before));
        return out;
    }

    /**
     * The number of characters of n written in decimal, with its minus sign: the digits estimated from its bit
     * length, then one comparison with a power of ten (a loop of up to 19 multiplications was 5% of a loop that
     * builds lines with str).
     */
    public static int decimalLength(long n) {
        if (n == Long.MIN_VALUE) {
            return 20;
        }
        long m = Math.max(Math.abs(n), 1);
        // floor(bits * log10(2)), 1233 / 4096 being log10(2) to within 1e-4: the digits of m or one more.
        int guess = ((64 - Long.numberOfLeadingZeros(m)) * 1233) >>> 12;
        int digits = m < POWERS_OF_TEN[guess] ? guess : guess + 1;
        return n < 0 ? digits + 1 : digits;
    }
}
