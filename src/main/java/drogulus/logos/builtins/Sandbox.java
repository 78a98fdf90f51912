package drogulus.logos.builtins;

import drogulus.logos.Budget;
import drogulus.logos.Globals;
import drogulus.logos.Interp;
import drogulus.logos.LimitExceeded;
import drogulus.logos.LogosError;

/**
 * Interpreters for untrusted code. A sandbox is an environment, not a flag: its globals are built afresh from
 * the safe built-ins alone, so nothing it defines, and no closure it makes, can reach files, processes, the
 * network or the host's globals. Its budget limits steps, time, memory, depth and source size.
 */
public final class Sandbox {
    /** The limits of one sandboxed evaluation. */
    public record Limits(long steps, long timeMillis, long memoryBytes, int maxDepth, long maxSourceChars) {
        public static final Limits DEFAULT = new Limits(100_000_000L, 3_000L, 128L * 1024 * 1024, 2_000,
            1024L * 1024);
    }

    private Sandbox() {
    }

    /** A fresh sandboxed interpreter with the safe built-ins and the Logos standard library. */
    public static Interp create(Limits limits) {
        return create(limits, interp -> { });
    }

    /**
     * A fresh sandboxed interpreter; {@code extras} adds safe built-ins from higher layers (JSON, hashing and
     * signature checks) before the standard library loads.
     */
    public static Interp create(Limits limits, java.util.function.Consumer<Interp> extras) {
        Interp interp = new Interp(new Globals(),
            Budget.limited(limits.steps(), limits.timeMillis(), limits.memoryBytes(), limits.maxDepth()));
        CoreLibrary.installSafe(interp);
        extras.accept(interp);
        CoreLibrary.loadLibrary(interp, "core.logos");
        return interp;
    }

    /**
     * Runs source in a sandboxed interpreter with a fresh allowance. A limit error reaches the caller as an
     * ordinary error, which the caller's own code may catch.
     */
    public static Object run(Interp sandbox, String source, String label) {
        return run(sandbox, source, label, Limits.DEFAULT.maxSourceChars());
    }

    static Object run(Interp sandbox, String source, String label, long maxSourceChars) {
        if (source.length() > maxSourceChars) {
            throw new LogosError("Sandbox limit exceeded: source (" + maxSourceChars + " characters)");
        }
        sandbox.budget().reset();
        try {
            return sandbox.evalString(source, label);
        } catch (LimitExceeded e) {
            throw new LogosError(e.getMessage(), e.position());
        }
    }
}
