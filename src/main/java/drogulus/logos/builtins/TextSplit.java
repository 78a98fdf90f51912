package drogulus.logos.builtins;

import drogulus.logos.data.LSeq;
import drogulus.logos.data.LVector;
import java.util.Arrays;
import java.util.List;

/**
 * Splitting at a literal separator and at line ends by scanning the string, without a regex: the same parts,
 * and the same charges, as {@code string/split} gives through java.util.regex, which for a one-character
 * separator spent most of its time compiling a pattern per call and reading the text through the metered view.
 */
final class TextSplit {
    /** Characters scanned per step charged, as the regex matcher's metered view charges its reads. */
    private static final int CHARS_PER_STEP = 256;
    /**
     * What the regex split charges a cut (chargeItems(1): 32 + 16 bytes), charged here for all the cuts at once before
     * the parts are made: a string of a million separators is stopped by the memory limit before its parts take the
     * host's memory.
     */
    private static final long CUT_BYTES = 32L + 16;
    /** From this many separators on, a split keeps the text and its bounds rather than a string per part. */
    private static final int MANY = 32;

    private TextSplit() {
    }

    /**
     * The parts of s between occurrences of sep (not empty), at most limit of them if limit is not 0. The
     * separators are counted first, so the parts go straight into an array of their number that becomes the
     * vector (for a line's few parts, no growing buffer and no copy).
     */
    static LVector literal(Library lib, String s, String sep, int limit) {
        int most = limit == 0 ? Integer.MAX_VALUE : limit - 1;
        int cuts = 0;
        for (int at = next(s, sep, 0); at >= 0 && cuts < most; at = next(s, sep, at + sep.length())) {
            cuts++;
        }
        // The text read and the cuts, charged in one go before any part is made (see CUT_BYTES).
        lib.interp().budget().allocate(40L + 2L * s.length() + CUT_BYTES * cuts);
        if (cuts >= MANY) {
            return inPlace(lib, s, sep, cuts, cuts == most, limit);
        }
        Object[] parts = new Object[cuts + 1];
        int from = 0;
        // One loop for every part, the last one included: one substring in the code the JIT makes, not two.
        for (int i = 0; ; i++) {
            int at = i < cuts ? next(s, sep, from) : s.length();
            parts[i] = s.substring(from, at);
            if (i == cuts) {
                break;
            }
            from = at + sep.length();
        }
        // As far as a scan for the next separator went: to the end, unless the limit stopped it first.
        lib.chargeSteps((cuts == most ? from : s.length()) / CHARS_PER_STEP);
        return finish(lib, s, parts, limit);
    }

    /**
     * The split of a text with many separators, as a vector that keeps the text and where its parts lie
     * ({@link LVector#ofParts}): its parts are made when read, and the ones a program has finished with are
     * garbage at once rather than live data every collection copies. Charged as the split into strings above.
     */
    private static LVector inPlace(Library lib, String s, String sep, int cuts, boolean limited, int limit) {
        int[] bounds = new int[2 * (cuts + 1)];
        int from = 0;
        for (int i = 0; i < cuts; i++) {
            int at = next(s, sep, from);
            bounds[2 * i] = from;
            bounds[2 * i + 1] = at;
            from = at + sep.length();
        }
        bounds[2 * cuts] = from;
        bounds[2 * cuts + 1] = s.length();
        lib.chargeSteps((limited ? from : s.length()) / CHARS_PER_STEP);
        int n = cuts + 1;
        if (limit == 0) {
            n = withoutTrailingEmpty(bounds, n);
        }
        lib.chargeItems(n);
        return LVector.ofParts(s, bounds, n);
    }

    /** How many of the n parts are left once the empty ones at the end are dropped. */
    private static int withoutTrailingEmpty(int[] bounds, int n) {
        int left = n;
        while (left > 0 && bounds[2 * left - 2] == bounds[2 * left - 1]) {
            left--;
        }
        return left;
    }

    /**
     * Where sep next occurs in s from from, or -1. A one-character separator (the commonest: a comma, a tab, a
     * space) is looked for as a character, which for a short line costs a fraction of a search for a string.
     */
    private static int next(String s, String sep, int from) {
        return sep.length() == 1 ? s.indexOf(sep.charAt(0), from) : s.indexOf(sep, from);
    }

    /**
     * The lines of s, ended by \n or \r\n, as a vector of the text's parts ({@link LVector#ofParts}): the line ends
     * are counted, charged and recorded in an exact array of bounds, and each line is made when it is read. The
     * empty lines at the end are dropped, as split drops them.
     */
    static LVector lines(Library lib, String s) {
        lib.chargeChars(s.length());
        int ends = 0;
        for (int at = s.indexOf('\n'); at >= 0; at = s.indexOf('\n', at + 1)) {
            ends++;
        }
        // What the regex split charges each cut, charged at once before the bounds are made (see CUT_BYTES).
        lib.interp().budget().allocate(CUT_BYTES * ends);
        int[] bounds = new int[2 * (ends + 1)];
        int from = 0;
        for (int i = 0; i <= ends; i++) {
            int at = i < ends ? s.indexOf('\n', from) : s.length();
            bounds[2 * i] = from;
            bounds[2 * i + 1] = i < ends && at > from && s.charAt(at - 1) == '\r' ? at - 1 : at;
            from = at + 1;
        }
        lib.chargeSteps(s.length() / CHARS_PER_STEP);
        int n = withoutTrailingEmpty(bounds, ends + 1);
        if (n == 0 && s.isEmpty()) {
            n = 1;
        }
        lib.chargeItems(n);
        return LVector.ofParts(s, bounds, n);
    }

    /** The vector of the parts, without trailing empty ones when there is no limit, as Java's and Clojure's split. */
    private static LVector finish(Library lib, String s, Object[] parts, int limit) {
        int n = parts.length;
        if (limit == 0) {
            while (n > 1 && "".equals(parts[n - 1])) {
                n--;
            }
            if (n == 1 && "".equals(parts[0]) && !s.isEmpty()) {
                n = 0;
            }
        }
        lib.chargeItems(n);
        return LVector.owning(parts, n);
    }

    /** Drops trailing empty parts when there is no limit, as Java's and Clojure's split do. */
    static LVector finish(Library lib, String s, Parts parts, int limit) {
        if (limit == 0) {
            while (parts.count() > 1 && "".equals(parts.last())) {
                parts.dropLast();
            }
            if (parts.count() == 1 && "".equals(parts.last()) && !s.isEmpty()) {
                parts.dropLast();
            }
        }
        lib.chargeItems(parts.count());
        return parts.toVector();
    }

    /**
     * The parts of a split as they are found: an array that grows, made into a vector with one exact copy, where a
     * list copied into a vector made two arrays and a copy more for the few parts of a typical line.
     */
    static final class Parts {
        private Object[] items;
        private int n;

        Parts(int capacity) {
            items = new Object[capacity];
        }

        void add(String part) {
            if (n == items.length) {
                items = Arrays.copyOf(items, 2 * n);
            }
            items[n++] = part;
        }

        int count() {
            return n;
        }

        Object last() {
            return items[n - 1];
        }

        void dropLast() {
            items[--n] = null;
        }

        LVector toVector() {
            return LVector.ofFirst(items, n);
        }
    }

    /**
     * The items of coll for string/join, charged as {@link Colls#items} charges them: a lazy sequence is read in
     * one pass a chunk at a time into an exactly sized array (no list growing item by item, copied again to an
     * array of strings), other collections as Colls.items gives them.
     */
    static List<Object> joinItems(Library lib, Object coll) {
        if (coll instanceof LSeq) {
            Object[] all = Seqs.drain(new Object[] {coll});
            lib.chargeSteps(all.length);
            return Arrays.asList(all);
        }
        return Colls.items(lib, "string/join", coll);
    }

    /**
     * Items that are all strings joined by sep into a string made in one go, charged at once what
     * string/join charges item by item (40 + 2 per character for each piece); null when some item is not a
     * string, or the result could not be one string, for the general path to print and charge as it goes.
     */
    static String joinStrings(Library lib, String sep, List<Object> items) {
        String[] strings = new String[items.size()];
        long total = (long) sep.length() * Math.max(0, strings.length - 1);
        for (int i = 0; i < strings.length; i++) {
            if (!(items.get(i) instanceof String s)) {
                return null;
            }
            strings[i] = s;
            total += s.length();
        }
        if (total > Integer.MAX_VALUE - 16) {
            return null;
        }
        lib.interp().budget().allocate(40L * strings.length + 2 * total);
        // String.join sizes the result once and copies each piece once, into the string's own array: a builder
        // would need a second array as large as the result, alive (and copied by a collection) until it is done.
        return String.join(sep, strings);
    }
}
