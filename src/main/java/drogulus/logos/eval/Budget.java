package drogulus.logos.eval;

import drogulus.logos.data.Cost;
import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;

/**
 * What one interpreter may still spend: evaluation steps, wall-clock time, memory counted by the interpreter,
 * and call depth. The evaluator charges a step on every call and loop iteration; built-ins that allocate
 * charge memory. Checks are cheap counters: the clock is read only every few thousand steps.
 */
public final class Budget implements Cost {
    /** Call depth allowed to code that asks for no limit; the interpreter thread's stack is sized for it. */
    public static final int DEFAULT_MAX_DEPTH = 100_000;
    private static final long CHECK_EVERY = 4096;
    /** Enough for the hot code of a large program; few enough that sandboxed code cannot fill the JVM with classes. */
    static final int MAX_LIMITED_COMPILATIONS = 256;

    private final long stepLimit;
    private final long timeLimitMillis;
    private final long memoryLimit;
    private final int maxDepth;

    /** Steps left before the next slow check, and the size of the chunk it was counted down from. */
    private long fuel;
    private long chunk;
    /** Steps spent in chunks already checked. */
    private long stepsBanked;
    private long deadline;
    private long memoryLeft;
    private int depth;
    /** Set while trusted set-up code (the standard library) runs: nothing is charged. */
    private boolean exempt;
    /**
     * Function and loop bodies this budget's code may still have compiled to JVM classes. Not counted as
     * memory, so that a limit never depends on whether code got hot; once spent, code stays a tree.
     */
    private int compilationsLeft;

    private Budget(long stepLimit, long timeLimitMillis, long memoryLimit, int maxDepth) {
        this.stepLimit = stepLimit;
        this.timeLimitMillis = timeLimitMillis;
        this.memoryLimit = memoryLimit;
        this.maxDepth = maxDepth;
        this.compilationsLeft = isLimited() ? MAX_LIMITED_COMPILATIONS : Integer.MAX_VALUE;
        reset();
    }

    /** No limits but the call depth; still notices thread interruption (Ctrl-C at the REPL). */
    public static Budget unlimited() {
        return new Budget(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, DEFAULT_MAX_DEPTH);
    }

    /** No limits, and no body ever compiled: code runs only as trees, as the differential tests need. */
    public static Budget unlimitedTreesOnly() {
        Budget budget = unlimited();
        budget.compilationsLeft = 0;
        return budget;
    }

    public static Budget limited(long steps, long timeMillis, long memoryBytes, int maxDepth) {
        return new Budget(steps, timeMillis, memoryBytes, maxDepth);
    }

    public boolean isLimited() {
        return stepLimit != Long.MAX_VALUE || timeLimitMillis != Long.MAX_VALUE || memoryLimit != Long.MAX_VALUE;
    }

    /** Starts a fresh allowance, as at the start of one sandboxed evaluation. */
    public void reset() {
        chunk = Math.min(stepLimit, CHECK_EVERY);
        fuel = chunk;
        stepsBanked = 0;
        deadline = deadlineAfter(timeLimitMillis);
        memoryLeft = memoryLimit;
        depth = 0;
    }

    /** The nanoTime when a limit of millis ends; Long.MAX_VALUE for limits too far off to count in nanoseconds. */
    static long deadlineAfter(long millis) {
        if (millis == Long.MAX_VALUE || millis > Long.MAX_VALUE / 2_000_000L) {
            return Long.MAX_VALUE;
        }
        long now = System.nanoTime();
        long nanos = millis * 1_000_000L;
        return now > Long.MAX_VALUE - nanos ? Long.MAX_VALUE : now + nanos;
    }

    @Override
    public void checkTime() {
        if (exempt) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            Thread.interrupted();
            throw new LogosError("Interrupted");
        }
        if (deadline != Long.MAX_VALUE && System.nanoTime() > deadline) {
            fuel = chunk = 0;
            throw new LimitExceeded("time", timeLimitMillis + " ms");
        }
    }

    /** Charges many steps at once, for built-ins whose work grows with their input. */
    @Override
    public void steps(long count) {
        fuel -= count;
        if (fuel < 0) {
            refuel();
        }
    }

    /** Runs trusted set-up code without charging it; the allowance starts afresh afterwards. */
    public void exempt(Runnable setup) {
        boolean saved = exempt;
        exempt = true;
        try {
            setup.run();
        } finally {
            exempt = saved;
            reset();
        }
    }

    /**
     * Runs trusted code in the middle of a program's own (a library definition loaded when the program first
     * names it) without charging it and without touching the program's allowance: its steps, memory, depth
     * and time are as they were, so what the program is charged never depends on what was loaded when.
     */
    void exemptInPassing(Runnable setup) {
        boolean savedExempt = exempt;
        long savedFuel = fuel;
        long savedChunk = chunk;
        long savedBanked = stepsBanked;
        long savedMemory = memoryLeft;
        int savedDepth = depth;
        exempt = true;
        depth = 0;
        try {
            setup.run();
        } finally {
            exempt = savedExempt;
            fuel = savedFuel;
            chunk = savedChunk;
            stepsBanked = savedBanked;
            memoryLeft = savedMemory;
            depth = savedDepth;
        }
    }

    private void refuel() {
        if (exempt) {
            chunk = CHECK_EVERY;
            fuel = chunk;
            return;
        }
        stepsBanked += chunk - fuel;
        if (Thread.currentThread().isInterrupted()) {
            Thread.interrupted();
            fuel = chunk = 0;
            throw new LogosError("Interrupted");
        }
        if (stepsBanked > stepLimit) {
            fuel = chunk = 0;
            throw new LimitExceeded("steps", stepLimit + " evaluation steps");
        }
        if (deadline != Long.MAX_VALUE && System.nanoTime() > deadline) {
            fuel = chunk = 0;
            throw new LimitExceeded("time", timeLimitMillis + " ms");
        }
        chunk = Math.min(CHECK_EVERY, stepLimit - stepsBanked);
        fuel = chunk;
    }

    /** Steps charged since the last reset (what the step limit is compared with). */
    long stepsUsed() {
        return stepsBanked + (chunk - fuel);
    }

    /** Calls entered and not yet left. */
    int depth() {
        return depth;
    }

    /** Whether one more body may be compiled; counts it if so. */
    boolean allowCompilation() {
        if (compilationsLeft <= 0) {
            return false;
        }
        compilationsLeft--;
        return true;
    }

    /** Charges memory the program allocates; fails once the allowance is spent. */
    @Override
    public void allocate(long bytes) {
        if (exempt) {
            return;
        }
        memoryLeft -= bytes;
        if (memoryLeft < 0) {
            memoryLeft = 0;
            throw new LimitExceeded("memory", memoryLimit + " bytes");
        }
    }

    /** The memory allowance not yet spent (for tests that compare what two ways of doing one thing charge). */
    long memoryLeft() {
        return memoryLeft;
    }

    void enter() {
        if (++depth > maxDepth) {
            depth--;
            if (isLimited()) {
                throw new LimitExceeded("depth", maxDepth + " nested calls");
            }
            throw new LogosError("Stack overflow: recursion deeper than " + maxDepth + " calls");
        }
    }

    void exit() {
        depth--;
    }

    public int maxDepth() {
        return maxDepth;
    }
}
