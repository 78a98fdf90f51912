package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Regex;
import drogulus.logos.eval.Builtin.Body;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * re-pattern, re-find, re-matches, re-seq and string/replace-first. Every match runs over the metered view of
 * {@link Regexes}, so a catastrophic pattern on untrusted text ends with the budget's step or time limit. Bodies
 * are anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class RegexBuiltins {
    private RegexBuiltins() {
    }

    static void install(Library lib) {
        lib.def("re-pattern", "Returns a regex compiled from the string s (java.util.regex syntax), as #\"...\" "
            + "reads; a regex is returned as it is.", 1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    return args[0] instanceof Regex
                        ? args[0] : Regex.compile("re-pattern", Args.string("re-pattern", args[0]));
                }
            });
        lib.def("re-find", "Returns the first match of re in s, or nil: the matched string, or if re has groups a "
            + "vector of the match and each group (nil for a group that took no part).", 2, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    Matcher m = matcher(lib, "re-find", args);
                    return m.find() ? groups(lib, m) : null;
                }
            });
        lib.def("re-matches", "Returns the match of re against the whole of s, or nil; with groups, a vector of "
            + "the match and each group, as re-find.", 2, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    Matcher m = matcher(lib, "re-matches", args);
                    return m.matches() ? groups(lib, m) : null;
                }
            });
        lib.def("re-seq", "Returns a list of the successive matches of re in s (each as re-find gives it), or nil "
            + "if there are none.", 2, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    Matcher m = matcher(lib, "re-seq", args);
                    List<Object> found = new ArrayList<>();
                    while (m.find()) {
                        lib.chargeItems(1);
                        found.add(groups(lib, m));
                    }
                    return Colls.listOrNil(lib, found);
                }
            });
        installStrings(lib);
    }

    /** clojure.string's replace-first and re-quote-replacement, beside the regex functions they share. */
    private static void installStrings(Library lib) {
        lib.def("string/replace-first", "Returns s with the first match replaced, as string/replace replaces every "
            + "one: a string match by the string replacement literally, a regex by a string where $1 stands for "
            + "the first group, or by what a function of the match returns.", 3, 3, new Body() {
                @Override public Object apply(Object[] args) {
                    String fn = "string/replace-first";
                    String s = Args.string(fn, args[0]);
                    boolean regex = args[1] instanceof Regex;
                    Pattern pattern = regex ? ((Regex) args[1]).pattern()
                        : Pattern.compile(Pattern.quote(Args.string(fn, args[1])));
                    Matcher m = Regexes.matcher(lib, pattern, s);
                    if (!m.find()) {
                        return s;
                    }
                    String replacement;
                    if (regex && !(args[2] instanceof String)) {
                        replacement = Matcher.quoteReplacement(
                            Printer.print(Colls.call(lib, args[2], groups(lib, m)), false));
                    } else {
                        String text = Args.string(fn, args[2]);
                        replacement = regex ? text : Matcher.quoteReplacement(text);
                    }
                    StringBuilder out = new StringBuilder(s.length());
                    try {
                        m.appendReplacement(out, replacement);
                    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                        throw new LogosError(fn + ": bad replacement " + Printer.print(args[2], true) + ": "
                            + e.getMessage());
                    }
                    m.appendTail(out);
                    lib.chargeChars(out.length());
                    return out.toString();
                }
            });
        lib.def("string/re-quote-replacement", "Returns replacement with $ and \\ escaped, so string/replace "
            + "with a regex puts it in literally.", 1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    String text = Args.string("string/re-quote-replacement", args[0]);
                    lib.chargeChars(text.length());
                    return Matcher.quoteReplacement(text);
                }
            });
    }

    private static Matcher matcher(Library lib, String fn, Object[] args) {
        return Regexes.matcher(lib, Regexes.pattern(fn, args[0]), Args.string(fn, args[1]));
    }

    /** What Clojure's re-groups gives: the match alone, or a vector of it and its groups. */
    static Object groups(Library lib, Matcher m) {
        lib.chargeChars(m.end() - m.start());
        if (m.groupCount() == 0) {
            return m.group();
        }
        List<Object> parts = new ArrayList<>(m.groupCount() + 1);
        for (int i = 0; i <= m.groupCount(); i++) {
            parts.add(m.group(i));
        }
        return Colls.vector(lib, parts);
    }
}
