package drogulus.logos.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds, while one arity of a function is analysed, whether its first parameter is an accumulator the function
 * only ever extends and returns, so that {@code reduce} may hand it a map the steps change in place
 * ({@link OwnedMap}, via {@link Accumulators}) instead of one they copy a path of on every item: what
 * {@link LoopOwnership} does for a loop's variables, for the function reduce calls.
 *
 * <p>The parameter qualifies when every read of it is either the map argument of an {@code assoc} or
 * {@code update} call that is the function's result (tail position), the function's result itself, or the map
 * argument of a {@code get}, which reads a value out of it before that last step can run. Any other
 * read (an argument to some function, a closure's capture, another name through {@code let}, an element of a
 * collection, {@code (reduced acc)}, a read inside another argument of the same call) could see or keep the
 * table, which is not a value, so then no step owns anything. A step in tail position runs last: nothing of the
 * function can read the accumulator after it has changed it.
 */
final class AccumulatorOwnership {
    /** The node reading the first parameter; every read of it is this very node. */
    private final EvalNode candidate;
    private final Interp interp;
    private final List<OwnedStep> steps = new ArrayList<>();
    private int safeReads;

    AccumulatorOwnership(EvalNode candidate, Interp interp) {
        this.candidate = candidate;
        this.interp = interp;
    }

    /** Notes a local read that is the function's result. */
    void returned(EvalNode node) {
        if (node == candidate) {
            safeReads++;
        }
    }

    /** The node for a call in tail position of the function: an owned step when it extends the accumulator. */
    EvalNode tailCall(EvalNode call) {
        Builtin builtin = OwnedStep.stepCalled(call);
        if (builtin == null || ((CallNode) call).args()[0] != candidate) {
            return call;
        }
        safeReads++;
        OwnedStep step = new OwnedStep((CallNode) call, builtin, ((EvalNodes.Local) candidate).slot, interp);
        steps.add(step);
        return step;
    }

    /** The node for a call anywhere in the function: a read through the table when it is a get of the accumulator. */
    EvalNode call(EvalNode call) {
        if (!(call instanceof CallNode node) || !(node.fn instanceof EvalNodes.Global global)
                || node.args().length < 2 || node.args().length > 3 || node.args()[0] != candidate
                || !global.cell().isBound() || !(global.cell().get() instanceof Builtin builtin)
                || builtin.intrinsic() != Intrinsic.GET) {
            return call;
        }
        safeReads++;
        return new OwnedGet(node, builtin, ((EvalNodes.Local) candidate).slot);
    }

    /** Once the body is analysed: whether the accumulator qualifies, letting its steps change it in place if so. */
    boolean finish(Scope scope) {
        if (steps.isEmpty() || scope.reads(candidate) != safeReads) {
            return false;
        }
        for (OwnedStep step : steps) {
            step.own();
        }
        return true;
    }
}
