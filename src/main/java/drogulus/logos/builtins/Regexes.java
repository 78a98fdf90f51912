package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.Regex;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions from untrusted code. A hostile pattern can backtrack for exponential time, so matching
 * runs over a view of the text that charges the step budget as the engine reads it: the budget's step and
 * time limits then stop a runaway match.
 */
final class Regexes {
    private Regexes() {
    }

    static Pattern compile(String fn, String regex) {
        return Regex.compile(fn, regex).pattern();
    }

    /** A regex argument: a {@code #"..."} value, or a string compiled as one (as the older built-ins take). */
    static Pattern pattern(String fn, Object value) {
        if (value instanceof Regex regex) {
            return regex.pattern();
        }
        if (value instanceof String source) {
            return compile(fn, source);
        }
        throw Args.typeError(fn, "a regex", value);
    }

    static Matcher matcher(Library lib, Pattern pattern, String text) {
        return pattern.matcher(new Metered(lib, text, 0, text.length()));
    }

    /** A slice of a string whose reads charge one step per 256 characters read. */
    private static final class Metered implements CharSequence {
        private final Library lib;
        private final String text;
        private final int start;
        private final int end;
        private int reads;

        Metered(Library lib, String text, int start, int end) {
            this.lib = lib;
            this.text = text;
            this.start = start;
            this.end = end;
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            if (++reads >= 256) {
                reads = 0;
                lib.chargeSteps(1);
            }
            return text.charAt(start + index);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new Metered(lib, text, start + from, start + to);
        }

        @Override
        public String toString() {
            return text.substring(start, end);
        }
    }
}
