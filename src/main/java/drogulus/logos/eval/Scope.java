package drogulus.logos.eval;

import drogulus.logos.data.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lexical scope of one function body while it is analysed: which names are visible and in which slot,
 * how many slots its frame needs, and which values it captures from enclosing functions. A captured value is
 * copied when the closure is made, which is exact because locals never change.
 */
final class Scope {
    /** Where {@code recur} goes from here: a loop's slots, or the function itself. */
    static final class RecurTarget {
        final int[] loopSlots;
        final int fnParams;
        final boolean fnVariadic;

        private RecurTarget(int[] loopSlots, int fnParams, boolean fnVariadic) {
            this.loopSlots = loopSlots;
            this.fnParams = fnParams;
            this.fnVariadic = fnVariadic;
        }

        static RecurTarget loop(int[] slots) {
            return new RecurTarget(slots, slots.length, false);
        }

        static RecurTarget fn(int params, boolean variadic) {
            return new RecurTarget(null, params, variadic);
        }

        int expected() {
            return loopSlots != null ? loopSlots.length : fnParams;
        }
    }

    private final Scope parent;
    private final List<Symbol> names = new ArrayList<>();
    private final List<EvalNode> refs = new ArrayList<>();
    private final List<EvalNode> captureSources = new ArrayList<>();
    private final Map<Symbol, Integer> captureIndex = new HashMap<>();
    /** How often each local's node has been handed out, directly or to a closure capturing it. */
    private final IdentityHashMap<EvalNode, Integer> reads = new IdentityHashMap<>();
    private int nextSlot;
    private int frameSize;
    RecurTarget recur;

    Scope(Scope parent) {
        this.parent = parent;
    }

    int newSlot() {
        int slot = nextSlot++;
        frameSize = Math.max(frameSize, nextSlot);
        return slot;
    }

    /** Starts the slots of another arity of the same function: each arity has its own frame. */
    void startArity() {
        nextSlot = 0;
        frameSize = 0;
    }

    int frameSize() {
        return frameSize;
    }

    void bind(Symbol name, EvalNode ref) {
        names.add(name);
        refs.add(ref);
    }

    /** Binds a name to a fresh slot and returns the slot. */
    int bindSlot(Symbol name) {
        int slot = newSlot();
        bind(name, new EvalNodes.Local(slot));
        return slot;
    }

    int mark() {
        return names.size();
    }

    /** Forgets names bound since the mark; their slots stay allocated, so closures made earlier are unaffected. */
    void reset(int mark) {
        while (names.size() > mark) {
            names.remove(names.size() - 1);
            refs.remove(refs.size() - 1);
        }
    }

    boolean isLocal(Symbol name) {
        for (int i = names.size() - 1; i >= 0; i--) {
            if (names.get(i) == name) {
                return true;
            }
        }
        return captureIndex.containsKey(name) || (parent != null && parent.isLocal(name));
    }

    /** A node that reads the local, or null when the name is not local (so it is global). */
    EvalNode resolve(Symbol name) {
        EvalNode ref = boundHere(name);
        if (ref != null) {
            reads.merge(ref, 1, Integer::sum);
            return ref;
        }
        Integer index = captureIndex.get(name);
        if (index != null) {
            return new EvalNodes.Captured(index);
        }
        if (parent == null) {
            return null;
        }
        EvalNode outer = parent.resolve(name);
        if (outer == null) {
            return null;
        }
        int slot = captureSources.size();
        captureSources.add(outer);
        captureIndex.put(name, slot);
        return new EvalNodes.Captured(slot);
    }

    /** The node of a name bound in this very scope, without counting it as a read; null if there is none. */
    EvalNode boundHere(Symbol name) {
        for (int i = names.size() - 1; i >= 0; i--) {
            if (names.get(i) == name) {
                return refs.get(i);
            }
        }
        return null;
    }

    /** How many times the code analysed so far reads the local whose node is {@code ref}. */
    int reads(EvalNode ref) {
        return reads.getOrDefault(ref, 0);
    }

    /** EvalNodes, valid in the enclosing function's frame, that produce the captured values in order. */
    EvalNode[] captureSources() {
        return captureSources.toArray(new EvalNode[0]);
    }
}
