package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.Printer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A lazy (map g coll) calls a compiled one-argument g through a copy of the call path of its own (LoopCall): the
 * items, the steps and the memory charged must be those of the same map over g run as a tree.
 */
class LazyMapCallsTest {
    private static final String HOT = "(def g (fn [x] (str \"row-\" x \",\" (* x 3) \",\" (mod x 17))))"
        + "(loop [i 0] (when (< i 1100) (g i) (recur (inc i))))";

    private record Run(String value, long steps, long memory, boolean compiled) {
    }

    private static Run run(Budget budget, String source) {
        Interp interp = CoreLibrary.standard(budget);
        interp.evalString(HOT, "test");
        long steps = budget.stepsUsed();
        long memory = budget.memoryLeft();
        String value = Printer.print(interp.evalString(source, "test"), true);
        Closure g = (Closure) interp.evalString("g", "test");
        return new Run(value, budget.stepsUsed() - steps, memory - budget.memoryLeft(),
            g.arities[0].compiledCode() != null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(count (string/join \"\\n\" (map g (range 5000))))",
        "(take 3 (map g [1 2 3 4 5]))",
        "(vec (map g (list 7 8 9)))",
        "(first (drop 40 (map g (range))))",
    })
    void aCompiledFunctionIsMappedAsItsTreeIs(String source) {
        Run compiled = run(Budget.unlimited(), source);
        Run tree = run(Budget.unlimitedTreesOnly(), source);
        assertTrue(compiled.compiled(), "g was compiled");
        assertFalse(tree.compiled(), "g stayed a tree");
        assertEquals(tree.value(), compiled.value());
        assertEquals(tree.steps(), compiled.steps());
        assertEquals(tree.memory(), compiled.memory());
    }
}
