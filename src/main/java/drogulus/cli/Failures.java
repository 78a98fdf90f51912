package drogulus.cli;

/**
 * Failures that escape every other handler. Each becomes one line on stderr and a non-zero exit; the Java trace
 * is shown only when the system property {@value #DEBUG_PROPERTY} is true.
 */
final class Failures {
    static final String DEBUG_PROPERTY = "drogulus.debug";

    private Failures() {
    }

    /** One line saying what went wrong, without a Java trace. */
    static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "drogulus: out of memory: the program built more data than the Java heap holds";
        }
        if (e instanceof StackOverflowError) {
            return "drogulus: stack overflow: nesting or recursion too deep for the Java stack";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return "drogulus: " + message.strip().replace('\n', ' ');
    }

    /** Reports an error that reached the top of the command: one line, and the trace if debugging. */
    static int report(Throwable e, java.io.PrintStream err) {
        err.println(describe(e));
        if (Boolean.getBoolean(DEBUG_PROPERTY)) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
