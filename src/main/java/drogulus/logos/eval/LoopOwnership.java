package drogulus.logos.eval;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, while a loop is analysed, the loop variables holding a map that only the loop can see, so that
 * {@code (recur ... (assoc m k v) ...)} may add to a mutable table ({@link OwnedMap}) instead of copying the
 * map's path: the idiom for building a map in a loop then costs what a mutable map would.
 *
 * <p>A variable qualifies when every read of it is the map argument of an {@code assoc} that is its own recur
 * value, its own recur value passed on unchanged, or the loop's result. Any other read (an argument to some
 * function, a closure's capture, another name, an element of a collection) could see or keep the table, which
 * is not a value. The loop turns the table back into a persistent map when it returns it; the map the loop
 * started from is never changed.
 */
final class LoopOwnership {
    private final int[] slots;
    /** Per loop binding, the node reading it when it is a plain name; null for a destructured binding. */
    private final EvalNode[] candidates;
    private final IdentityHashMap<EvalNode, Integer> safeReads = new IdentityHashMap<>();
    private final IdentityHashMap<EvalNode, List<OwnedAssoc>> assocs = new IdentityHashMap<>();
    private final Budget budget;

    LoopOwnership(int[] slots, EvalNode[] candidates, Budget budget) {
        this.slots = slots;
        this.candidates = candidates;
        this.budget = budget;
    }

    /** Whether recur values analysed now go to this loop's slots. */
    boolean targets(int[] recurSlots) {
        return recurSlots == slots;
    }

    /** Notes a local read in tail position of the loop: it is the loop's result, which may escape. */
    void returned(EvalNode node) {
        for (EvalNode candidate : candidates) {
            if (candidate == node) {
                safeReads.merge(node, 1, Integer::sum);
            }
        }
    }

    /** The node for the recur value of binding {@code index}, made owned when it is an assoc on that binding. */
    EvalNode recurValue(int index, EvalNode value) {
        EvalNode candidate = candidates[index];
        if (candidate == null) {
            return value;
        }
        if (value == candidate) {
            safeReads.merge(candidate, 1, Integer::sum);
            return value;
        }
        Builtin assoc = OwnedAssoc.assocCalled(value);
        if (assoc == null || ((CallNode) value).args()[0] != candidate) {
            return value;
        }
        safeReads.merge(candidate, 1, Integer::sum);
        OwnedAssoc owned = new OwnedAssoc((CallNode) value, assoc, slots[index], budget);
        assocs.computeIfAbsent(candidate, c -> new ArrayList<>()).add(owned);
        return owned;
    }

    /**
     * Once the body is analysed: lets the assocs on variables that qualify use a table, and returns the slot
     * of the flag that says the loop still owns its maps, or -1 when no variable qualifies.
     */
    int finish(Scope scope) {
        int tokenSlot = -1;
        for (Map.Entry<EvalNode, List<OwnedAssoc>> entry : assocs.entrySet()) {
            if (scope.reads(entry.getKey()) != safeReads.getOrDefault(entry.getKey(), 0)) {
                continue;
            }
            if (tokenSlot < 0) {
                tokenSlot = scope.newSlot();
            }
            for (OwnedAssoc owned : entry.getValue()) {
                owned.own(tokenSlot);
            }
        }
        return tokenSlot;
    }
}
