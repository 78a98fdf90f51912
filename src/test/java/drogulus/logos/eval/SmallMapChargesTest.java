package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A small map keeps its first entries in its own fields rather than in an array, but the sandbox is charged as
 * before: the memory and steps below are what main charged for these programs before the change (2026-12-03),
 * and must not move.
 */
class SmallMapChargesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{:a 1 :b 2 :c 3}|0|7",
        "(assoc {:a 1 :b 2 :c 3} :d 4 :e 5)|128|13",
        "(dissoc (assoc {:a 1 :b 2 :c 3} :d 4) :a :c)|64|15",
        "(reduce (fn [m i] (assoc m (str \"k\" i) i)) {} (range 20))|3780|215",
        "(reduce (fn [m i] (dissoc m (str \"k\" i)))"
            + " (zipmap (map str (repeat \"k\") (range 12)) (range 12)) (range 12))|5640|240",
        "(mapv (fn [i] {:id i :n (str \"c\" i) :a (* 2 i)}) (range 100))|14212|1522",
        "(update {:a 1 :b 2} :b inc)|64|9",
        "(into {} (map (fn [i] [i (* i i)]) (range 10)))|1280|130",
        "(= {:a 1 :b 2 :c 3 :d 4} (hash-map :d 4 :c 3 :b 2 :a 1))|160|21",
        "(hash {:a 1 :b [1 2] :c {:d 4}})|0|13",
        "(str (merge {:a 1} {:b 2 :c 3 :d 4}))|216|23",
    })
    void smallMapsAreChargedAsBefore(String program, long memory, long steps) {
        assertEquals(new Charges(memory, steps), Charges.of(program));
    }
}
