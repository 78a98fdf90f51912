package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * mapv, reduce and the map/filter fold call a compiled function in one frame reused from item to item
 * ({@link LoopCall#frameFor}). What a body makes in its frame (closures, lazy sequences, locals) keeps its own
 * values, a call of the same loop from inside the body has its own frame, and the charges are those main charged
 * before the change (2026-12-03), with 3,000 items so that the functions are compiled.
 */
class LoopFrameReuseTest {
    private final Budget budget = Budget.limited(Long.MAX_VALUE / 2, 600_000, Long.MAX_VALUE / 2, 200);
    private final Interp interp = CoreLibrary.standard(budget);
    private final LoopCall copy = LoopCall.create();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(reduce (fn [acc o] (update acc (:k o) (fnil + 0) (:n o))) {} (mapv (fn [i] {:k (mod i 7) :n i})"
            + " (range 3000)))|360032|72124",
        "(count (reduce (fn [acc x] (conj acc (fn [] x))) [] (range 3000)))|264000|21107",
        "(reduce + 0 (map (fn [g] (g)) (reduce (fn [acc x] (conj acc (fn [] x))) [] (range 3000))))|504000|39301",
        "(reduce + 0 (mapv (fn [g] (g)) (mapv (fn [x] (fn [] (* 2 x))) (range 3000))))|216064|45113",
        "(reduce + 0 (mapcat identity (mapv (fn [x] (map (fn [y] (+ x y)) [0 1])) (range 3000))))|1127952|96301",
        "(defn tree-sum [acc node] (if (vector? node) (reduce tree-sum acc node) (+ acc node)))"
            + " (tree-sum 0 (mapv (fn [i] (if (odd? i) [i [i i] i] i)) (range 3000)))|168208|186157",
        "(reduce (fn [acc x] (if (even? x) (let [y (* x 3)] (+ acc y)) (let [z (- x)] (+ acc z)))) 0"
            + " (range 3000))|120000|69121",
        "(reduce + (filter odd? (map (fn [x] (* x x)) (range 3000))))|300000|21297",
        "(reduce (fn [acc x] (+ acc x)) (range 3000))|120000|18099",
    })
    void loopsOverCompiledFunctionsAreChargedAsBefore(String program, long memory, long steps) {
        assertEquals(new Charges(memory, steps), Charges.of(program));
    }

    /**
     * Compiled steps of two or three arguments after the accumulator call OwnedStep without an array of them:
     * results, errors and charges as main's before the change (2026-12-03).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(count (reduce (fn [m i] (assoc m (mod i 100) i)) {} (range 3000)))|312000|30110|100",
        "(get (reduce (fn [m i] (update m (mod i 10) inc)) (zipmap (range 10) (repeat 10 0)) (range 3000)) 7)"
            + "|312944|30159|300",
        "(count (reduce (fn [m i] (update m (mod i 10) conj i)) {} (range 3000)))|456000|33111|10",
        "(reduce (fn [m i] (update m :a (fnil + 0) (if (= i 2500) \"x\" i))) {} (range 3000))|261120|42644"
            + "|error: + expects a number, got \"x\" (string)",
        "(reduce (fn [m i] (update m (mod i 10) (fn [old] (if (= i 2900) (throw (ex-info \"boom\" {}))"
            + " (inc (or old 0)))))) {} (range 3000))|302400|139387|error: boom",
    })
    void stepsWithoutAnArrayGiveAndChargeAsBefore(String program, long memory, long steps, String printed) {
        Budget counted = Budget.limited(Long.MAX_VALUE / 2, 600_000, Long.MAX_VALUE / 2, 10_000);
        Interp fresh = CoreLibrary.standard(counted);
        counted.reset();
        long before = counted.memoryLeft();
        String result;
        try {
            result = Printer.print(fresh.evalString(program, "test"), true);
        } catch (LogosError e) {
            result = "error: " + e.getMessage();
        }
        assertEquals(printed, result);
        assertEquals(new Charges(memory, steps), new Charges(before - counted.memoryLeft(), counted.stepsUsed()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Closures made in the frame keep the item they were made with, not the last one.
        "(let [fs (mapv (fn [x] (fn [] x)) (range 3000))] [((nth fs 0)) ((nth fs 1234)) ((peek fs))])|[0 1234 2999]",
        "(let [fs (reduce (fn [acc x] (conj acc (fn [] x))) [] (range 3000))] [((first fs)) ((peek fs))])|[0 2999]",
        // Lazy sequences made in the frame, realised after the loop has moved on.
        "(let [ss (mapv (fn [x] (map (fn [y] (+ x y)) [0 1])) (range 3000))] [(vec (first ss)) (vec (peek ss))])"
            + "|[[0 1] [2999 3000]]",
        // The body's own reduce over the same function: the outer call's accumulator is not overwritten.
        "(defn tree-sum [acc node] (if (vector? node) (reduce tree-sum acc node) (+ acc node)))"
            + " (tree-sum 0 (mapv (fn [i] (if (odd? i) [i [i i] i] i)) (range 3000)))|11248500",
        // Destructured parameters and locals of one item do not leak into the next.
        "(reduce (fn [acc [k v]] (if (odd? k) (assoc acc k v) acc)) {} (map (fn [i] [(mod i 4) i]) (range 3000)))"
            + "|{1 2997, 3 2999}",
    })
    void whatABodyMakesKeepsItsOwnValues(String program, String printed) {
        assertEquals(printed, Printer.print(interp.evalString(program, "test"), true));
    }

    /** A closure called often enough that its body is compiled. */
    private Object compiled(String source) {
        Object f = interp.evalString(source, "test");
        Arity arity = ((Closure) f).arities[0];
        Object[] args = arity.required == 1 ? new Object[] {1L} : new Object[] {1L, 2L};
        for (int i = 0; i <= HotCode.compileAfter() && arity.compiledCode() == null; i++) {
            interp.apply(f, args);
        }
        assertNotNull(arity.compiledCode(), source);
        return f;
    }

    @Test
    void aReusedFrameCallsAsApplyCallsEveryTime() {
        Object one = compiled("(fn [x] (let [y (* x x)] {:x x :y y}))");
        Object oneFrame = LoopCall.frameFor(one, 1);
        Object two = compiled("(fn [acc x] (if (odd? x) (let [s (str acc x)] s) (+ (count (str acc)) x)))");
        Object twoFrame = LoopCall.frameFor(two, 2);
        for (long x = 0; x < 6; x++) {
            long before = budget.stepsUsed();
            Object expected = interp.apply(one, x);
            long applySteps = budget.stepsUsed() - before;
            before = budget.stepsUsed();
            assertEquals(expected, copy.call1In(oneFrame, x));
            assertEquals(applySteps, budget.stepsUsed() - before);
            assertEquals(interp.apply2(two, "a", x), copy.call2In(twoFrame, "a", x));
            assertEquals(0, budget.depth());
        }
    }
}
