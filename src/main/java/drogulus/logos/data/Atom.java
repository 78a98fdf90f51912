package drogulus.logos.data;

import java.util.concurrent.atomic.AtomicLong;

/** A mutable reference, Logos's one place for state: {@code atom}, {@code deref}, {@code reset!}, {@code swap!}. */
public final class Atom {
    /**
     * Atoms are equal only to themselves, as in Clojure, but hash by the order they were made in rather than by
     * address, so that a program keying a map by atoms iterates it the same way in every run.
     */
    private static final AtomicLong MADE = new AtomicLong();

    private final int hash = Long.hashCode(MADE.incrementAndGet() * 0x9e3779b97f4a7c15L);
    private volatile Object value;

    public Atom(Object value) {
        this.value = value;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    public Object deref() {
        return value;
    }

    public Object reset(Object newValue) {
        value = newValue;
        return newValue;
    }

    @Override
    public String toString() {
        return Printer.print(this, true);
    }
}
