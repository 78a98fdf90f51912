package drogulus.logos.eval;

import drogulus.logos.builtins.CoreLibrary;

/**
 * The memory and steps a program is charged under the sandbox, counted from a fresh standard environment whose
 * own start is not counted: for tests that pin what a way of doing a thing charges, or compare two ways.
 */
record Charges(long memory, long steps) {
    static Charges of(String source) {
        Budget budget = Budget.limited(Long.MAX_VALUE / 2, 600_000, Long.MAX_VALUE / 2, 10_000);
        Interp interp = CoreLibrary.standard(budget);
        budget.reset();
        long before = budget.memoryLeft();
        interp.evalString(source, "test");
        return new Charges(before - budget.memoryLeft(), budget.stepsUsed());
    }
}
