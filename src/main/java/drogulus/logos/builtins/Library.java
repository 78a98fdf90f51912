package drogulus.logos.builtins;

import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Interp;
import drogulus.logos.eval.Intrinsic;

/**
 * Defines built-ins into one interpreter's globals; each group of built-ins is one class using this.
 *
 * <p>The groups write their bodies as anonymous classes rather than lambdas. Every run defines all ~370
 * built-ins before it does anything else, and each lambda is an invokedynamic site that the JVM links on its
 * first run through the lambda factory, ~0.1 ms each in a cold JVM even when the class-data archive holds the
 * class it makes: ~30 ms of CPU per start. An anonymous class comes ready from the archive (bench/README.md,
 * "Start-up"). Lambdas made only when a built-in runs (a function made by comp, a lazy step) stay lambdas.
 */
final class Library {
    private final Interp interp;

    Library(Interp interp) {
        this.interp = interp;
    }

    Interp interp() {
        return interp;
    }

    /** Defines a built-in; {@code max} is {@link Builtin#VARIADIC} for any number from {@code min} on. */
    void def(String name, String doc, int min, int max, Builtin.Body body) {
        interp.globals().define(new Builtin(name, doc, min, max, body));
    }

    /** Defines a built-in with fast paths for one and/or two arguments (either may be null). */
    void def(String name, String doc, int min, int max, Builtin.Body body, Builtin.Body1 one, Builtin.Body2 two) {
        interp.globals().define(new Builtin(name, doc, min, max, body, one, two));
    }

    /** Defines a built-in the evaluator may run inline, as {@code kind} says (see {@link Intrinsic}). */
    void def(String name, String doc, int min, int max, Intrinsic kind, Builtin.Body body) {
        interp.globals().define(new Builtin(name, doc, min, max, body).as(kind));
    }

    /** Defines a built-in with fast paths that the evaluator may also run inline, as {@code kind} says. */
    void def(String name, String doc, int min, int max, Intrinsic kind, Builtin.Body body, Builtin.Body1 one,
             Builtin.Body2 two) {
        interp.globals().define(new Builtin(name, doc, min, max, body, one, two).as(kind));
    }

    /** Charges the interpreter's budget for a new collection of {@code items} elements. */
    void chargeItems(long items) {
        interp.budget().allocate(32 + 16 * items);
    }

    /** Charges the interpreter's budget for a new string of {@code chars} characters. */
    void chargeChars(long chars) {
        interp.budget().allocate(40 + 2 * chars);
    }

    /** Charges steps for work that grows with its input, so one call cannot escape the step budget. */
    void chargeSteps(long steps) {
        interp.budget().steps(steps);
    }
}
