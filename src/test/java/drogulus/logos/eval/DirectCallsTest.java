package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls that compiled code makes to compiled closures at the call site ({@link DirectCalls}) behave as calls
 * through {@link Interp#call}: the same values, tail calls, errors and stack frames, and the same steps and call
 * depth charged. Each program runs once with every body compiled at its first call and once as trees.
 */
@Timeout(60)
class DirectCallsTest {
    private static final String DEFS = """
        (defn tak [x y z] (if (not (< y x)) z (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))
        (defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
        (defn h [x] [:h x])
        (defn g [x] (if (odd? x) (h x) x))
        (defn f [x] (let [r (g x)] [r (g (inc x))]))
        (defn boom [x] (if (zero? x) (+ x "no") (inc (boom (dec x)))))
        (defn user [x] (boom x))
        """;

    @AfterEach
    void restoreCompileAfter() {
        HotCode.setCompileAfter(Integer.getInteger("drogulus.compileAfter", 1000));
    }

    private static Interp interp(Budget budget, boolean compiled) {
        HotCode.setCompileAfter(compiled ? 1 : 0);
        Interp interp = CoreLibrary.standard(budget);
        interp.evalString(DEFS, "test");
        return interp;
    }

    private static String run(Budget budget, boolean compiled, String program) {
        Interp interp = interp(budget, compiled);
        long before = HotCode.compiled();
        // Twice: the first run compiles the bodies at their first calls, the second runs them compiled throughout.
        interp.evalString(program, "test");
        String out = Printer.print(interp.evalString(program, "test"), true);
        assertTrue(!compiled || HotCode.compiled() > before, "nothing was compiled");
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"(tak 12 8 4)", "(fib 15)", "[(f 1) (f 2)]", "(map (fn [x] (f x)) [5 6])"})
    void compiledCallsGiveWhatTreesGive(String program) {
        assertEquals(run(Budget.unlimited(), false, program), run(Budget.unlimited(), true, program));
    }

    @Test
    void aGlobalRedefinedAfterCompilingIsCalledAsItIsNow() {
        Interp interp = interp(Budget.unlimited(), true);
        interp.evalString("(defn twice [x] (* 2 x)) (defn use [x] (+ 1 (twice x)))", "test");
        assertEquals(7L, interp.evalString("(use 3)", "test"));
        assertEquals(7L, interp.evalString("(use 3)", "test"));
        interp.evalString("(def twice (fn ([x] (* 3 x)) ([x y] y)))", "test");
        assertEquals(10L, interp.evalString("(use 3)", "test"));
        interp.evalString("(def twice inc)", "test");
        assertEquals(5L, interp.evalString("(use 3)", "test"));
        interp.evalString("(def twice {3 :three})", "test");
        LogosError e = assertThrows(LogosError.class, () -> interp.evalString("(use 3)", "test"));
        assertTrue(e.getMessage().contains("expects a number"), e.getMessage());
    }

    @Test
    void anErrorInADirectlyCalledBodyHasTheTreesMessageAndStack() {
        LogosError tree = assertThrows(LogosError.class,
            () -> interp(Budget.unlimited(), false).evalString("(user 3)", "test"));
        Interp compiled = interp(Budget.unlimited(), true);
        assertThrows(LogosError.class, () -> compiled.evalString("(user 2)", "test"));
        LogosError direct = assertThrows(LogosError.class, () -> compiled.evalString("(user 3)", "test"));
        assertEquals(tree.getMessage(), direct.getMessage());
        assertEquals(tree.logosStack(), direct.logosStack());
        assertEquals(String.valueOf(tree.position()), String.valueOf(direct.position()));
    }

    /** The fewest steps the program runs in: found by bisection over step limits. */
    private static long stepsNeeded(boolean compiled, String program) {
        long low = 0;
        long high = 1_000_000;
        while (low + 1 < high) {
            long mid = (low + high) / 2;
            if (fits(Budget.limited(mid, 60_000, Long.MAX_VALUE, 10_000), compiled, program)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    /** Whether the program runs within the budget, once its functions are defined and compiled in a first run. */
    private static boolean fits(Budget budget, boolean compiled, String program) {
        Budget roomy = Budget.limited(Long.MAX_VALUE / 4, 60_000, Long.MAX_VALUE, budget.maxDepth());
        Interp interp = interp(roomy, compiled);
        interp.evalString(program, "test");
        // The same globals under the budget to test: closures defined anew there charge it.
        Interp limited = new Interp(interp.globals(), budget);
        try {
            limited.evalString(DEFS, "test");
            limited.evalString(program, "test");
            budget.reset();
            limited.evalString(program, "test");
            return true;
        } catch (LimitExceeded e) {
            return false;
        }
    }

    @Test
    void directCallsChargeTheStepsOfOrdinaryCalls() {
        for (String program : new String[] {"(tak 9 6 3)", "(fib 12)", "[(f 1) (f 2)]"}) {
            long trees = stepsNeeded(false, program);
            assertTrue(trees > 100, program + " needs " + trees);
            assertEquals(trees, stepsNeeded(true, program), program);
        }
    }

    @Test
    void directCallsCountTheDepthOfOrdinaryCalls() {
        assertEquals(deepestWithin(false), deepestWithin(true));
    }

    /** The deepest (down n) that runs within a depth of 150 calls. */
    private static long deepestWithin(boolean compiled) {
        Interp interp = interp(Budget.limited(Long.MAX_VALUE / 4, 60_000, Long.MAX_VALUE, 150), compiled);
        interp.evalString("(defn down [n] (if (zero? n) 0 (inc (down (dec n))))) (down 1) (down 1)", "test");
        long n = 100;
        while (true) {
            try {
                interp.evalString("(down " + (n + 1) + ")", "test");
                n++;
            } catch (LimitExceeded e) {
                assertTrue(e.getMessage().contains("depth"), e.getMessage());
                return n;
            }
        }
    }
}
