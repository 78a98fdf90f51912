package drogulus.logos;

import java.util.function.Consumer;

/**
 * When code is compiled (see {@link Compiler}): a function body once it has been called
 * {@link #compileAfter()} times, a loop body once it has run that many iterations outside compiled code.
 * Compiling happens in the thread that runs the code: tried on a background thread, programs ran longer, as the
 * JIT spent itself on the tree in the meantime.
 */
final class HotCode {
    /** Runs before a body counts as hot; 0 or less never compiles. Tests set 1 to compile everything. */
    private static int compileAfter = Integer.getInteger("drogulus.compileAfter", 1000);

    private HotCode() {
    }

    static int compileAfter() {
        return compileAfter;
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
    static void compile(Node body, Budget budget, Arity self, Consumer<CompiledCode> install) {
        if (!budget.allowCompilation()) {
            return;
        }
        CompiledCode code;
        try {
            code = Compiler.compileOrThrow(body, self, budget);
        } catch (Throwable e) {
            // A body the compiler cannot express (or a bug in it) must never stop the program: the tree still runs.
            return;
        }
        install.accept(code);
    }
}
