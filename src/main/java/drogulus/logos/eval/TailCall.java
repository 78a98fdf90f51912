package drogulus.logos.eval;

/**
 * A call in tail position, returned instead of made: the closure running it makes the call in its own loop,
 * so a chain of tail calls runs in constant Java stack.
 */
final class TailCall {
    final Object fn;
    final Object[] args;

    TailCall(Object fn, Object[] args) {
        this.fn = fn;
        this.args = args;
    }
}
