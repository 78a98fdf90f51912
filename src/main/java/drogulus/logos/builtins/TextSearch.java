package drogulus.logos.builtins;

import drogulus.logos.data.Cost;

/**
 * Finding a literal string in linear time. Java's String.indexOf compares the needle at every position, which
 * is quadratic for a long needle that almost matches everywhere; here short needles use it (its worst case is a
 * small multiple of the text) and long ones use Knuth-Morris-Pratt. Either way the work is charged to the cost.
 */
final class TextSearch {
    /** Needles up to this long go to String.indexOf: at most this many comparisons per text character. */
    private static final int SHORT = 32;

    private TextSearch() {
    }

    /** The first index at or after from where sub occurs in s, or -1. */
    static int indexOf(String s, String sub, int from, Cost cost) {
        int start = Math.max(0, from);
        long work = (long) Math.max(0, s.length() - start) + sub.length();
        if (sub.length() <= SHORT) {
            cost.steps(work * Math.max(1, sub.length()) / 64 + 1);
            return s.indexOf(sub, start);
        }
        cost.steps(work / 8 + 1);
        cost.allocate(4L * sub.length());
        return forward(s, sub, start);
    }

    /** The last index at or before from where sub occurs in s, or -1. */
    static int lastIndexOf(String s, String sub, int from, Cost cost) {
        int end = Math.min(from, s.length() - sub.length());
        if (end < 0) {
            return -1;
        }
        long work = (long) end + 2L * sub.length();
        if (sub.length() <= SHORT) {
            cost.steps(work * Math.max(1, sub.length()) / 64 + 1);
            return s.lastIndexOf(sub, end);
        }
        cost.steps(work / 8 + 1);
        cost.allocate(4L * sub.length());
        return backward(s, sub, end);
    }

    private static int forward(String s, String sub, int start) {
        int m = sub.length();
        int[] fail = new int[m];
        for (int i = 1, k = 0; i < m; i++) {
            while (k > 0 && sub.charAt(i) != sub.charAt(k)) {
                k = fail[k - 1];
            }
            if (sub.charAt(i) == sub.charAt(k)) {
                k++;
            }
            fail[i] = k;
        }
        for (int i = start, k = 0; i < s.length(); i++) {
            while (k > 0 && s.charAt(i) != sub.charAt(k)) {
                k = fail[k - 1];
            }
            if (s.charAt(i) == sub.charAt(k)) {
                k++;
            }
            if (k == m) {
                return i - m + 1;
            }
        }
        return -1;
    }

    /** KMP run from the right: the needle read backwards against the text read backwards from end + m - 1. */
    private static int backward(String s, String sub, int end) {
        int m = sub.length();
        int[] fail = new int[m];
        for (int i = 1, k = 0; i < m; i++) {
            while (k > 0 && sub.charAt(m - 1 - i) != sub.charAt(m - 1 - k)) {
                k = fail[k - 1];
            }
            if (sub.charAt(m - 1 - i) == sub.charAt(m - 1 - k)) {
                k++;
            }
            fail[i] = k;
        }
        for (int i = end + m - 1, k = 0; i >= 0; i--) {
            while (k > 0 && s.charAt(i) != sub.charAt(m - 1 - k)) {
                k = fail[k - 1];
            }
            if (s.charAt(i) == sub.charAt(m - 1 - k)) {
                k++;
            }
            if (k == m) {
                return i;
            }
        }
        return -1;
    }
}
