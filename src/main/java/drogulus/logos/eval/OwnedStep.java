package drogulus.logos.eval;

import drogulus.logos.data.LMap;

/**
 * {@code (assoc acc k v ...)} or {@code (update acc k f args...)} as the result of a function whose accumulator
 * {@link AccumulatorOwnership} found no one else can see: when {@code reduce} handed the function an
 * {@link OwnedMap}, binds the key in it and returns it, instead of copying the map's path. Any other
 * accumulator (a map from any other caller, nil, a vector), or a global no longer holding the built-in, takes the
 * ordinary call; an owned map is then first made a value, since the ordinary call may keep it.
 */
final class OwnedStep extends EvalNode {
    private final CallNode call;
    private final Builtin builtin;
    private final boolean isUpdate;
    private final EvalNode[] rest;
    private final int accSlot;
    private final Interp interp;
    /** Set once analysis has proved the accumulator unshared; until then (and if never) the ordinary call. */
    private boolean owned;

    OwnedStep(CallNode call, Builtin builtin, int accSlot, Interp interp) {
        super(call.position);
        this.call = call;
        this.builtin = builtin;
        this.isUpdate = builtin.intrinsic() == Intrinsic.UPDATE;
        EvalNode[] args = call.args();
        this.rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        this.accSlot = accSlot;
        this.interp = interp;
    }

    /** The assoc or update built-in a call node calls with arguments it can take, or null. */
    static Builtin stepCalled(EvalNode node) {
        if (!(node instanceof CallNode call) || !(call.fn instanceof EvalNodes.Global global)
                || !global.cell().isBound() || !(global.cell().get() instanceof Builtin builtin)) {
            return null;
        }
        int count = call.args().length;
        if (builtin.intrinsic() == Intrinsic.ASSOC) {
            return count >= 3 && count % 2 == 1 ? builtin : null;
        }
        return builtin.intrinsic() == Intrinsic.UPDATE && count >= 3 ? builtin : null;
    }

    void own() {
        owned = true;
    }

    /** The arguments after the accumulator. */
    EvalNode[] rest() {
        return rest;
    }

    /** The function the call would call now (read first, as every call reads it). */
    Object function(Frame frame) {
        return call.function(frame);
    }

    @Override
    Object eval(Frame frame) {
        Object f = call.function(frame);
        EvalNode[] nodes = rest;
        Object[] values = new Object[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            values[i] = nodes[i].eval(frame);
        }
        return run(frame, f, values);
    }

    /** The step with its function and its other arguments computed: in the table, or as the ordinary call. */
    Object run(Frame frame, Object f, Object[] values) {
        Object current = frame.slots[accSlot];
        if (current instanceof OwnedMap map) {
            if (owned && f == builtin) {
                try {
                    if (isUpdate) {
                        update(map, values);
                    } else {
                        for (int i = 0; i < values.length; i += 2) {
                            // Charged as the built-in charges: the limits a program meets do not depend on this path.
                            interp.budget().allocate(64);
                            map.put(values[i], values[i + 1]);
                        }
                    }
                    return map;
                } catch (RuntimeException e) {
                    throw call.trace(e, builtin);
                }
            }
            // Not provably private here, or assoc/update redefined: the ordinary call may keep the map.
            current = map.freeze();
            frame.slots[accSlot] = current;
        }
        Object[] all = new Object[values.length + 1];
        all[0] = current;
        System.arraycopy(values, 0, all, 1, values.length);
        return call.call(f, all);
    }

    /**
     * {@link #run} for a step of two arguments after the accumulator ({@code (assoc acc k v)} or
     * {@code (update acc k f)}), called by compiled code without an array of them; the same work and charges.
     */
    Object run2(Frame frame, Object f, Object a, Object b) {
        if (owned && f == builtin && frame.slots[accSlot] instanceof OwnedMap map) {
            try {
                Object value = isUpdate ? interp.applyBuiltinFirst(b, map.get(a)) : b;
                interp.budget().allocate(64);
                map.put(a, value);
                return map;
            } catch (RuntimeException e) {
                throw call.trace(e, builtin);
            }
        }
        return run(frame, f, new Object[] {a, b});
    }

    /** {@link #run2} for {@code (update acc k f x)}. */
    Object run3(Frame frame, Object f, Object a, Object b, Object c) {
        if (isUpdate && owned && f == builtin && frame.slots[accSlot] instanceof OwnedMap map) {
            try {
                Object value = interp.applyBuiltinFirst(b, map.get(a), c);
                interp.budget().allocate(64);
                map.put(a, value);
                return map;
            } catch (RuntimeException e) {
                throw call.trace(e, builtin);
            }
        }
        return run(frame, f, new Object[] {a, b, c});
    }

    /** update's work on the table: (f old args...) bound to the key, charged as update charges. */
    private void update(OwnedMap map, Object[] values) {
        Object key = values[0];
        Object old = map.get(key);
        Object value;
        if (values.length == 2) {
            value = interp.applyBuiltinFirst(values[1], old);
        } else if (values.length == 3) {
            value = interp.applyBuiltinFirst(values[1], old, values[2]);
        } else {
            Object[] args = new Object[values.length - 1];
            args[0] = old;
            System.arraycopy(values, 2, args, 1, values.length - 2);
            value = interp.apply(values[1], args);
        }
        interp.budget().allocate(64);
        map.put(key, value);
    }

    /** The map a step's table stands for, for code outside the evaluator. */
    static Object valueOf(Object acc) {
        return acc instanceof OwnedMap map ? map.freeze() : acc;
    }

    /** A table for a map, or null when the map cannot be owned (a sorted map finds keys by its comparator). */
    static OwnedMap tableFor(Object init) {
        return init instanceof LMap m && !m.isSorted() ? new OwnedMap(m) : null;
    }
}
