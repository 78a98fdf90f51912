package drogulus.logos.eval;

import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;

/**
 * {@code try} with optional {@code catch} and {@code finally}. Inside a sandbox a limit error passes through
 * every {@code catch}, so sandboxed code cannot outlive its budget by catching it.
 */
final class TryNode extends EvalNode {
    private final EvalNode body;
    private final int catchSlot;
    private final EvalNode handler;
    private final EvalNode cleanup;
    private final boolean sandboxed;

    TryNode(EvalNode body, int catchSlot, EvalNode handler, EvalNode cleanup, boolean sandboxed) {
        super(null);
        this.body = body;
        this.catchSlot = catchSlot;
        this.handler = handler;
        this.cleanup = cleanup;
        this.sandboxed = sandboxed;
    }

    @Override
    Object eval(Frame frame) {
        try {
            return body.eval(frame);
        } catch (LogosError e) {
            return handle(frame, e);
        } catch (RuntimeException e) {
            return handle(frame, Errors.fromJava(e));
        } finally {
            if (cleanup != null) {
                cleanup.eval(frame);
            }
        }
    }

    private Object handle(Frame frame, LogosError e) {
        if (handler == null || (sandboxed && e instanceof LimitExceeded)) {
            throw e;
        }
        frame.slots[catchSlot] = Errors.caughtValue(e);
        return handler.eval(frame);
    }
}
