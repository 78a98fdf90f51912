package drogulus.logos.eval;

import drogulus.logos.data.LMap;
import drogulus.logos.data.LSeq;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Position;

/**
 * A call. In tail position a call to a closure is not made but returned as a {@link TailCall}, for the
 * running closure to make in its loop. An error passing through gets this call's position and a stack frame.
 * Calls of one and two arguments have their own node classes, which call a built-in's fast path directly.
 */
class CallNode extends EvalNode {
    final EvalNode fn;
    /** The global the function is read from, when it is one: read directly, saving a dispatch per call. */
    final Globals.Cell cell;
    private final EvalNode[] args;
    /** Per argument, the slot of a local read inline rather than dispatched, or -1. */
    private final int[] argSlots;
    final boolean tail;
    private final String label;

    CallNode(EvalNode fn, EvalNode[] args, boolean tail, String label, Position position) {
        super(position);
        this.fn = fn;
        this.cell = fn instanceof EvalNodes.Global global ? global.cell() : null;
        this.args = args;
        this.argSlots = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            argSlots[i] = slotOf(args[i]);
        }
        this.tail = tail;
        this.label = label;
    }

    /** The argument nodes, in order. */
    final EvalNode[] args() {
        return args;
    }

    final Object function(Frame frame) {
        Globals.Cell c = cell;
        if (c != null) {
            try {
                return c.get();
            } catch (LogosError e) {
                throw e.at(position);
            }
        }
        return fn.eval(frame);
    }

    /** The slot of a local operand, or -1: locals and constants are read inline rather than dispatched. */
    static int slotOf(EvalNode node) {
        return node instanceof EvalNodes.Local local ? local.slot : -1;
    }

    static boolean isConstant(EvalNode node) {
        return node instanceof EvalNodes.Constant;
    }

    static Object constantOf(EvalNode node) {
        return node instanceof EvalNodes.Constant constant ? constant.eval(null) : null;
    }

    /** The node for a call, specialised by its number of arguments. */
    static EvalNode of(EvalNode fn, EvalNode[] args, boolean tail, String label, Position position) {
        EvalNode intrinsic = IntrinsicCalls.of(fn, args, tail, label, position);
        if (intrinsic != null) {
            return intrinsic;
        }
        EvalNode fused = ReduceOfMap.of(fn, args, tail, label, position);
        if (fused != null) {
            return fused;
        }
        if (args.length == 1) {
            return new Call1(fn, args, tail, label, position);
        }
        if (args.length == 2) {
            return new Call2(fn, args, tail, label, position);
        }
        return new CallNode(fn, args, tail, label, position);
    }

    @Override
    Object eval(Frame frame) {
        Object f = function(frame);
        EvalNode[] argNodes = args;
        int[] slots = argSlots;
        Object[] values = new Object[argNodes.length];
        for (int i = 0; i < argNodes.length; i++) {
            int slot = slots[i];
            values[i] = slot >= 0 ? frame.slots[slot] : argNodes[i].eval(frame);
        }
        return call(f, values);
    }

    final Object call(Object f, Object[] values) {
        if (tail && f instanceof Closure) {
            return new TailCall(f, values, position);
        }
        try {
            return Interp.invoke(f, values);
        } catch (RuntimeException e) {
            throw trace(e, f);
        }
    }

    /** Calls f with one evaluated argument, by a built-in's fast path when it has one. */
    @Twin("built-in fast path")
    final Object call1(Object f, Object a) {
        if (f instanceof Builtin builtin && builtin.one != null) {
            if (a instanceof LSeq) {
                Object[] hold = {a};
                a = null;
                return applyOneHanded(builtin.one, builtin, hold);
            }
            return applyOne(builtin.one, builtin, a);
        }
        return call(f, new Object[] {a});
    }

    /** Calls f with two evaluated arguments, by a built-in's fast path when it has one. */
    final Object call2(Object f, Object a, Object b) {
        if (f instanceof Builtin builtin && builtin.two != null) {
            if (b instanceof LSeq) {
                Object[] hold = {b};
                b = null;
                return applyTwoHanded(builtin.two, builtin, a, hold);
            }
            return applyTwo(builtin.two, builtin, a, b);
        }
        return call(f, new Object[] {a, b});
    }

    /**
     * A keyword constant called on one argument, as compiled code calls it: a hash map is looked up here, anything
     * else takes the ordinary call. The look-up is what {@link Interp#invoke} would do for a map, without passing
     * through the dispatch every call shares (and without teaching that dispatch's profile about keywords).
     */
    final Object keyword1(Object keyword, Object a) {
        if (a instanceof LMap map && !map.isSorted()) {
            return map.get(keyword, null);
        }
        return call(keyword, new Object[] {a});
    }

    /** A keyword constant called with a map and a default, as {@link #keyword1}. */
    final Object keyword2(Object keyword, Object a, Object notFound) {
        if (a instanceof LMap map && !map.isSorted()) {
            return map.get(keyword, notFound);
        }
        return call(keyword, new Object[] {a, notFound});
    }

    /** Calls a built-in's one-argument fast path (compiled code passes it as a constant, which the JIT inlines). */
    final Object applyOne(Builtin.Body1 body, Builtin builtin, Object a) {
        try {
            return body.apply(a);
        } catch (RuntimeException e) {
            throw trace(e, builtin);
        }
    }

    /** Calls a built-in's two-argument fast path (compiled code passes it as a constant, which the JIT inlines). */
    final Object applyTwo(Builtin.Body2 body, Builtin builtin, Object a, Object b) {
        try {
            return body.apply(a, b);
        } catch (RuntimeException e) {
            throw trace(e, builtin);
        }
    }

    /*
     * A lazy sequence handed to a built-in (count, reduce, dorun ...) goes through these frames without staying in
     * any of their locals: the JVM's interpreter keeps every local of a running method alive, even one never read
     * again, so a parameter still holding the head of a long sequence would keep every cell the built-in walks
     * past, and (count (range 6000000)) would need all of it in memory at once. Compiled frames know which locals
     * are dead; the tree's are interpreted until hot, and a top-level form is never hot.
     */

    private Object applyOneHanded(Builtin.Body1 body, Builtin builtin, Object[] hold) {
        try {
            return body.apply(handOff(hold));
        } catch (RuntimeException e) {
            throw trace(e, builtin);
        }
    }

    private Object applyTwoHanded(Builtin.Body2 body, Builtin builtin, Object a, Object[] hold) {
        try {
            return body.apply(a, handOff(hold));
        } catch (RuntimeException e) {
            throw trace(e, builtin);
        }
    }

    /** hold's one item, taken out of it: the caller's operand stack is then the only place that holds it. */
    private static Object handOff(Object[] hold) {
        Object item = hold[0];
        hold[0] = null;
        return item;
    }

    /**
     * Gives an error this call's position if it has none, and a stack frame if it came out of a closure; a Java
     * exception from a built-in becomes the Logos error it stands for.
     */
    final LogosError trace(RuntimeException thrown, Object f) {
        LogosError e = thrown instanceof LogosError logos ? logos : Errors.fromJava(thrown);
        e.at(position);
        if (position != null && f instanceof Closure) {
            e.addFrame(label + " (" + position + ")");
        }
        return e;
    }

    /** A call with one argument. */
    static final class Call1 extends CallNode {
        final EvalNode arg;
        private final int slot;

        Call1(EvalNode fn, EvalNode[] args, boolean tail, String label, Position position) {
            super(fn, args, tail, label, position);
            this.arg = args[0];
            this.slot = slotOf(arg);
        }

        @Override
        Object eval(Frame frame) {
            Object f = function(frame);
            return call1(f, slot >= 0 ? frame.slots[slot] : arg.eval(frame));
        }
    }

    /** A call with two arguments. */
    static final class Call2 extends CallNode {
        final EvalNode first;
        final EvalNode second;
        private final int firstSlot;
        private final int secondSlot;
        private final boolean secondIsConstant;
        private final Object secondConstant;

        Call2(EvalNode fn, EvalNode[] args, boolean tail, String label, Position position) {
            super(fn, args, tail, label, position);
            this.first = args[0];
            this.second = args[1];
            this.firstSlot = slotOf(first);
            this.secondSlot = slotOf(second);
            this.secondIsConstant = isConstant(second);
            this.secondConstant = constantOf(second);
        }

        @Override
        Object eval(Frame frame) {
            Object f = function(frame);
            Object a = firstSlot >= 0 ? frame.slots[firstSlot] : first.eval(frame);
            return call2(f, a, secondSlot >= 0 ? frame.slots[secondSlot]
                : secondIsConstant ? secondConstant : second.eval(frame));
        }
    }
}
