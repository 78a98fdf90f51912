package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import org.junit.jupiter.api.Test;

/**
 * A built-in's own copy of the call path (LoopCall) calls a function exactly as {@link Interp#apply} does: the same
 * result, the same steps charged, the same depth afterwards, the same errors, for compiled closures (the path it
 * takes itself) and everything else (which it hands to apply).
 */
class LoopCallTest {
    private final Budget budget = Budget.limited(Long.MAX_VALUE / 2, 600_000, Long.MAX_VALUE / 2, 200);
    private final Interp interp = CoreLibrary.standard(budget);
    private final LoopCall copy = LoopCall.create();

    private Object define(String source) {
        return interp.evalString(source, "test");
    }

    /** A closure called often enough that its body is compiled. */
    private Object compiled(String source) {
        Object f = define(source);
        Closure closure = (Closure) f;
        Arity arity = closure.arities[0];
        Object[] args = arity.required == 1 ? new Object[] {1L} : new Object[] {1L, 2L};
        for (int i = 0; i <= HotCode.compileAfter() && arity.compiledCode() == null; i++) {
            interp.apply(f, args);
        }
        assertNotNull(arity.compiledCode(), source);
        return f;
    }

    private interface Call {
        Object make();
    }

    /** The printed result and the steps charged. */
    private String charged(Call call) {
        long before = budget.stepsUsed();
        String result;
        try {
            result = Printer.print(call.make(), true);
        } catch (LogosError e) {
            result = "error: " + e.getMessage();
        }
        assertEquals(0, budget.depth(), "depth after the call");
        return result + " in " + (budget.stepsUsed() - before) + " steps";
    }

    @Test
    void eachPlaceGetsAClassOfItsOwn() {
        LoopCall other = LoopCall.create();
        assertNotSame(copy.getClass(), other.getClass());
        assertNotSame(LoopCallCopy.class, copy.getClass());
        assertTrue(copy.getClass().isHidden());
    }

    @Test
    void aCompiledClosureIsCalledAsApplyCallsIt() {
        Object one = compiled("(fn [x] {:x x :s (str \"c\" (mod x 10)) :big (> x 3)})");
        for (long x = 0; x < 6; x++) {
            long item = x;
            assertEquals(charged(() -> interp.apply(one, item)), charged(() -> copy.call1(interp, one, item)));
        }
        Object two = compiled("(fn [acc x] (+ acc (* x x)))");
        assertEquals(charged(() -> interp.apply2(two, 5L, 7L)), charged(() -> copy.call2(interp, two, 5L, 7L)));
    }

    @Test
    void aTailCallFromACompiledBodyIsMade() {
        define("(defn other [a b] (if (zero? a) b (other (dec a) (+ b a))))");
        Object tail = compiled("(fn [a b] (other a b))");
        assertEquals(charged(() -> interp.apply2(tail, 10L, 0L)), charged(() -> copy.call2(interp, tail, 10L, 0L)));
        assertTrue(charged(() -> copy.call2(interp, tail, 10L, 0L)).startsWith("55 in "));
    }

    @Test
    void errorsAndTheDepthLimitAreApplys() {
        Object failing = compiled("(fn [x] (if (> x 5) (throw (ex-info \"big\" {:x x})) x))");
        for (int i = 0; i < 500; i++) {
            // More failures than the depth limit: each call leaves the depth as it found it.
            assertEquals(charged(() -> interp.apply(failing, 9L)), charged(() -> copy.call1(interp, failing, 9L)));
        }
        define("(defn deep [n] (if (zero? n) 0 (inc (deep (dec n)))))");
        Object deep = compiled("(fn [n] (deep n))");
        assertThrows(LogosError.class, () -> copy.call1(interp, deep, 500L));
        assertEquals(0, budget.depth());
        assertEquals(charged(() -> interp.apply(deep, 500L)), charged(() -> copy.call1(interp, deep, 500L)));
    }

    @Test
    void everythingElseGoesThroughApply() {
        Object[] functions = {
            define("(fn [x] (* x 2))"),
            define("(fn ([x] x) ([x y] (+ x y)))"),
            define("(fn [x & more] (cons x more))"),
            define("(fn [a b] [a b])"),
            define("+"), define("inc"), define(":a"), define("{1 :one 2 :two}"), define("#{1 2}"), define("[10 20]"),
            define("(fnil + 100)"),
        };
        Object[] arguments = {0L, 1L, null, define("{:a 3}")};
        for (Object f : functions) {
            for (Object a : arguments) {
                assertEquals(charged(() -> interp.apply(f, a)), charged(() -> copy.call1(interp, f, a)), f + " " + a);
                assertEquals(charged(() -> interp.apply2(f, a, 1L)), charged(() -> copy.call2(interp, f, a, 1L)),
                    f + " " + a);
            }
        }
    }
}
