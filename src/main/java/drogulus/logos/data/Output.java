package drogulus.logos.data;

import java.math.BigInteger;
import java.util.Map;

/**
 * Text being printed: charges the current cost as it grows and stops at a length limit, so the work of printing
 * is bounded by the text written, not by the size of the value's tree as written out.
 */
final class Output {
    /** Nesting beyond this prints as an ellipsis, so a self-containing atom cannot exhaust the stack. */
    private static final int MAX_DEPTH = 2000;
    /** Characters written between charges. */
    private static final int CHARGE_EVERY = 4096;

    /** Thrown when the text reaches its limit; carries no stack trace, as it is caught nearby. */
    static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full() {
            super(null, null, false, false);
        }
    }

    final StringBuilder text;
    final Meter meter = new Meter();
    private final long limit;
    /** Items of each collection to print before "...", as *print-length*; negative for all. */
    private final int length;
    private int charged;

    Output(StringBuilder text, long limit) {
        this(text, limit, -1);
    }

    Output(StringBuilder text, long limit, int length) {
        this.text = text;
        this.limit = limit;
        this.length = length;
        this.charged = text.length();
    }

    /** Charges for the text written since the last charge; stops at the limit. */
    private void wrote() {
        int length = text.length();
        if (length - charged >= CHARGE_EVERY || length > limit) {
            meter.allocate(2L * (length - charged));
            meter.steps((length - charged) / 16);
            charged = length;
            if (length > limit) {
                throw new Full();
            }
        }
    }

    void print(Object value, boolean readably, int depth) {
        meter.step();
        if (depth > MAX_DEPTH) {
            text.append("...");
        } else if (value == null) {
            text.append("nil");
        } else if (value instanceof String s) {
            if (readably) {
                Printer.escape(text, s);
            } else {
                text.append(s);
            }
        } else if (value instanceof Double d) {
            text.append(Printer.formatDouble(d));
        } else if (value instanceof LList list) {
            printAll(list, "(", ")", readably, depth);
        } else if (value instanceof LSeq seq) {
            printAll(seq, "(", ")", readably, depth);
        } else if (value instanceof LVector vector) {
            printAll(vector, "[", "]", readably, depth);
        } else if (value instanceof LMap map) {
            printMap(map, readably, depth);
        } else if (value instanceof LSet set) {
            printAll(set, "#{", "}", readably, depth);
        } else if (value instanceof Atom atom) {
            text.append("#<atom ");
            print(atom.deref(), readably, depth + 1);
            text.append('>');
        } else if (value instanceof BigInteger big) {
            meter.steps(Printer.bigIntegerPrintCost(big));
            text.append(big);
        } else {
            text.append(value);
        }
        wrote();
    }

    private void printAll(Iterable<Object> items, String open, String close, boolean readably, int depth) {
        text.append(open);
        int printed = 0;
        for (Object item : items) {
            if (printed > 0) {
                text.append(' ');
            }
            if (printed == length) {
                text.append("...");
                break;
            }
            printed++;
            print(item, readably, depth + 1);
        }
        text.append(close);
    }

    private void printMap(LMap map, boolean readably, int depth) {
        text.append('{');
        int printed = 0;
        for (Map.Entry<Object, Object> entry : map) {
            if (printed > 0) {
                text.append(", ");
            }
            if (printed == length) {
                text.append("...");
                break;
            }
            printed++;
            print(entry.getKey(), readably, depth + 1);
            text.append(' ');
            print(entry.getValue(), readably, depth + 1);
        }
        text.append('}');
    }
}
