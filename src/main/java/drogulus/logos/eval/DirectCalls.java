package drogulus.logos.eval;

/**
 * The halves of a call of a compiled closure that compiled code makes at the call site itself (see
 * {@link DirectCallCompiler#call}): what {@link Interp#call} and {@link CallNode#call} do around running the body
 * (depth, steps, frame, tail calls, error traces, in the same order), while the body's {@code run} is called from
 * the site. The JIT then profiles each site apart, sees the one body it calls and can inline it, instead of
 * meeting every function of the program at the one call in {@link Arity#run}.
 */
final class DirectCalls {
    private DirectCalls() {
    }

    /**
     * The frame to run the callee's compiled body in, with the call entered and its steps charged; null when
     * the call is not one this path makes (not a closure of one fixed arity taking this many arguments, or a body
     * not compiled yet), and the site then makes the ordinary call.
     */
    static Frame enter(CallNode call, Object f, Object[] args) {
        if (!(f instanceof Closure closure)) {
            return null;
        }
        Arity arity = closure.compiledOnly(args.length);
        if (arity == null) {
            return null;
        }
        Budget b = closure.interp.budget();
        try {
            b.enter();
        } catch (RuntimeException e) {
            throw call.trace(e, closure);
        }
        try {
            b.steps(arity.weight);
            return arity.frame(args, closure);
        } catch (RuntimeException e) {
            b.exit();
            throw call.trace(e, closure);
        }
    }

    /** The value of a call once its body returned: the tail calls it asked for made, and the call left. */
    static Object leave(CallNode call, Object f, Object result) {
        Closure closure = (Closure) f;
        Budget b = closure.interp.budget();
        try {
            return result instanceof TailCall tail ? closure.interp.trampoline(closure, tail, b) : result;
        } catch (RuntimeException e) {
            throw call.trace(e, closure);
        } finally {
            b.exit();
        }
    }

    /** What to throw when the body threw: the call left, and a Logos error given the call's position and frame. */
    static Throwable failed(CallNode call, Object f, Throwable thrown) {
        Closure closure = (Closure) f;
        closure.interp.budget().exit();
        return thrown instanceof RuntimeException e ? call.trace(e, closure) : thrown;
    }
}
