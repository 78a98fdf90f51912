package drogulus.logos.data;

/** Anything Logos can call: built-ins, closures, and collections or keywords used as functions. */
public interface LFn {
    /** Calls the function; arguments are never modified by the callee. */
    Object invoke(Object... args);

    /** A name for error messages and stack frames. */
    String name();
}
