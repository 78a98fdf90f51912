package drogulus.logos.eval;

/** A macro: a function the analyser calls with unevaluated forms, whose result it analyses in their place. */
public final class Macro {
    final Closure expander;

    Macro(Closure expander) {
        this.expander = expander;
    }

    public String name() {
        return expander.name();
    }

    public String arglists() {
        return expander.arglists();
    }

    public String doc() {
        return expander.doc();
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return expander.hashCode() ^ 0x4d616372;
    }

    @Override
    public String toString() {
        return "#<macro " + name() + ">";
    }
}
