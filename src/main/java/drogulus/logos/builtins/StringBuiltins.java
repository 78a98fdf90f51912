package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Regex;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Builtin.Body1;
import drogulus.logos.eval.Builtin.Body2;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * String built-ins: subs, format and the {@code string/...} family. Indices count characters (code points), as
 * {@code count} does, so a character outside the BMP is one character. Bodies are anonymous classes, not
 * lambdas, for start-up speed ({@link Library} says why).
 */
final class StringBuiltins {
    /** Stands for a limit argument not given, told apart from nil (which is an error, as any non-number is). */
    private static final Object NO_LIMIT = new Object();

    private StringBuiltins() {
    }

    static void install(Library lib) {
        cutting(lib);
        casing(lib);
        searching(lib);
        StringFormat.install(lib);
        RegexBuiltins.install(lib);
    }

    private static void cutting(Library lib) {
        lib.def("subs", "Returns the substring of s from start up to end (its length).", 2, 3, new Body() {
            @Override public Object apply(Object[] args) {
                String s = Args.string("subs", args[0]);
                int length = s.codePointCount(0, s.length());
                long start = Args.integer("subs", args[1]);
                long end = args.length == 3 ? Args.integer("subs", args[2]) : length;
                if (start < 0 || end > length || start > end) {
                    throw new LogosError("subs: range " + start + " to " + end + " out of bounds for a string of "
                        + length + " characters");
                }
                lib.chargeChars(end - start);
                return s.substring(s.offsetByCodePoints(0, (int) start), s.offsetByCodePoints(0, (int) end));
            }
        });
        lib.def("string/split", "Returns a vector of the parts of s between matches of sep, a regex "
            + "such as #\",\\s*\" or a string taken literally; trailing empty parts dropped; at most limit parts "
            + "if given.", 2, 3,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return split(lib, "string/split", args, true);
                }
            }, null,
            new Body2() {
                @Override public Object apply(Object s, Object sep) {
                    return split(lib, "string/split", s, sep, NO_LIMIT, true);
                }
            });
        lib.def("string/split-re", "Returns a vector of the parts of s between matches of the regular expression "
            + "re (a string), trailing empty parts dropped; at most limit parts if given.", 2, 3,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return split(lib, "string/split-re", args, false);
                }
            });
        lib.def("string/split-lines", "Returns a vector of the lines of s, split at \\n or \\r\\n.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return TextSplit.lines(lib, Args.string("string/split-lines", args[0]));
                }
            }, new Body1() {
                @Override public Object apply(Object s) {
                    return TextSplit.lines(lib, Args.string("string/split-lines", s));
                }
            }, null);
        lib.def("string/join", "Returns the items of coll as strings (as str makes them), joined by sep if "
            + "given.", 1, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    String sep = args.length == 2 ? Args.string("string/join", args[0]) : "";
                    List<Object> all = TextSplit.joinItems(lib, args[args.length - 1]);
                    String joined = TextSplit.joinStrings(lib, sep, all);
                    if (joined != null) {
                        return joined;
                    }
                    StringBuilder out = new StringBuilder();
                    boolean first = true;
                    for (Object item : all) {
                        int before = out.length();
                        if (!first) {
                            out.append(sep);
                        }
                        first = false;
                        // The printer charges as it writes, so a huge item stops the join while it is printed.
                        Printer.appendStr(out, item);
                        lib.chargeChars(out.length() - before);
                    }
                    return out.toString();
                }
            });
        lib.def("string/trim", "Returns s without whitespace at either end.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return charged(lib, Args.string("string/trim", args[0]).strip());
                }
            });
        lib.def("string/triml", "Returns s without whitespace at the start.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return charged(lib, Args.string("string/triml", args[0]).stripLeading());
                }
            });
        lib.def("string/trimr", "Returns s without whitespace at the end.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return charged(lib, Args.string("string/trimr", args[0]).stripTrailing());
                }
            });
        lib.def("string/reverse", "Returns s with its characters in reverse order.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                String s = Args.string("string/reverse", args[0]);
                lib.chargeChars(s.length());
                return new StringBuilder(s).reverse().toString();
            }
        });
    }

    private static void casing(Library lib) {
        lib.def("string/upper-case", "Returns s in upper case.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return charged(lib, Args.string("string/upper-case", args[0]).toUpperCase(Locale.ROOT));
                }
            });
        lib.def("string/lower-case", "Returns s in lower case.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return charged(lib, Args.string("string/lower-case", args[0]).toLowerCase(Locale.ROOT));
                }
            });
        lib.def("string/capitalize", "Returns s with its first character in upper case and the rest in lower case.",
            1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    String s = Args.string("string/capitalize", args[0]);
                    if (s.isEmpty()) {
                        return s;
                    }
                    int first = s.offsetByCodePoints(0, 1);
                    return charged(lib, s.substring(0, first).toUpperCase(Locale.ROOT)
                        + s.substring(first).toLowerCase(Locale.ROOT));
                }
            });
        lib.def("string/blank?", "Returns true when s is nil, empty or only whitespace.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return args[0] == null || Args.string("string/blank?", args[0]).isBlank();
                }
            });
    }

    private static void searching(Library lib) {
        lib.def("string/includes?", "Returns true when s contains the string sub.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return TextSearch.indexOf(Args.string("string/includes?", args[0]),
                        Args.string("string/includes?", args[1]), 0, lib.interp().budget()) >= 0;
                }
            });
        lib.def("string/starts-with?", "Returns true when s begins with the string prefix.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Args.string("string/starts-with?", args[0])
                        .startsWith(Args.string("string/starts-with?", args[1]));
                }
            });
        lib.def("string/ends-with?", "Returns true when s ends with the string suffix.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Args.string("string/ends-with?", args[0])
                        .endsWith(Args.string("string/ends-with?", args[1]));
                }
            });
        lib.def("string/index-of", "Returns the character index of the first sub in s (from from), or nil.", 2, 3,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return indexOf(lib, "string/index-of", args, false);
                }
            });
        lib.def("string/last-index-of", "Returns the character index of the last sub in s (at or before from), or "
            + "nil.", 2, 3, new Body() {
                @Override public Object apply(Object[] args) {
                    return indexOf(lib, "string/last-index-of", args, true);
                }
            });
        lib.def("string/replace", "Returns s with every match replaced. match is a string, replaced literally by "
            + "the string replacement, or a regex, replaced by a string where $1 stands for the first group, or by "
            + "what a function of the match (as re-find gives it) returns.", 3, 3, new Body() {
                @Override public Object apply(Object[] args) {
                    String s = Args.string("string/replace", args[0]);
                    if (args[1] instanceof Regex regex) {
                        return args[2] instanceof String replacement
                            ? replace(lib, "string/replace", s, regex.pattern(), replacement)
                            : replaceWith(lib, s, regex.pattern(), args[2]);
                    }
                    String match = Args.string("string/replace", args[1]);
                    String replacement = Args.string("string/replace", args[2]);
                    return replace(lib, "string/replace", s, Pattern.compile(Pattern.quote(match)),
                        Matcher.quoteReplacement(replacement));
                }
            });
        lib.def("string/replace-re", "Returns s with every match of the regular expression re replaced by "
            + "replacement, where $1 stands for the first group.", 3, 3, new Body() {
                @Override public Object apply(Object[] args) {
                    String s = Args.string("string/replace-re", args[0]);
                    Pattern re = Regexes.compile("string/replace-re", Args.string("string/replace-re", args[1]));
                    return replace(lib, "string/replace-re", s, re, Args.string("string/replace-re", args[2]));
                }
            });
    }

    private static String charged(Library lib, String result) {
        lib.chargeChars(result.length());
        return result;
    }

    private static LVector split(Library lib, String fn, Object[] args, boolean literal) {
        return split(lib, fn, args[0], args[1], args.length == 3 ? args[2] : NO_LIMIT, literal);
    }

    /** Splits text at separator (a regex, or a string taken literally when literal); limitArg NO_LIMIT for none. */
    private static LVector split(Library lib, String fn, Object text, Object separator, Object limitArg,
                                 boolean literal) {
        String s = Args.string(fn, text);
        int limit = limitArg != NO_LIMIT ? Colls.positive(fn, limitArg) : 0;
        if (literal && separator instanceof String sep && !sep.isEmpty()) {
            return TextSplit.literal(lib, s, sep, limit);
        }
        Pattern pattern = literal && !(separator instanceof Regex)
            ? Pattern.compile(Pattern.quote(Args.string(fn, separator))) : Regexes.pattern(fn, separator);
        lib.chargeChars(s.length());
        TextSplit.Parts parts = new TextSplit.Parts(4);
        Matcher m = Regexes.matcher(lib, pattern, s);
        int from = 0;
        while ((limit == 0 || parts.count() < limit - 1) && m.find()) {
            if (m.end() == 0) {
                continue;
            }
            parts.add(s.substring(from, m.start()));
            from = m.end();
            lib.chargeItems(1);
        }
        parts.add(s.substring(from));
        return TextSplit.finish(lib, s, parts, limit);
    }

    private static String replace(Library lib, String fn, String s, Pattern pattern, String replacement) {
        Matcher m = Regexes.matcher(lib, pattern, s);
        StringBuilder out = new StringBuilder();
        int charged = 0;
        try {
            while (m.find()) {
                m.appendReplacement(out, replacement);
                lib.chargeChars(out.length() - charged);
                charged = out.length();
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new LogosError(fn + ": bad replacement \"" + replacement + "\": " + e.getMessage());
        }
        m.appendTail(out);
        lib.chargeChars(out.length() - charged);
        return out.toString();
    }

    private static String replaceWith(Library lib, String s, Pattern pattern, Object fn) {
        Matcher m = Regexes.matcher(lib, pattern, s);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find()) {
            int before = out.length();
            out.append(s, from, m.start()).append(Printer.str(Colls.call(lib, fn, RegexBuiltins.groups(lib, m))));
            lib.chargeChars(out.length() - before);
            from = m.end();
        }
        lib.chargeChars(s.length() - from);
        out.append(s, from, s.length());
        return out.toString();
    }

    private static Object indexOf(Library lib, String fn, Object[] args, boolean last) {
        String s = Args.string(fn, args[0]);
        String sub = Args.string(fn, args[1]);
        int length = s.codePointCount(0, s.length());
        long from = args.length == 3 ? Args.integer(fn, args[2]) : (last ? length : 0);
        int at = (int) Math.max(0, Math.min(from, length));
        int fromChar = s.offsetByCodePoints(0, at);
        int found = last ? TextSearch.lastIndexOf(s, sub, fromChar, lib.interp().budget())
            : TextSearch.indexOf(s, sub, fromChar, lib.interp().budget());
        return found < 0 ? null : (Object) (long) s.codePointCount(0, found);
    }
}
