package drogulus.logos.eval;

import drogulus.logos.data.LMap;
import drogulus.logos.data.Seqable;

/** {@code let}, {@code loop} and {@code recur}, and the accessors destructuring expands into. */
final class BindingNodes {
    /** What {@code recur} returns to its loop after rebinding the loop's slots. */
    static final Object RECUR = new Object();

    private BindingNodes() {
    }

    static final class Let extends EvalNode {
        final EvalNode[] bindings;
        final EvalNode body;

        Let(EvalNode[] bindings, EvalNode body) {
            super(null);
            this.bindings = bindings;
            this.body = body;
        }

        @Override
        Object eval(Frame frame) {
            for (EvalNode binding : bindings) {
                binding.eval(frame);
            }
            return body.eval(frame);
        }
    }

    static final class Loop extends EvalNode {
        static final Object OWNED = new Object();
        final EvalNode[] init;
        final EvalNode[] unpack;
        final EvalNode body;
        final Budget budget;
        /** Steps charged per iteration: the size of the body. */
        final int weight;
        /** The slot that says the loop still owns its maps (LoopOwnership); -1 when it has none to own. */
        final int tokenSlot;
        /** Iterations run as a tree; the body is compiled when it reaches HotCode.compileAfter(). Racy, harmlessly. */
        private int iterations;
        /** The body compiled, for a loop that runs long outside any compiled function; null until then. */
        private CompiledCode compiled;

        Loop(EvalNode[] init, EvalNode[] unpack, EvalNode body, Budget budget, int weight, int tokenSlot) {
            super(null);
            this.init = init;
            this.unpack = unpack;
            this.body = body;
            this.budget = budget;
            this.weight = weight;
            this.tokenSlot = tokenSlot;
        }

        /** The loop's value from the body's: a map built in a table becomes a persistent map. */
        static Object result(Object bodyResult) {
            return bodyResult instanceof OwnedMap owned ? owned.freeze() : bodyResult;
        }

        /** Whether analysis found a map this loop may build in a table (for tests of that analysis). */
        boolean ownsMaps() {
            return tokenSlot >= 0;
        }

        @Twin("loop")
        @Override
        Object eval(Frame frame) {
            for (EvalNode binding : init) {
                binding.eval(frame);
            }
            if (tokenSlot >= 0) {
                frame.slots[tokenSlot] = OWNED;
            }
            while (true) {
                CompiledCode code = compiled;
                Object result = code != null ? code.run(frame) : body.eval(frame);
                if (result != RECUR) {
                    return result(result);
                }
                if (code == null && ++iterations == HotCode.compileAfter()) {
                    HotCode.compile(body, budget, null, ready -> compiled = ready);
                }
                budget.steps(weight);
                for (EvalNode binding : unpack) {
                    binding.eval(frame);
                }
            }
        }
    }

    /** {@code recur} to a loop: evaluates all new values, then stores them in the loop's slots. */
    static final class RecurToLoop extends EvalNode {
        final EvalNode[] values;
        final int[] slots;

        RecurToLoop(EvalNode[] values, int[] slots) {
            super(null);
            this.values = values;
            this.slots = slots;
        }

        @Twin("recur")
        @Override
        Object eval(Frame frame) {
            int n = values.length;
            if (n == 1) {
                frame.slots[slots[0]] = values[0].eval(frame);
                return RECUR;
            }
            Object[] next = new Object[n];
            for (int i = 0; i < n; i++) {
                next[i] = values[i].eval(frame);
            }
            for (int i = 0; i < n; i++) {
                frame.slots[slots[i]] = next[i];
            }
            return RECUR;
        }
    }

    /** {@code recur} to the enclosing function: a tail call to itself. A variadic rest arrives as one seq. */
    static final class RecurToFn extends EvalNode {
        private final EvalNode[] values;
        private final boolean variadic;

        RecurToFn(EvalNode[] values, boolean variadic) {
            super(null);
            this.values = values;
            this.variadic = variadic;
        }

        @Override
        Object eval(Frame frame) {
            int n = values.length;
            Object[] args = new Object[n];
            for (int i = 0; i < n; i++) {
                args[i] = values[i].eval(frame);
            }
            if (variadic) {
                Object[] rest = Seqable.toArray(args[n - 1]);
                Object[] spread = new Object[n - 1 + rest.length];
                System.arraycopy(args, 0, spread, 0, n - 1);
                System.arraycopy(rest, 0, spread, n - 1, rest.length);
                args = spread;
            }
            return new TailCall(frame.self, args, position);
        }
    }

    /** Item {@code index} of a sequential value, or nil past its end: {@code [a b]} destructuring. */
    static final class Nth extends EvalNode {
        private final EvalNode source;
        private final int index;

        Nth(EvalNode source, int index) {
            super(null);
            this.source = source;
            this.index = index;
        }

        @Override
        Object eval(Frame frame) {
            return Seqable.nthOrNil(source.eval(frame), index);
        }
    }

    /** Items from {@code index} on as a list, or nil: {@code [a & more]} destructuring. */
    static final class NthRest extends EvalNode {
        private final EvalNode source;
        private final int index;

        NthRest(EvalNode source, int index) {
            super(null);
            this.source = source;
            this.index = index;
        }

        @Override
        Object eval(Frame frame) {
            return Seqable.restFrom(source.eval(frame), index);
        }
    }

    /** The value under a key, or a default when the key is absent: {@code {:keys [a]}} destructuring. */
    static final class Lookup extends EvalNode {
        private final EvalNode source;
        private final Object key;
        private final EvalNode otherwise;

        Lookup(EvalNode source, Object key, EvalNode otherwise) {
            super(null);
            this.source = source;
            this.key = key;
            this.otherwise = otherwise;
        }

        @Override
        Object eval(Frame frame) {
            Object value = source.eval(frame);
            LMap map = Seqable.asMap(value);
            if (map != null) {
                Object found = map.get(key, this);
                if (found != this) {
                    return found;
                }
            }
            return otherwise == null ? null : otherwise.eval(frame);
        }
    }
}
