package drogulus.logos.builtins;

import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Globals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares the built-ins bound in some globals with the argument lists of logos/arglists.txt. */
public final class ArgListsCheck {
    private ArgListsCheck() {
    }

    /** What is wrong: built-ins without a line, and lines whose arities differ from the built-in's. */
    public static List<String> problems(Globals globals) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Object> e : globals.bound().entrySet()) {
            if (e.getValue() instanceof Builtin b) {
                List<String> vectors = ArgLists.of(e.getKey());
                if (vectors == null) {
                    problems.add(e.getKey() + " has no line in arglists.txt");
                } else if (!agrees(vectors, b.minArgs(), b.maxArgs())) {
                    problems.add(e.getKey() + " " + vectors + " does not take " + b.minArgs() + " to "
                        + (b.maxArgs() == Builtin.VARIADIC ? "any number" : b.maxArgs()) + " arguments");
                }
            }
        }
        return problems;
    }

    /**
     * Whether the vectors accept exactly the counts from min to max (VARIADIC: no upper bound): a vector of n
     * names accepts n, one with k names before {@code &} accepts k or more.
     */
    public static boolean agrees(List<String> vectors, int min, int max) {
        int limit = Math.max(min, max) + 64;
        TreeSet<Integer> accepted = new TreeSet<>();
        boolean variadic = false;
        for (String vector : vectors) {
            List<String> params = params(vector);
            int amp = params.indexOf("&");
            if (amp >= 0) {
                if (amp != params.size() - 2) {
                    return false;
                }
                variadic = true;
                for (int n = amp; n <= limit; n++) {
                    accepted.add(n);
                }
            } else {
                accepted.add(params.size());
            }
        }
        if (variadic != (max == Builtin.VARIADIC)) {
            return false;
        }
        TreeSet<Integer> expected = new TreeSet<>();
        for (int n = min; n <= (max == Builtin.VARIADIC ? limit : max); n++) {
            expected.add(n);
        }
        return accepted.equals(expected);
    }

    /** The top-level parameters of "[a [b c] & more]": a, [b c], &, more. */
    static List<String> params(String vector) {
        List<String> out = new ArrayList<>();
        String inner = vector.substring(1, vector.length() - 1);
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == ' ' && depth == 0) {
                if (current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                continue;
            }
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
            current.append(c);
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }
}
