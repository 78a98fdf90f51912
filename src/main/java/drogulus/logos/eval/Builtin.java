package drogulus.logos.eval;

import drogulus.logos.data.LFn;
import drogulus.logos.data.LogosError;

/** A function written in Java, with a name, a docstring and an arity that is checked on every call. */
public final class Builtin implements LFn {
    /** The Java side of a built-in; receives exactly the arguments given, arity already checked. */
    @FunctionalInterface
    public interface Body {
        Object apply(Object[] args);
    }

    /** An optional fast path for calls with exactly one argument, taken without building an array. */
    @FunctionalInterface
    public interface Body1 {
        Object apply(Object a);
    }

    /** An optional fast path for calls with exactly two arguments. */
    @FunctionalInterface
    public interface Body2 {
        Object apply(Object a, Object b);
    }

    /** Marks a built-in that takes any number of arguments from {@code minArgs} on. */
    public static final int VARIADIC = -1;

    private final String name;
    private final String doc;
    private final int minArgs;
    private final int maxArgs;
    private final Body body;
    final Body1 one;
    final Body2 two;
    private final Intrinsic intrinsic;

    public Builtin(String name, String doc, int minArgs, int maxArgs, Body body) {
        this(name, doc, minArgs, maxArgs, body, null, null);
    }

    /** A built-in with fast paths for one or two arguments (either may be null); they must agree with body. */
    public Builtin(String name, String doc, int minArgs, int maxArgs, Body body, Body1 one, Body2 two) {
        this(name, doc, minArgs, maxArgs, body, one, two, Intrinsic.NONE);
    }

    private Builtin(String name, String doc, int minArgs, int maxArgs, Body body, Body1 one, Body2 two,
                    Intrinsic intrinsic) {
        this.name = name;
        this.doc = doc;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.body = body;
        this.one = one;
        this.two = two;
        this.intrinsic = intrinsic;
    }

    /** This built-in, known to the evaluator as doing what {@code kind} names. */
    public Builtin as(Intrinsic kind) {
        return new Builtin(name, doc, minArgs, maxArgs, body, one, two, kind);
    }

    public Intrinsic intrinsic() {
        return intrinsic;
    }

    @Override
    public Object invoke(Object... args) {
        if (args.length < minArgs || (maxArgs != VARIADIC && args.length > maxArgs)) {
            throw new LogosError("Wrong number of arguments to " + name + ": expected " + arityText()
                + ", got " + args.length);
        }
        return body.apply(args);
    }

    @Override
    public String name() {
        return name;
    }

    public String doc() {
        return doc;
    }

    public int minArgs() {
        return minArgs;
    }

    public int maxArgs() {
        return maxArgs;
    }

    private String arityText() {
        if (maxArgs == VARIADIC) {
            return minArgs + " or more";
        }
        return minArgs == maxArgs ? Integer.toString(minArgs) : minArgs + " to " + maxArgs;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return name.hashCode() ^ 0x4275696c;
    }

    @Override
    public String toString() {
        return "#<builtin " + name + ">";
    }
}
