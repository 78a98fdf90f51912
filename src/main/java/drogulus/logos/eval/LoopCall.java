package drogulus.logos.eval;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The call a built-in makes over and over in its loop (mapv's f, reduce's f): what {@link Interp#apply} does, but
 * through code of the loop's own. Each place that makes such calls holds its own copy ({@link #create}: a hidden
 * class defined from the same bytes as {@link LoopCallCopy}), because the JIT keeps one profile per method: shared,
 * the path every call takes ({@code Interp.invoke}, {@code Interp.call}, {@code Arity.run}) sees mapv's function
 * in one phase of a program and reduce's in the next, and each time the JIT compiles that path afresh around the
 * body it saw last, then throws it away at the next phase. A copy only ever sees its own loop's functions: the loop
 * and the body it calls are compiled together once, and the shared path is never hot.
 */
public abstract class LoopCall {
    LoopCall() {
    }

    /** (f a), as {@link Interp#apply} makes it. */
    public abstract Object call1(Interp interp, Object f, Object a);

    /** (f a b), as {@link Interp#apply2} makes it. */
    public abstract Object call2(Interp interp, Object f, Object a, Object b);

    /**
     * (f a) in the frame {@link #frameFor} made: a's value in the frame's first slot, then the call as
     * {@link #call1} makes it, without a new frame and argument array per call.
     */
    public abstract Object call1In(Object frame, Object a);

    /** (f a b) in the frame {@link #frameFor} made, as {@link #call1In}. */
    public abstract Object call2In(Object frame, Object a, Object b);

    /**
     * A frame for the calls of f one run of a loop makes one after another, each with {@code args} arguments: f
     * must be a closure {@link #takes} accepts. Reusing it is safe because a frame is never kept once its call
     * returns: a closure made inside the body copies the values it captures (FnNode), and nothing else holds a
     * frame. A call from inside the body to f, or to the same loop, makes a frame of its own as usual.
     */
    public static Object frameFor(Object f, int args) {
        Closure closure = (Closure) f;
        return new Frame(closure.compiledOnly(args).frameSize, closure.captured, closure);
    }

    /**
     * Whether f is a closure whose only arity takes {@code args} arguments and has been compiled: the calls a copy
     * makes itself (it hands anything else to apply). A built-in asks first, so that it makes its copy only when it
     * calls such a function: a program that never does (most short ones) never reads the template's class file.
     */
    public static boolean takes(Object f, int args) {
        return f instanceof Closure closure && closure.compiledOnly(args) != null;
    }

    /**
     * A copy of its own for one place in a built-in, to be held in a static final field (so the JIT treats it as
     * a constant) of a holder class first touched when {@link #takes} says the copy is wanted. Should the copy
     * fail, the template serves, correctly but with the shared profile.
     */
    public static LoopCall create() {
        try (InputStream in = LoopCallCopy.class.getResourceAsStream("LoopCallCopy.class")) {
            if (in != null) {
                MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClass(in.readAllBytes(), true);
                return (LoopCall) copy.findConstructor(copy.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            // The template below.
        } catch (Throwable e) {
            if (e instanceof Error error) {
                throw error;
            }
        }
        return new LoopCallCopy();
    }
}
