package drogulus.logos.eval;

/**
 * The code each {@link LoopCall} is a copy of. A closure whose only arity takes these arguments and is compiled is
 * called here as {@link Interp#call} calls it (depth, steps, frame, body, tail calls), so that the body's call site
 * is this copy's own; anything else goes through {@link Interp#apply}. Top-level and with no nested or anonymous
 * classes, so that its class file alone defines it.
 */
final class LoopCallCopy extends LoopCall {
    @Override
    public Object call1(Interp interp, Object f, Object a) {
        if (f instanceof Closure closure) {
            Arity arity = closure.compiledOnly(1);
            if (arity != null) {
                return run(closure, arity, arity.compiledCode(), arity.frameOf(closure, a));
            }
        }
        return interp.apply(f, a);
    }

    @Override
    public Object call2(Interp interp, Object f, Object a, Object b) {
        if (f instanceof Closure closure) {
            Arity arity = closure.compiledOnly(2);
            if (arity != null) {
                return run(closure, arity, arity.compiledCode(), arity.frameOf(closure, a, b));
            }
        }
        return interp.apply2(f, a, b);
    }

    @Override
    public Object call1In(Object frame, Object a) {
        Frame mine = (Frame) frame;
        Arity arity = mine.self.arities[0];
        mine.slots[0] = a;
        return run(mine.self, arity, arity.compiledCode(), mine);
    }

    @Override
    public Object call2In(Object frame, Object a, Object b) {
        Frame mine = (Frame) frame;
        Arity arity = mine.self.arities[0];
        Object[] slots = mine.slots;
        slots[0] = a;
        slots[1] = b;
        return run(mine.self, arity, arity.compiledCode(), mine);
    }

    /**
     * The call itself; a copy serves one loop, which makes its calls through the methods above. The
     * frame comes made at its full size with the arguments in it: no argument array to copy into it.
     */
    private static Object run(Closure closure, Arity arity, CompiledCode code, Frame frame) {
        Interp owner = closure.interp;
        Budget budget = owner.budget();
        budget.enter();
        try {
            budget.steps(arity.weight);
            Object result = code.run(frame);
            return result instanceof TailCall tail ? owner.trampoline(closure, tail, budget) : result;
        } finally {
            budget.exit();
        }
    }
}
