package drogulus.logos.data;

import java.util.Arrays;

/**
 * The items of a vector that a split of one long text made: the text and where each part starts and ends, each
 * part's string made when it is read. A split of a 16 MB text into 800,000 lines otherwise keeps 800,000 strings
 * (and their 800,000 arrays) alive as long as the vector, and every young collection copies them; here it keeps the
 * text, which the program usually holds anyway, and one array of ints.
 */
final class TextParts {
    private final String text;
    /** Part i is text[bounds[2i], bounds[2i + 1]). Never changed once the vector has it. */
    private final int[] bounds;

    TextParts(String text, int[] bounds) {
        this.text = text;
        this.bounds = bounds;
    }

    /** Part i, which the caller has bounds-checked: a new string each time, equal to every other read of it. */
    String part(int i) {
        return text.substring(bounds[2 * i], bounds[2 * i + 1]);
    }

    /** Parts from up to (not including) to, into out from its start. */
    void copyInto(Object[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i - from] = part(i);
        }
    }

    /** The bounds of the first n parts only, for a vector of fewer parts than the array was made for. */
    TextParts first(int n) {
        return new TextParts(text, n * 2 == bounds.length ? bounds : Arrays.copyOf(bounds, 2 * n));
    }
}
