package drogulus.logos.data;

import java.util.Map;

/**
 * Turns values into text. Readable printing ({@code pr-str}) gives text the reader turns back into an equal
 * value; plain printing ({@code str}, {@code println}) shows strings without quotes.
 */
public final class Printer {
    /** Nesting beyond this prints as an ellipsis, so a self-containing atom cannot exhaust the stack. */
    private static final int MAX_DEPTH = 2000;

    private Printer() {
    }

    public static String print(Object value, boolean readably) {
        StringBuilder out = new StringBuilder();
        print(out, value, readably, 0);
        return out.toString();
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
        return print(value, true);
    }

    public static void print(StringBuilder out, Object value, boolean readably, int depth) {
        if (depth > MAX_DEPTH) {
            out.append("...");
            return;
        }
        if (value == null) {
            out.append("nil");
        } else if (value instanceof String s) {
            if (readably) {
                escape(out, s);
            } else {
                out.append(s);
            }
        } else if (value instanceof Double d) {
            out.append(formatDouble(d));
        } else if (value instanceof LList list) {
            printAll(out, list, "(", ")", readably, depth);
        } else if (value instanceof LVector vector) {
            printAll(out, vector, "[", "]", readably, depth);
        } else if (value instanceof LMap map) {
            printMap(out, map, readably, depth);
        } else if (value instanceof Atom atom) {
            out.append("#<atom ");
            print(out, atom.deref(), readably, depth + 1);
            out.append('>');
        } else {
            out.append(value);
        }
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

    private static void printAll(StringBuilder out, Iterable<Object> items, String open, String close,
                                 boolean readably, int depth) {
        out.append(open);
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            print(out, item, readably, depth + 1);
        }
        out.append(close);
    }

    private static void printMap(StringBuilder out, LMap map, boolean readably, int depth) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<Object, Object> entry : map) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            print(out, entry.getKey(), readably, depth + 1);
            out.append(' ');
            print(out, entry.getValue(), readably, depth + 1);
        }
        out.append('}');
    }

    private static void escape(StringBuilder out, String s) {
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
     * Roughly how many evaluation steps printing a value's big integers costs: turning an integer of w words
     * into decimal digits takes about w squared operations, so a sandbox is charged before it starts.
     */
    public static long bigIntegerPrintCost(Object value) {
        // Most printed values are strings and small numbers: answer those without walking anything.
        if (!(value instanceof java.math.BigInteger || value instanceof LList || value instanceof LVector
            || value instanceof LMap)) {
            return 0;
        }
        long cost = 0;
        java.util.ArrayDeque<Object> pending = new java.util.ArrayDeque<>();
        pending.push(value);
        while (!pending.isEmpty()) {
            Object item = pending.pop();
            if (item instanceof java.math.BigInteger big) {
                long words = big.bitLength() / 32L + 1;
                cost += words * words / 64;
            } else if (item instanceof LList || item instanceof LVector) {
                for (Object inner : (Iterable<?>) item) {
                    if (inner != null) {
                        pending.push(inner);
                    }
                }
            } else if (item instanceof LMap map) {
                for (Map.Entry<Object, Object> entry : map) {
                    if (entry.getKey() != null) {
                        pending.push(entry.getKey());
                    }
                    if (entry.getValue() != null) {
                        pending.push(entry.getValue());
                    }
                }
            }
        }
        return cost;
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
        } else if (value instanceof LVector) {
            return "vector";
        } else if (value instanceof LMap) {
            return "map";
        } else if (value instanceof Atom) {
            return "atom";
        } else if (value instanceof LFn) {
            return "function";
        }
        return value.getClass().getSimpleName();
    }

    /** The value printed readably and cut short, followed by its type: {@code "abc" (string)}. */
    public static String describe(Object value) {
        if (value == null) {
            return "nil";
        }
        String text = print(value, true);
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return text + " (" + typeName(value) + ")";
    }
}
