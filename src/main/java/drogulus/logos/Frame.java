package drogulus.logos;

/** The locals of one running function body: its slots, the values its closure captured, and itself. */
final class Frame {
    final Object[] slots;
    final Object[] captured;
    final Closure self;

    Frame(int size, Object[] captured, Closure self) {
        this.slots = new Object[size];
        this.captured = captured;
        this.self = self;
    }
}
