package drogulus.logos;

/**
 * {@code try} with optional {@code catch} and {@code finally}. Inside a sandbox a limit error passes through
 * every {@code catch}, so sandboxed code cannot outlive its budget by catching it.
 */
final class TryNode extends Node {
    private final Node body;
    private final int catchSlot;
    private final Node handler;
    private final Node cleanup;
    private final boolean sandboxed;

    TryNode(Node body, int catchSlot, Node handler, Node cleanup, boolean sandboxed) {
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
