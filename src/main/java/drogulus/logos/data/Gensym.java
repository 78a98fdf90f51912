package drogulus.logos.data;

import java.util.concurrent.atomic.AtomicLong;

/** Fresh symbols for macros: a name no reader input can clash with by accident. */
public final class Gensym {
    private static final AtomicLong COUNTER = new AtomicLong();

    private Gensym() {
    }

    public static Symbol next(String prefix) {
        return Symbol.of(prefix + "__" + COUNTER.incrementAndGet() + "__auto__");
    }
}
