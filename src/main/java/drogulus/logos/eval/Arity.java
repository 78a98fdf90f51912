package drogulus.logos.eval;

import drogulus.logos.data.LList;
import drogulus.logos.data.LVector;

/**
 * One arity of a function: how many arguments it takes, the frame size it needs and its body. Arguments go
 * into slots 0 to {@code required - 1}; a variadic arity's rest arguments arrive as a list (nil when there are
 * none) in slot {@code required}. Destructuring parameters are unpacked by the body's first nodes.
 */
final class Arity {
    final int required;
    final boolean variadic;
    final int frameSize;
    final EvalNode body;
    /** Steps charged per call: the size of the body, so a huge body cannot run long on one step. */
    final int weight;
    /** The parameter vector as written, which (doc f) shows. */
    final LVector params;
    /** Whether a reduce may pass the first parameter as a table the body changes in place (AccumulatorOwnership). */
    final boolean ownsAccumulator;
    /** Calls so far while the body runs as a tree. Racy by design: a lost count only delays compiling. */
    private int calls;
    /**
     * The body compiled once it has run often enough; null until then, and if it cannot be compiled. Compiled
     * call sites read it to call the body themselves ({@link DirectCalls}).
     */
    CompiledCode compiled;

    Arity(int required, boolean variadic, int frameSize, EvalNode body, int weight, LVector params,
          boolean ownsAccumulator) {
        this.params = params;
        this.ownsAccumulator = ownsAccumulator;
        this.required = required;
        this.variadic = variadic;
        this.frameSize = frameSize;
        this.body = body;
        this.weight = weight;
    }

    /** Runs the body, having it compiled once it has run {@link HotCode#compileAfter()} times. */
    Object run(Frame frame, Budget budget) {
        CompiledCode code = compiled;
        if (code != null) {
            return code.run(frame);
        }
        if (++calls == HotCode.compileAfter()) {
            // A function of one arity always comes back here when it calls itself: such tail calls may jump.
            HotCode.compile(body, budget, frame.self.arities.length == 1 ? this : null, ready -> compiled = ready);
        }
        return body.eval(frame);
    }

    /** The body compiled, or null while it runs as a tree. */
    CompiledCode compiledCode() {
        return compiled;
    }

    /** The frame for a call of this arity of {@code closure} with these arguments. */
    Frame frame(Object[] args, Closure closure) {
        if (!variadic && frameSize == args.length) {
            // The argument array is exactly the frame: parameters are never reassigned, so sharing it is safe.
            return new Frame(args, closure.captured, closure);
        }
        Frame frame = new Frame(frameSize, closure.captured, closure);
        bind(frame, args);
        return frame;
    }

    /**
     * The frame for a call of this arity, which takes exactly one argument, of closure with a: the slots made at
     * the frame's size at once, where an argument array would be made and then copied into a larger frame.
     */
    Frame frameOf(Closure closure, Object a) {
        Object[] slots = new Object[frameSize];
        slots[0] = a;
        return new Frame(slots, closure.captured, closure);
    }

    /** As {@link #frameOf(Closure, Object)} for an arity that takes exactly two arguments. */
    Frame frameOf(Closure closure, Object a, Object b) {
        Object[] slots = new Object[frameSize];
        slots[0] = a;
        slots[1] = b;
        return new Frame(slots, closure.captured, closure);
    }

    boolean accepts(int count) {
        return count == required || (variadic && count > required);
    }

    void bind(Frame frame, Object[] args) {
        Object[] slots = frame.slots;
        System.arraycopy(args, 0, slots, 0, required);
        if (variadic) {
            if (args.length > required) {
                Object[] rest = new Object[args.length - required];
                System.arraycopy(args, required, rest, 0, rest.length);
                slots[required] = LList.of(rest);
            } else {
                slots[required] = null;
            }
        }
    }
}
