package drogulus.logos.builtins;

import drogulus.logos.data.LFn;
import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;

/**
 * The value of {@code (delay body)}: runs the body once, when first forced or dereferenced, and keeps its value or,
 * as Clojure's delay does, the error it threw, which every later force throws again.
 */
public final class Delay {
    private LFn thunk;
    private Object value;
    private RuntimeException failure;

    Delay(LFn thunk) {
        this.thunk = thunk;
    }

    /**
     * The body's value, computing it on the first call. A sandbox limit is not kept: it ends the evaluation that
     * forced the delay, and says nothing about the body, so a later force with a new budget runs the body again.
     */
    synchronized Object force() {
        if (thunk != null) {
            try {
                value = thunk.invoke(new Object[0]);
            } catch (LimitExceeded e) {
                throw e;
            } catch (RuntimeException e) {
                failure = e;
            }
            thunk = null;
        }
        if (failure != null) {
            // Each force throws the error as the body left it, so one force's callers never show in another's.
            throw failure instanceof LogosError e ? e.copy() : failure;
        }
        return value;
    }

    synchronized boolean isRealized() {
        return thunk == null;
    }

    @Override
    public synchronized String toString() {
        if (thunk != null) {
            return "#<delay pending>";
        }
        return failure != null ? "#<delay failed>" : "#<delay " + drogulus.logos.data.Printer.print(value, true) + ">";
    }
}
