package drogulus.logos.eval;

import drogulus.logos.data.LFn;
import drogulus.logos.data.LogosError;

/** A function written in Logos: its arities, the values it captured when created, and its interpreter. */
public final class Closure implements LFn {
    final String name;
    final Arity[] arities;
    final Object[] captured;
    final Interp interp;
    final String doc;

    Closure(String name, Arity[] arities, Object[] captured, Interp interp, String doc) {
        this.name = name;
        this.arities = arities;
        this.captured = captured;
        this.interp = interp;
        this.doc = doc;
    }

    /**
     * The one arity, when it is the closure's only one, takes exactly {@code args} arguments and has been compiled:
     * the calls the direct paths (a call site's, a loop's) make themselves; null for any other.
     */
    Arity compiledOnly(int args) {
        if (arities.length != 1) {
            return null;
        }
        Arity arity = arities[0];
        return arity.required == args && !arity.variadic && arity.compiled != null ? arity : null;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        int hash = name().hashCode();
        for (Arity arity : arities) {
            hash = 31 * hash + arity.required * 2 + (arity.variadic ? 1 : 0);
        }
        return hash;
    }

    @Override
    public Object invoke(Object... args) {
        return interp.call(this, args);
    }

    @Override
    public String name() {
        return name == null ? "fn" : name;
    }

    public String doc() {
        return doc;
    }

    /** The parameter vectors of its arities as written, "([x] [x y])", as {@code (doc f)} shows them first. */
    public String arglists() {
        StringBuilder out = new StringBuilder("(");
        for (Arity arity : arities) {
            if (out.length() > 1) {
                out.append(' ');
            }
            out.append(drogulus.logos.data.Printer.print(arity.params, true));
        }
        return out.append(')').toString();
    }

    Arity arityFor(int count) {
        if (arities.length == 1 && arities[0].required == count && !arities[0].variadic) {
            return arities[0];
        }
        for (Arity arity : arities) {
            if (arity.accepts(count)) {
                return arity;
            }
        }
        StringBuilder expected = new StringBuilder();
        for (Arity arity : arities) {
            if (expected.length() > 0) {
                expected.append(" or ");
            }
            expected.append(arity.required).append(arity.variadic ? " or more" : "");
        }
        throw new LogosError("Wrong number of arguments to " + name() + ": expected " + expected + ", got "
            + count);
    }

    @Override
    public String toString() {
        return "#<fn " + name() + ">";
    }
}
