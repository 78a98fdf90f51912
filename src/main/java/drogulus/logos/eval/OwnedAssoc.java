package drogulus.logos.eval;

import drogulus.logos.data.LMap;

/**
 * {@code (assoc m k v ...)} as the recur value of a loop variable that {@link LoopOwnership} found no one else
 * can see: binds the keys in the loop's {@link OwnedMap} instead of copying the map. Falls back to the general
 * call, and stops owning the map, whenever the fast path's conditions fail (the global was redefined, the
 * value is not a map), because the general call may hand the map to code that keeps it.
 */
final class OwnedAssoc extends EvalNode {
    private final CallNode call;
    private final Builtin assoc;
    private final Globals.Cell cell;
    private final EvalNode[] keysAndValues;
    private final int mapSlot;
    private final Budget budget;
    /** The frame slot of the loop's owner token; set once analysis has proved ownership, -1 until then. */
    private int tokenSlot = -1;

    OwnedAssoc(CallNode call, Builtin assoc, int mapSlot, Budget budget) {
        super(call.position);
        this.call = call;
        this.assoc = assoc;
        this.cell = ((EvalNodes.Global) call.fn).cell();
        EvalNode[] args = call.args();
        this.keysAndValues = java.util.Arrays.copyOfRange(args, 1, args.length);
        this.mapSlot = mapSlot;
        this.budget = budget;
    }

    /** The assoc built-in a call node calls with a map and whole key-value pairs, or null if it is not one. */
    static Builtin assocCalled(EvalNode node) {
        Builtin step = OwnedStep.stepCalled(node);
        return step != null && step.intrinsic() == Intrinsic.ASSOC ? step : null;
    }

    void own(int slot) {
        tokenSlot = slot;
    }

    @Override
    Object eval(Frame frame) {
        int token = tokenSlot;
        if (token < 0) {
            return call.eval(frame);
        }
        Object current = frame.slots[mapSlot];
        if (frame.slots[token] != null && cell.holds(assoc)
                && (current instanceof OwnedMap || current instanceof LMap || current == null)) {
            EvalNode[] nodes = keysAndValues;
            Object[] values = new Object[nodes.length];
            for (int i = 0; i < nodes.length; i++) {
                values[i] = nodes[i].eval(frame);
            }
            try {
                // Charged as the built-in charges: the limits a program meets do not depend on this path.
                budget.allocate(64L * (values.length / 2));
                OwnedMap owned = current instanceof OwnedMap map ? map
                    : new OwnedMap(current == null ? LMap.EMPTY : (LMap) current);
                for (int i = 0; i < values.length; i += 2) {
                    owned.put(values[i], values[i + 1]);
                }
                return owned;
            } catch (RuntimeException e) {
                throw call.trace(e, assoc);
            }
        }
        // The general call may hand the map to code that keeps it: make it a value, and stop owning it.
        if (current instanceof OwnedMap owned) {
            frame.slots[mapSlot] = owned.freeze();
        }
        frame.slots[token] = null;
        return call.eval(frame);
    }
}
