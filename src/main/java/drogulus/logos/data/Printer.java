package drogulus.logos.data;

/**
 * Turns values into text. Readable printing ({@code pr-str}) gives text the reader turns back into an equal
 * value; plain printing ({@code str}, {@code println}) shows strings without quotes.
 */
public final class Printer {
    private Printer() {
    }

    public static String print(Object value, boolean readably) {
        StringBuilder out = new StringBuilder();
        print(out, value, readably, 0);
        return out.toString();
    }

    /**
     * The value printed, or a Logos error if the text would pass maxChars: for showing results, whose printed
     * form can be far larger than the value when it shares structure.
     */
    public static String printLimited(Object value, boolean readably, long maxChars) {
        return printLimited(value, readably, maxChars, -1);
    }

    /** As {@link #printLimited(Object, boolean, long)}, showing at most length items of each collection. */
    public static String printLimited(Object value, boolean readably, long maxChars, int length) {
        Output out = new Output(new StringBuilder(), maxChars, length);
        try {
            out.print(value, readably, 0);
        } catch (Output.Full e) {
            throw new LogosError("Value too large to print: its text is over " + maxChars + " characters");
        }
        out.meter.flush();
        return out.text.toString();
    }

    /**
     * One value as {@code str} joins it: a string as it is, nil as nothing, anything else printed readably
     * (so {@code (str [1 "b"])} is {@code [1 "b"]}, as in Clojure).
     */
    public static String str(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Long n) {
            return Long.toString(n);
        }
        if (value instanceof Regex regex) {
            // As Clojure's (str #"a\d"): the pattern's own text.
            return regex.source();
        }
        return print(value, true);
    }

    /** Appends the value as {@link #str} makes it, charging as {@link #print(StringBuilder, Object, boolean, int)}. */
    public static void appendStr(StringBuilder out, Object value) {
        if (value instanceof String s) {
            out.append(s);
        } else if (value instanceof Regex regex) {
            out.append(regex.source());
        } else if (value != null) {
            print(out, value, true, 0);
        }
    }

    /**
     * Appends the value's text to out, charging the current cost as the text grows (a step per item, memory
     * per character), so that printing a value that shares structure is interrupted by the limits.
     */
    public static void print(StringBuilder out, Object value, boolean readably, int depth) {
        print(out, value, readably, depth, -1);
    }

    /**
     * As {@link #print(StringBuilder, Object, boolean, int)}, showing at most {@code length} items of each
     * collection, then {@code ...}, as Clojure's {@code *print-length*}; a negative length shows all.
     */
    public static void print(StringBuilder out, Object value, boolean readably, int depth, int length) {
        Output output = new Output(out, Long.MAX_VALUE, length);
        output.print(value, readably, depth);
        output.meter.flush();
    }

    /** The value printed with at most {@code length} items of each collection (negative: all). */
    public static String print(Object value, boolean readably, int length) {
        StringBuilder out = new StringBuilder();
        print(out, value, readably, 0, length);
        return out.toString();
    }

    public static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "##NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "##Inf" : "##-Inf";
        }
        return Double.toString(d);
    }

    static void escape(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Roughly how many evaluation steps printing a big integer costs: turning an integer of w words into
     * decimal digits takes about w squared operations.
     */
    static long bigIntegerPrintCost(java.math.BigInteger big) {
        long words = big.bitLength() / 32L + 1;
        return words * words / 64;
    }

    /** A short description of a value's type for error messages, such as {@code string} or {@code vector}. */
    public static String typeName(Object value) {
        if (value == null) {
            return "nil";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof Long || value instanceof java.math.BigInteger) {
            return "integer";
        } else if (value instanceof Double) {
            return "float";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Keyword) {
            return "keyword";
        } else if (value instanceof Symbol) {
            return "symbol";
        } else if (value instanceof LList) {
            return "list";
        } else if (value instanceof LSeq) {
            return "seq";
        } else if (value instanceof LVector) {
            return "vector";
        } else if (value instanceof LMap) {
            return "map";
        } else if (value instanceof LSet) {
            return "set";
        } else if (value instanceof Atom) {
            return "atom";
        } else if (value instanceof LFn) {
            return "function";
        } else if (value instanceof Regex) {
            return "regex";
        }
        return value.getClass().getSimpleName();
    }

    /** The value printed readably and cut short, followed by its type: {@code "abc" (string)}. */
    public static String describe(Object value) {
        if (value == null) {
            return "nil";
        }
        Output out = new Output(new StringBuilder(), 60);
        String text;
        try {
            out.print(value, true, 0);
            text = out.text.toString();
        } catch (Output.Full e) {
            text = out.text.substring(0, 57) + "...";
        }
        return text + " (" + typeName(value) + ")";
    }
}
