package drogulus.logos;

/** A mutable reference, Logos's one place for state: {@code atom}, {@code deref}, {@code reset!}, {@code swap!}. */
public final class Atom {
    private volatile Object value;

    public Atom(Object value) {
        this.value = value;
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
