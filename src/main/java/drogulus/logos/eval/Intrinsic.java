package drogulus.logos.eval;

/**
 * What the evaluator knows a built-in does, so that it may do the same work inline
 * (see {@link OwnedAssoc}, {@link OwnedStep} and {@link IntrinsicCalls}).
 * A node that relies on it checks, each time it runs, that the global still holds that very built-in.
 */
public enum Intrinsic {
    /** Not known to the evaluator: always called. */
    NONE,
    /** {@code assoc} on maps and vectors. */
    ASSOC,
    /** {@code update} on maps and vectors. */
    UPDATE,
    /** {@code get}. */
    GET,
    /** {@code +}. */
    ADD,
    /** {@code str}: called with three or more arguments, compiled code appends them without an array. */
    STR,
    /** {@code -}. */
    SUBTRACT,
    /** {@code <}. */
    LESS,
    /** {@code >}. */
    GREATER,
    /** {@code <=}. */
    LESS_OR_EQUAL,
    /** {@code >=}. */
    GREATER_OR_EQUAL,
    /** {@code =}. */
    EQUAL,
    /** {@code inc}. */
    INC,
    /** {@code dec}. */
    DEC,
    /** {@code not}. */
    NOT,
    /** {@code reduce}: folds a {@link #MAP} that is its collection argument without making the sequence. */
    REDUCE,
    /** {@code map}: its two-argument path is a {@link Fold}. */
    MAP
}
