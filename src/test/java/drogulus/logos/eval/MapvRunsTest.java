package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * mapv over a lazy sequence reads a chunked cell's run of items in place rather than a cell per item: the same
 * items in the same order, the same error, and the memory and steps main charged before the change (2026-12-03).
 */
class MapvRunsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(nth (mapv inc (map inc (range 3000))) 2999)|288032|9199|3001",
        "(count (mapv (fn [x] (* 2 x)) (filter odd? (range 3000))))|204032|12202|1500",
        "(mapv (fn [x] (* 2 x)) (map inc (seq [1 2 3 4 5])))|424|54|[4 6 8 10 12]",
        "(count (mapv identity (concat (range 40) [1 2] (map inc (range 100)))))|13664|457|142",
        "(mapv (fn [x] x) (take 5 (iterate inc 0)))|512|40|[0 1 2 3 4]",
        "(mapv (fn [x] (if (= x 70) (throw (ex-info \"stop\" {})) x)) (map inc (range 100)))|7680|1057|error: stop",
        "(mapv (fn [x] (* x x)) (lazy-seq (cons 1 (lazy-seq (cons 2 nil)))))|544|50|[1 4]",
        "(subvec (mapv identity (concat (range 40) [:a :b] (map inc (range 3)))) 38)|4496|161|[38 39 :a :b 1 2 3]",
    })
    void mapvOverLazySequencesGivesAndChargesAsBefore(String program, long memory, long steps, String printed) {
        Budget budget = Budget.limited(Long.MAX_VALUE / 2, 600_000, Long.MAX_VALUE / 2, 10_000);
        Interp interp = CoreLibrary.standard(budget);
        budget.reset();
        long before = budget.memoryLeft();
        String result;
        try {
            result = Printer.print(interp.evalString(program, "test"), true);
        } catch (LogosError e) {
            result = "error: " + e.getMessage();
        }
        assertEquals(printed, result);
        assertEquals(new Charges(memory, steps), new Charges(before - budget.memoryLeft(), budget.stepsUsed()));
    }
}
