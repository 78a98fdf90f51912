package drogulus.logos.eval;

import drogulus.logos.data.Keyword;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;

/** Turns thrown values and Java failures into what Logos code and users see. */
final class Errors {
    private static final Keyword MESSAGE = Keyword.of("message");
    private static final Keyword AT = Keyword.of("at");

    private Errors() {
    }

    /** The message of a thrown value: a string is its own message; a map gives its {@code :message}. */
    static String messageOf(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof LMap map && map.get(MESSAGE) instanceof String s) {
            return s;
        }
        return Printer.print(value, true);
    }

    /**
     * The value a {@code catch} binds. An error the runtime raised becomes a map of its message and where it
     * happened; a thrown value is given back as it was thrown.
     */
    static Object caughtValue(LogosError error) {
        if (error.isRuntime()) {
            LMap map = LMap.of(MESSAGE, error.getMessage());
            if (error.position() != null) {
                map = map.assoc(AT, error.position().toString());
            }
            return map;
        }
        return error.value();
    }

    /** A Logos error for a Java exception that escaped a built-in, so users never see a Java stack trace. */
    static LogosError fromJava(RuntimeException e) {
        if (e instanceof LogosError le) {
            return le;
        }
        String message = e.getMessage();
        if (e instanceof ClassCastException) {
            // Java's message names Java classes, which mean nothing to a Logos user.
            message = "Wrong type of argument";
        } else if (e instanceof IndexOutOfBoundsException) {
            message = "Index out of bounds" + (message == null ? "" : ": " + message);
        } else if (e instanceof ArithmeticException) {
            message = "Arithmetic error: " + message;
        } else if (message == null) {
            message = e.getClass().getSimpleName();
        }
        return new LogosError(message);
    }
}
