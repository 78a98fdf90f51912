package drogulus.logos.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one error type of the language. It carries the Logos value that was thrown (a string or map for errors
 * the runtime raises, anything for {@code throw}), the position where it happened when known, and the chain
 * of Logos calls it unwound through. It has no Java stack trace: Logos code uses it for control flow.
 */
public class LogosError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Object value;
    private transient Position position;
    private final transient List<String> logosStack = new ArrayList<>();
    /** How many times each frame of {@link #logosStack} was passed in a row: a deep recursion is one entry. */
    private final transient List<Long> repeats = new ArrayList<>();

    private final boolean runtime;

    /** An error raised by the runtime or a built-in. */
    public LogosError(String message) {
        this(message, (Position) null);
    }

    public LogosError(String message, Position position) {
        super(message, null, false, false);
        this.value = message;
        this.position = position;
        this.runtime = true;
    }

    /** An error carrying an arbitrary Logos value, as {@code (throw value)} makes. */
    public LogosError(String message, Object value, Position position) {
        super(message, null, false, false);
        this.value = value;
        this.position = position;
        this.runtime = false;
    }

    /** True for errors the runtime raised, false for values thrown by {@code throw}. */
    public boolean isRuntime() {
        return runtime;
    }

    /** The value a {@code catch} clause binds. */
    public Object value() {
        return value;
    }

    public Position position() {
        return position;
    }

    /** Records the position if none is known yet; the innermost position wins. */
    public LogosError at(Position where) {
        if (position == null && where != null) {
            position = where;
        }
        return this;
    }

    /**
     * A fresh error with this one's value, position and frames so far, to throw again from another place (a
     * delay keeps the error its body threw): the frames the copy gathers as it unwinds are its own. A subclass
     * is its own error, not copied.
     */
    public LogosError copy() {
        if (getClass() != LogosError.class) {
            return this;
        }
        LogosError copy = runtime ? new LogosError(getMessage(), position)
            : new LogosError(getMessage(), value, position);
        copy.logosStack.addAll(logosStack);
        copy.repeats.addAll(repeats);
        return copy;
    }

    /** Adds one frame ("in f at file:line:col") as the error unwinds through a call. */
    public void addFrame(String frame) {
        int last = logosStack.size() - 1;
        if (last >= 0 && logosStack.get(last).equals(frame)) {
            repeats.set(last, repeats.get(last) + 1);
        } else if (logosStack.size() < 32) {
            logosStack.add(frame);
            repeats.add(1L);
        }
    }

    public List<String> logosStack() {
        return Collections.unmodifiableList(logosStack);
    }

    /** Whether the position or a frame of the chain of calls is in the named file. */
    public boolean mentions(String file) {
        if (position != null && file.equals(position.file())) {
            return true;
        }
        for (String frame : logosStack) {
            if (frame.contains("(" + file + ":")) {
                return true;
            }
        }
        return false;
    }

    /** The message, its position and the chain of calls, as a script or the REPL shows an uncaught error. */
    public String report() {
        StringBuilder out = new StringBuilder();
        if (isRuntime()) {
            out.append("Error: ").append(describe());
        } else {
            out.append("Uncaught: ").append(Printer.print(value, true));
            if (position != null) {
                out.append("\n  thrown at ").append(position);
            }
        }
        for (int i = 0; i < logosStack.size(); i++) {
            out.append("\n  at ").append(logosStack.get(i));
            long times = repeats.get(i);
            if (times > 1) {
                out.append(" (").append(times).append(" times)");
            }
        }
        return out.toString();
    }

    /** The message with its position, as shown to a user. */
    public String describe() {
        return position == null ? getMessage() : position + ": " + getMessage();
    }
}
