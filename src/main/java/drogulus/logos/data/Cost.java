package drogulus.logos.data;

/**
 * What building, walking or encoding a value costs, charged as it happens. The evaluator's budget is one; layers
 * below the evaluator (crypto, json) see only this, so they need not know how evaluation is limited.
 *
 * <p>Work that happens inside Java's own protocols (hashing, equality, printing) has no parameter to pass a cost
 * through, so it charges {@link #current()}, the cost of the evaluation running on this thread.
 */
public interface Cost {
    /** Charges nothing: the cost of code that runs outside any evaluation. */
    Cost FREE = new Cost() {
        @Override
        public void steps(long count) {
        }

        @Override
        public void allocate(long bytes) {
        }
    };

    /** Charges work proportional to the input, a step per item walked; may end the evaluation. */
    void steps(long count);

    /** Charges memory the program allocates; may end the evaluation. */
    void allocate(long bytes);

    /**
     * Reads the clock now rather than at the next periodic check: for built-ins whose single call may take
     * long (big-number arithmetic, key parsing) and which may be called in a loop.
     */
    default void checkTime() {
    }

    /** The cost charged by evaluation on this thread; {@link #FREE} outside any. */
    static Cost current() {
        return CurrentCost.CURRENT.get();
    }

    /** Makes cost the current one on this thread; returns the one it replaces, for {@link #restore}. */
    static Cost install(Cost cost) {
        Cost previous = CurrentCost.CURRENT.get();
        CurrentCost.CURRENT.set(cost);
        return previous;
    }

    /** Puts back the cost that {@link #install} replaced. */
    static void restore(Cost previous) {
        CurrentCost.CURRENT.set(previous);
    }
}
