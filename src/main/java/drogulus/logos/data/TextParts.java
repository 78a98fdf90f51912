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

    /**
     * The strings {@link #read} has made, so that a program reading items by index again and again (a grid's
     * rows, a table looked up by line number) finds them made, as in a vector of strings; null until the first
     * such read. A walk in order (reduce, into, join) makes its strings without keeping them: those are what a
     * program has finished with once it has seen them. Written without a lock: two threads reading one item at
     * once may each make it, and either equal string may stay.
     */
    private Object[] made;

    TextParts(String text, int[] bounds) {
        this.text = text;
        this.bounds = bounds;
    }

    /** Part i, which the caller has bounds-checked, made once and kept for the next read by index. */
    String read(int i) {
        Object[] kept = made;
        if (kept == null) {
            kept = new Object[bounds.length / 2];
            made = kept;
        }
        Object part = kept[i];
        if (part == null) {
            part = make(i);
            kept[i] = part;
        }
        return (String) part;
    }

    /** Part i for a walk in order: the string a read by index made, or a new one that is not kept. */
    String walk(int i) {
        Object[] kept = made;
        Object part = kept == null ? null : kept[i];
        return part != null ? (String) part : make(i);
    }

    private String make(int i) {
        return text.substring(bounds[2 * i], bounds[2 * i + 1]);
    }

    /** Parts from up to (not including) to, into out from its start, as a walk makes them. */
    void copyInto(Object[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i - from] = walk(i);
        }
    }

    /** The bounds of the first n parts only, for a vector of fewer parts than the array was made for. */
    TextParts first(int n) {
        return new TextParts(text, n * 2 == bounds.length ? bounds : Arrays.copyOf(bounds, 2 * n));
    }
}
