package drogulus.logos.builtins;

import drogulus.logos.data.LFn;

/** The value of {@code (delay body)}: runs the body once, when first forced or dereferenced, and keeps its value. */
public final class Delay {
    private LFn thunk;
    private Object value;

    Delay(LFn thunk) {
        this.thunk = thunk;
    }

    /** The body's value, computing it on the first call; an error leaves the delay unrealised, to retry. */
    synchronized Object force() {
        if (thunk != null) {
            value = thunk.invoke(new Object[0]);
            thunk = null;
        }
        return value;
    }

    synchronized boolean isRealized() {
        return thunk == null;
    }

    @Override
    public synchronized String toString() {
        return thunk == null ? "#<delay " + drogulus.logos.data.Printer.print(value, true) + ">" : "#<delay pending>";
    }
}
