package drogulus.logos.data;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled regular expression, the value of a {@code #"..."} literal or of {@code re-pattern}. As in Clojure,
 * two regexes are equal only when they are the same object; it prints as the literal it was read from.
 */
public final class Regex {
    private final Pattern pattern;

    private Regex(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiles java.util.regex syntax; a bad pattern is an error naming {@code who} and what is wrong. */
    public static Regex compile(String who, String source) {
        // Compiling a long literal builds Boyer-Moore tables in time quadratic in its length (a 100,000-character
        // pattern takes seconds), and the engine reads no text meanwhile: charge that work before it starts.
        long length = source.length();
        Cost.current().steps(length * length / 64);
        try {
            return new Regex(Pattern.compile(source));
        } catch (PatternSyntaxException e) {
            throw new LogosError(who + ": invalid regular expression #\"" + source + "\": " + e.getDescription());
        }
    }

    public Pattern pattern() {
        return pattern;
    }

    public String source() {
        return pattern.pattern();
    }

    /** The literal that reads back as an equivalent regex. */
    @Override
    public String toString() {
        return "#\"" + pattern.pattern() + "\"";
    }
}
