package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.read.Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code (reduce f init (map g coll))} folded without making the mapped sequence ({@link ReduceOfMap}) does what
 * the two calls do: the same result, the same calls of g and f in the same order (g over a whole chunk before f
 * over its items), the same steps and memory charged, the same errors. Each program is compared with itself
 * written so that the sequence is bound to a name first, which the fold does not apply to.
 */
@Timeout(60)
class ReduceOfMapTest {
    /** g and f log their calls, so that the order of their effects shows in the result. */
    private static final String DEFS = """
        (def log (atom []))
        (defn g [x] (swap! log conj [:g x]) (* 2 x))
        (defn f [acc y] (swap! log conj [:f y]) (if (and (number? y) (> y 100)) (reduced [:stop acc]) (+ acc y)))
        """;

    private static final String[] COLLS = {"[1 2 3]", "(vec (range 70))", "(apply list (range 70))", "'(4 5)",
        "nil", "[]", "'()", "(vals {:a 1 :b 2})", "#{1 2}", "(range 40)", "{:a 1}", "\"ab\""};

    /** The program with the map call as reduce's argument, as written, or bound first (which is never folded). */
    private static String program(String coll, boolean folded) {
        // Both inside a let, which costs its own steps.
        return folded ? "[(let [s nil] (reduce f 0 (map g " + coll + "))) @log]"
            : "[(let [s (map g " + coll + ")] (reduce f 0 s)) @log]";
    }

    private static String run(Budget budget, String program) {
        // Set-up is exempt, so that the limits found are the program's alone.
        Interp[] made = new Interp[1];
        budget.exempt(() -> {
            made[0] = CoreLibrary.standard(budget);
            made[0].evalString(DEFS, "test");
        });
        Interp interp = made[0];
        try {
            return Printer.print(interp.evalString(program, "test"), true);
        } catch (LogosError e) {
            if (e instanceof LimitExceeded) {
                throw e;
            }
            // Not the position: the map call is at another column in the two ways of writing the program.
            return "error " + e.getMessage();
        }
    }

    @Test
    void theReduceOfAMapIsFolded() {
        Interp interp = CoreLibrary.standard();
        interp.evalString(DEFS, "test");
        EvalNode node = new Analyzer(interp).analyze(new Reader("(reduce f 0 (map g [1]))", "test").next(),
            new Scope(null), Analyzer.Tail.FN);
        assertInstanceOf(ReduceOfMap.class, node);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1 2 3]", "(vec (range 70))", "(apply list (range 70))", "'(4 5)", "nil", "[]", "'()",
        "(vals {:a 1 :b 2})", "#{1 2}", "(range 40)", "{:a 1}", "\"ab\"", "5", "[1 2 60 3 4]",
        "(apply list (range 45 60))"})
    void foldingGivesTheSameResultAndEffectsAsTheSequence(String coll) {
        String folded = run(Budget.unlimited(), program(coll, true));
        assertEquals(run(Budget.unlimited(), program(coll, false)), folded);
    }

    @Test
    void foldingChargesTheStepsAndMemoryOfTheSequence() {
        for (String coll : COLLS) {
            for (String wrapped : new String[] {coll, "[(+ 1 2) 60 1]"}) {
                long steps = fewest(false, program(wrapped, false));
                assertEquals(steps, fewest(false, program(wrapped, true)), "steps for " + wrapped);
                long memory = fewest(true, program(wrapped, false));
                assertEquals(memory, fewest(true, program(wrapped, true)), "memory for " + wrapped);
                // The limit met half way shows the calls made before it, which must be the same too.
                assertEquals(halfWay(steps, program(wrapped, false)), halfWay(steps, program(wrapped, true)), wrapped);
            }
        }
    }

    /** The calls of g and f logged when the program runs on half the steps a whole run needs. */
    private static String halfWay(long steps, String program) {
        Budget budget = Budget.limited(steps / 2, 60_000, Long.MAX_VALUE, 10_000);
        Interp[] made = new Interp[1];
        budget.exempt(() -> {
            made[0] = CoreLibrary.standard(budget);
            made[0].evalString(DEFS, "test");
        });
        assertTrue(steps < 4 || assertLimited(made[0], program), program);
        budget.reset();
        return Printer.print(made[0].evalString("@log", "test"), true);
    }

    private static boolean assertLimited(Interp interp, String program) {
        try {
            interp.evalString(program, "test");
            return false;
        } catch (LimitExceeded e) {
            return true;
        }
    }

    /** The fewest steps, or bytes of memory, the program runs in: found by bisection over limits. */
    private static long fewest(boolean memory, String program) {
        long low = 0;
        long high = 10_000_000;
        while (low + 1 < high) {
            long mid = (low + high) / 2;
            Budget budget = memory ? Budget.limited(Long.MAX_VALUE / 4, 60_000, mid, 10_000)
                : Budget.limited(mid, 60_000, Long.MAX_VALUE, 10_000);
            try {
                run(budget, program);
                high = mid;
            } catch (LimitExceeded e) {
                low = mid;
            }
        }
        assertTrue(high < 10_000_000, program);
        return high;
    }

    @Test
    void redefiningReduceOrMapIsSeen() {
        Interp interp = CoreLibrary.standard();
        interp.evalString(DEFS + "(defn total [v] (reduce + 0 (map inc v)))", "test");
        assertEquals(9L, interp.evalString("(total [1 2 3])", "test"));
        interp.evalString("(def map (fn [h v] [100]))", "test");
        assertEquals(100L, interp.evalString("(total [1 2 3])", "test"));
        interp.evalString("(def reduce (fn [h init s] [:mine init s]))", "test");
        assertEquals("[:mine 0 [100]]", Printer.print(interp.evalString("(total [1 2 3])", "test"), true));
    }
}
