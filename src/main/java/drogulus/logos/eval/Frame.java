package drogulus.logos.eval;

/** The locals of one running function body: its slots, the values its closure captured, and itself. */
final class Frame {
    final Object[] slots;
    final Object[] captured;
    final Closure self;

    Frame(int size, Object[] captured, Closure self) {
        this(new Object[size], captured, self);
    }

    /** A frame over an existing slot array, such as a call's argument array when it is exactly the right size. */
    Frame(Object[] slots, Object[] captured, Closure self) {
        this.slots = slots;
        this.captured = captured;
        this.self = self;
    }
}
