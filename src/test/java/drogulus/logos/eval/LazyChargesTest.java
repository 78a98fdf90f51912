package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lazy sequences keep a chunk of items in one cell and their walkers read chunks in place, but the sandbox is
 * charged as if every item had its own cell, as it was before chunks were kept whole: the memory and steps below
 * are what main charged for these programs then (2026-12-03, before the change), and must not move.
 */
class LazyChargesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(count (map inc (range 1000)))|80000|2071",
        "(reduce + (filter odd? (map inc (range 1000))))|100000|3107",
        "(doall (take 70 (drop 5 (map inc (range 1000)))))|10480|360",
        "(vec (map inc (range 100)))|9632|315",
        "(into [] (drop 30 (map inc (range 40))))|3680|136",
        "(string/join \",\" (map str (range 500)))|86558|1540",
        "(string/join \",\" (range 500))|43778|1521",
        "(string/join (map inc (range 100)))|12384|415",
        "(string/join \"-\" (drop 3 (map str (range 100))))|16826|320",
        "(string/join \",\" (filter odd? (range 200)))|16688|522",
        "(let [s (map inc (range 70))] [(nth s 65) (count (rest s)) (last s)])|5600|165",
        "(reduce + (take-while (fn [x] (< x 600)) (map inc (range))))|72600|4885",
        "(let [v (string/split \"a,b,,c\" \",\")] v)|292|6",
        "(string/split \"a,b,,c,d\" \",\" 3)|232|5",
        "(count (string/split-lines (string/join \"\\n\" (map (fn [i] (str \"row-\" i \",\" (* i 3))) (range 300)))))"
            + "|123332|3654",
    })
    void chunkedSequencesAreChargedAsACellPerItem(String program, long memory, long steps) {
        Charges charged = Charges.of(program);
        assertEquals(memory, charged.memory(), "memory charged");
        assertEquals(steps, charged.steps(), "steps charged");
    }
}
