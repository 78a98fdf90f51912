package drogulus.logos.eval;

import drogulus.logos.data.Position;

/**
 * A call in tail position, returned instead of made: the closure running it makes the call in its own loop,
 * so a chain of tail calls runs in constant Java stack.
 */
final class TailCall {
    final Object fn;
    final Object[] args;
    /** Where the call was written, or null: an error in making it (arity) names this place, not the caller's. */
    final Position position;

    TailCall(Object fn, Object[] args, Position position) {
        this.fn = fn;
        this.args = args;
        this.position = position;
    }
}
