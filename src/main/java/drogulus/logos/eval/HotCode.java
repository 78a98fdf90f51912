package drogulus.logos.eval;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * When code is compiled (see {@link BodyCompiler}): a function body once it has been called
 * {@link #compileAfter()} times, a loop body once it has run that many iterations outside compiled code.
 * Compiling happens in the thread that runs the code: tried on a background thread, programs ran longer, as the
 * JIT spent itself on the tree in the meantime.
 */
final class HotCode {
    /** Runs before a body counts as hot; 0 or less never compiles. Tests set 1 to compile everything. */
    private static int compileAfter = Integer.getInteger("drogulus.compileAfter", 1000);
    /** Prints why a body could not be compiled; a body that fails to compile still runs correctly as a tree. */
    private static final boolean DEBUG = Boolean.getBoolean("drogulus.compileDebug");
    /**
     * Bodies the compiler should have compiled and could not: a bug in the compiler, which would otherwise leave
     * every body a tree without a word. The Logos test suites check it stays zero.
     */
    private static final AtomicLong FAILURES = new AtomicLong();
    private static final AtomicLong COMPILED = new AtomicLong();

    private HotCode() {
    }

    static int compileAfter() {
        return compileAfter;
    }

    /** How many bodies failed to compile since the JVM started (see {@link #FAILURES}). */
    static long failures() {
        return FAILURES.get();
    }

    /** How many bodies were compiled since the JVM started. */
    static long compiled() {
        return COMPILED.get();
    }

    static void setCompileAfter(int runs) {
        compileAfter = runs;
    }

    /**
     * Compiles a body and hands the result to {@code install}, if the budget allows one more compilation (see
     * {@link Budget#allowCompilation()}); a body that is not compiled keeps running as a tree. {@code self} is
     * the arity the body belongs to when its tail calls to its own function may jump back to its start, else
     * null.
     */
    static void compile(EvalNode body, Budget budget, Arity self, Consumer<CompiledCode> install) {
        if (!budget.allowCompilation()) {
            return;
        }
        CompiledCode code;
        try {
            code = BodyCompiler.compileOrThrow(body, self, budget);
        } catch (BodyCompiler.TooLarge e) {
            return;
        } catch (Throwable e) {
            // A bug in the compiler must never stop the program: the tree still runs, but the failure is counted.
            FAILURES.incrementAndGet();
            if (DEBUG) {
                System.err.println("drogulus: could not compile a body: " + e);
                e.printStackTrace();
            }
            return;
        }
        COMPILED.incrementAndGet();
        install.accept(code);
    }
}
