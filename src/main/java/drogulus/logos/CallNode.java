package drogulus.logos;

/**
 * A call. In tail position a call to a closure is not made but returned as a {@link TailCall}, for the
 * running closure to make in its loop. An error passing through gets this call's position and a stack frame.
 */
final class CallNode extends Node {
    private final Node fn;
    private final Node[] args;
    private final boolean tail;
    private final String label;

    CallNode(Node fn, Node[] args, boolean tail, String label, Position position) {
        super(position);
        this.fn = fn;
        this.args = args;
        this.tail = tail;
        this.label = label;
    }

    @Override
    Object eval(Frame frame) {
        Object f = fn.eval(frame);
        Node[] argNodes = args;
        Object[] values = new Object[argNodes.length];
        for (int i = 0; i < argNodes.length; i++) {
            values[i] = argNodes[i].eval(frame);
        }
        if (tail && f instanceof Closure) {
            return new TailCall(f, values);
        }
        try {
            if (f instanceof LFn callable) {
                return callable.invoke(values);
            }
            return Interp.applyData(f, values);
        } catch (LogosError e) {
            throw trace(e);
        } catch (RuntimeException e) {
            throw trace(Errors.fromJava(e));
        }
    }

    private LogosError trace(LogosError e) {
        e.at(position);
        if (position != null) {
            e.addFrame(label + " (" + position + ")");
        }
        return e;
    }
}
