package drogulus.logos.read;

import drogulus.logos.data.Cost;
import drogulus.logos.data.Numbers;
import java.math.BigInteger;

/** The reader's number syntax: integers of any size ({@code -7}, {@code +12}) and floats ({@code 1e10}). */
final class NumberSyntax {
    /**
     * Longest number token read: making a big integer from decimal digits takes time quadratic in their count,
     * so a short source could otherwise keep a reader busy for seconds per literal.
     */
    static final int MAX_LENGTH = 100_000;

    private NumberSyntax() {
    }

    /** The number a token spells, or null if it is not a well-formed number. */
    static Object parse(String token) {
        String digits = token.startsWith("+") ? token.substring(1) : token;
        boolean floating = false;
        for (int i = 0; i < digits.length(); i++) {
            char d = digits.charAt(i);
            boolean sign = d == '-' || d == '+';
            boolean exponentSign = sign && i > 0 && (digits.charAt(i - 1) == 'e' || digits.charAt(i - 1) == 'E');
            if (d == '.' || d == 'e' || d == 'E') {
                floating = true;
            } else if (!Reader.isDigit(d) && !(i == 0 && d == '-') && !exponentSign) {
                return null;
            }
        }
        try {
            if (floating) {
                return Double.parseDouble(digits);
            }
            if (digits.length() <= 18) {
                return Long.parseLong(digits);
            }
            // Charged before the quadratic conversion starts, so a limited reader stops first.
            Cost.current().steps((long) digits.length() * digits.length() / 1024);
            return Numbers.normalize(new BigInteger(digits));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
