package drogulus.logos.builtins;

import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Globals;
import drogulus.logos.eval.Interp;

/** The {@code *print-length*} global: how many items of each collection printing shows. */
public final class PrintLength {
    /** What the REPL and {@code -e} show when {@code *print-length*} is nil, so they never print for ever. */
    public static final int INTERACTIVE = 1000;
    private static final Symbol NAME = Symbol.of("*print-length*");

    private PrintLength() {
    }

    /** The interpreter's {@code *print-length*}, or fallback (negative: no limit) when it is nil or unset. */
    public static int of(Interp interp, int fallback) {
        Globals.Cell cell = interp.globals().find(NAME);
        if (cell != null && cell.isBound() && cell.get() instanceof Long n) {
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, n));
        }
        return fallback;
    }
}
