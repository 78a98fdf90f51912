package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Interp;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code sandbox/eval}: runs untrusted source in a fresh sandbox. Only full-rights interpreters get it; a
 * sandbox never does, so sandboxed code cannot start another sandbox with larger limits. Bodies are anonymous
 * classes, not lambdas, for start-up speed ({@link Library} says why).
 */
public final class SandboxBuiltins {
    private static final Keyword TIME = Keyword.of("time-ms");
    private static final Keyword STEPS = Keyword.of("steps");
    private static final Keyword MEMORY = Keyword.of("memory");
    private static final Keyword DEPTH = Keyword.of("depth");
    private static final Keyword SOURCE = Keyword.of("source");

    private SandboxBuiltins() {
    }

    /** Installs sandbox/eval; the factory builds each sandbox's interpreter for the given limits. */
    public static void install(Interp interp, Function<Sandbox.Limits, Interp> factory) {
        new Library(interp).def("sandbox/eval", "Returns the value of the last form of source (a string), "
            + "evaluated in a fresh sandbox without files, processes, network or signing. Limits, in opts: "
            + ":time-ms (default 3000), :steps, :memory (bytes, default 128 MiB), :depth (nested calls), "
            + ":source (characters). Hitting one is an error naming the limit.", 1, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    String source = Args.string("sandbox/eval", args[0]);
                    Sandbox.Limits limits = limits(args.length > 1 ? Args.map("sandbox/eval", args[1]) : LMap.EMPTY);
                    Interp sandbox = factory.apply(limits);
                    // Printing is harmless and bounded by the steps; it goes where the caller's guests print.
                    sandbox.setOutput(interp.guestOutput());
                    sandbox.setGuestOutput(interp.guestOutput());
                    return Sandbox.run(sandbox, source, "<sandbox>", limits.maxSourceChars());
                }
            });
    }

    public static Sandbox.Limits limits(LMap opts) {
        Sandbox.Limits d = Sandbox.Limits.DEFAULT;
        for (Map.Entry<Object, Object> entry : opts) {
            Object key = entry.getKey();
            if (key != TIME && key != STEPS && key != MEMORY && key != DEPTH && key != SOURCE) {
                throw new LogosError("sandbox/eval: unknown option " + Printer.print(key, true)
                    + "; expected :time-ms, :steps, :memory, :depth or :source");
            }
        }
        return new Sandbox.Limits(positive(opts, STEPS, d.steps()), positive(opts, TIME, d.timeMillis()),
            positive(opts, MEMORY, d.memoryBytes()), (int) Math.min(positive(opts, DEPTH, d.maxDepth()), 100_000),
            positive(opts, SOURCE, d.maxSourceChars()));
    }

    private static long positive(LMap opts, Keyword key, long fallback) {
        if (!opts.containsKey(key)) {
            return fallback;
        }
        long value = Args.integer("sandbox/eval " + key, opts.get(key));
        if (value <= 0) {
            throw new LogosError("sandbox/eval: " + key + " must be positive, got " + value);
        }
        return value;
    }
}
