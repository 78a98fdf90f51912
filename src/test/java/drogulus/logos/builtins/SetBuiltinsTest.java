package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;
import drogulus.logos.eval.Budget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SetBuiltinsTest {
    private final Fixture logos = new Fixture();

    @Test
    void shouldReadAndPrintSetLiterals() {
        logos.assertEvals("#{1 2 3}", "#{1 2 3}");
        logos.assertEvals("#{}", "#{}");
        logos.assertEvals("#{4 5}", "(let [x 4] #{x 5})");
        logos.assertEvals("#{3}", "`#{~(+ 1 2)}");
        logos.assertFails("#{1 1}", "duplicate item");
        logos.assertFails("(let [x 1] #{x 1})", "Duplicate item");
    }

    @Test
    void shouldBuildSetsFromCollectionsAndArguments() {
        logos.assertEvals("#{1 2 3}", "(set [1 2 2 3])");
        logos.assertEvals("#{}", "(set nil)");
        logos.assertEvals("#{:a :b}", "(hash-set :a :b :a)");
        logos.assertEvals("#{1 2}", "(conj #{1} 2)");
        logos.assertEvals("#{1 2}", "(into #{} [1 2 1])");
        logos.assertEvals("#{2}", "(disj #{1 2 3} 1 3)");
        logos.assertEvals("nil", "(disj nil 1)");
        logos.assertEvals("#{}", "(empty #{1})");
        logos.assertFails("(disj [1] 1)", "disj", "a set");
    }

    @Test
    void shouldLookItemsUpAndCallSetsAsFunctions() {
        logos.assertEvals("true", "(contains? #{1 2} 2)");
        logos.assertEvals("false", "(contains? #{1 2} 3)");
        logos.assertEvals("2", "(#{1 2} 2)");
        logos.assertEvals("nil", "(#{1 2} 5)");
        logos.assertEvals(":none", "(#{1 2} 5 :none)");
        logos.assertEvals(":a", "(:a #{:a})");
        logos.assertEvals(":a", "(get #{:a} :a)");
        logos.assertEvals("(2 4)", "(filter #{2 4} [1 2 3 4])");
        logos.assertFails("(#{1})", "set used as a function");
    }

    @Test
    void shouldCompareAndHashSetsByTheirItemsInAnyOrder() {
        logos.assertEvals("true", "(= #{1 2} #{2 1})");
        logos.assertEvals("false", "(= #{1 2} [1 2])");
        logos.assertEvals("true", "(= (hash (set (range 100))) (hash (set (reverse (range 100)))))");
        logos.assertEvals("true", "(= (set (range 100)) (set (reverse (range 100))))");
        logos.assertEvals("true", "(set? #{})");
        logos.assertEvals("true", "(coll? #{})");
        logos.assertEvals("2", "(count #{1 2})");
        logos.assertEvals("#{[1 2]}", "(set [[1 2] '(1 2)])");
    }

    @Test
    void shouldCombineSets() {
        logos.assertEvals("#{1 2 3}", "(set/union #{1 2} #{3} #{1})");
        logos.assertEvals("#{}", "(set/union)");
        logos.assertEvals("#{2 3}", "(set/intersection #{1 2 3} #{2 3 4})");
        logos.assertEvals("#{1 3}", "(set/difference #{1 2 3} #{2})");
        logos.assertEvals("#{1}", "(set/difference #{1 2 3} #{2 3 4 5 6})");
        logos.assertEvals("true", "(set/subset? #{1} #{1 2})");
        logos.assertEvals("false", "(set/subset? #{1 3} #{1 2})");
        logos.assertEvals("true", "(set/superset? #{1 2} #{2})");
        logos.assertFails("(set/union #{1} [2])", "set/union", "a set");
    }

    @Test
    void shouldBuildLargeSetsFromLazySequencesVectorsAndArguments() {
        logos.assertEvals("[1000 0 999 false]",
            "(let [s (set (range 1000))] [(count s) (s 0) (s 999) (contains? s 1000)])");
        logos.assertEvals("[600 true]",
            "(let [s (set (map #(mod % 600) (range 2000)))] [(count s) (contains? s 599)])");
        logos.assertEvals("[700 true]", "(let [s (set (vec (range 700)))] [(count s) (= s (set (range 700)))])");
        logos.assertEvals("[12 true]",
            "(let [s (apply hash-set (range 12))] [(count s) (= s (set (concat (range 12) (range 5))))])");
    }

    @Test
    void shouldBuildSetsFromRangesAsFromTheirItems() {
        logos.assertEvals("true", "(= (set (range 100 -7 -3)) (set (vec (range 100 -7 -3))))");
        logos.assertEvals("[36 true false]", "(let [s (set (range 100 -7 -3))] [(count s) (contains? s -5) "
            + "(contains? s -8)])");
        logos.assertEvals("[34 true]", "(let [r (range 0 100 3)] [(count (set r)) (= (set r) (set (seq (vec r))))])");
        logos.assertEvals("#{}", "(set (range 5 5))");
        logos.assertEvals("[40 true]", "(let [s (set (range 9223372036854775767 9223372036854775807 1))] "
            + "[(count s) (contains? s 9223372036854775806)])");
        logos.assertEvals("[70 69]", "(let [s (set (range 70))] [(count s) (apply max s)])");
    }

    @Test
    void shouldListASetBuiltFromARangeInTheOrderOfOneBuiltAnItemAtATime() {
        logos.assertEvals("true", "(let [r (range 100 -700 -3)] (= (seq (set r)) (seq (into #{} r))))");
        logos.assertEvals("true", "(let [r (range 0 5000 7)] (= (str (set r)) (str (reduce conj #{} r))))");
        logos.assertEvals("true", "(let [r (cons 14 (cons -1 (range 0 500 7)))] (= (seq (set r)) (seq (into #{} r))))");
        logos.assertEvals("[1000 true]", "(let [s (set (concat (range 10) (range 1000)))] [(count s) "
            + "(= (seq s) (seq (into #{} (range 1000))))])");
    }

    @Test
    void shouldChargeASetBuiltFromARangeForTheCellsItStandsFor() {
        Fixture sandboxed = new Fixture(Budget.limited(Long.MAX_VALUE, 10_000, 1_000_000, 1000));
        assertInstanceOf(LimitExceeded.class,
            assertThrows(LogosError.class, () -> sandboxed.eval("(count (set (range 0 100000 3)))")));
        Fixture fewSteps = new Fixture(Budget.limited(20_000, 10_000, 100_000_000, 1000));
        assertInstanceOf(LimitExceeded.class,
            assertThrows(LogosError.class, () -> fewSteps.eval("(count (set (range 0 30000 3)))")));
    }

    @Test
    void shouldStopBuildingASetOfAnEndlessRangeAtTheMemoryLimit() {
        Fixture sandboxed = new Fixture(Budget.limited(Long.MAX_VALUE, 10_000, 1_000_000, 1000));
        assertInstanceOf(LimitExceeded.class, assertThrows(LogosError.class, () -> sandboxed.eval("(set (range))")));
    }

    @Test
    void shouldIntersectAndSubtractLargeSetsWhicheverIsSmaller() {
        logos.assertEvals("[334 0 999]", "(let [s (set/intersection (set (range 1000)) (set (range 0 3000 3)))] "
            + "[(count s) (s 0) (s 999)])");
        logos.assertEvals("[167 true]", "(let [s (set/intersection (set (range 0 3000 3)) (set (range 1000)) "
            + "(set (range 0 1000 2)))] [(count s) (every? #(zero? (mod % 6)) s)])");
        logos.assertEvals("[1 2 3]", "(vec (set/intersection (sorted-set 3 2 1 0) (set (range 1 100))))");
        logos.assertEvals("#{}", "(set/intersection (set (range 100)) #{})");
        logos.assertEvals("[666 false true]", "(let [s (set/difference (set (range 1000)) (set (range 0 3000 3)))] "
            + "[(count s) (contains? s 3) (contains? s 4)])");
        logos.assertEvals("[997 false]", "(let [s (set/difference (set (range 1000)) #{1 2 3})] "
            + "[(count s) (contains? s 2)])");
        logos.assertEvals("[0 1]", "(vec (set/difference (sorted-set 2 1 0) (set (range 2 50))))");
        logos.assertEvals("true", "(let [a (set (range 100))] (= a (set/difference a (set (range 100 200)))))");
    }

    @Test
    void shouldCombineLargeSetsWhoseItemsShareWholeHashesAsFilteringWould() {
        // i and 2^32 + (i xor 1) hash alike, so these tries end in collision nodes as well as bitmap nodes.
        logos.eval("(def partner (fn [i] (+ 4294967296 (if (even? i) (inc i) (dec i)))))");
        logos.eval("(def a (set (concat (range 600) (map partner (range 600)))))");
        logos.eval("(def b (set (concat (range 0 900 3) (map partner (range 0 900 2)))))");
        logos.assertEvals("true", "(= (set/intersection a b) (set (filter b a)))");
        logos.assertEvals("true", "(= (set/intersection b a) (set (filter a b)))");
        logos.assertEvals("true", "(= (set/difference a b) (set (remove b a)))");
        logos.assertEvals("true", "(= (set/difference b a) (set (remove a b)))");
        logos.assertEvals("true", "(= (set/union a b) (into a b) (into b a))");
        logos.assertEvals("[1200 750 500 700 1450]", "[(count a) (count b) (count (set/intersection a b)) "
            + "(count (set/difference a b)) (count (set/union a b))]");
        logos.assertEvals("[1500 true true]",
            "(let [u (set/union (set (range 1000)) (set (range 500 1500)))] "
            + "[(count u) (contains? u 0) (contains? u 1499)])");
    }

    @Test
    void shouldKeepSortedCollectionsInOrder() {
        logos.assertEvals("#{1 2 3}", "(sorted-set 3 1 2)");
        logos.assertEvals("[1 2 3 5]", "(vec (conj (sorted-set 5 1 2) 3))");
        logos.assertEvals("{:a 1, :b 2, :c 3}", "(sorted-map :c 3 :a 1 :b 2)");
        logos.assertEvals("(1 2 3 4 5 6 7 8 9 10 11 12)",
            "(keys (into (sorted-map) (map (fn [i] [i i]) [12 3 7 1 9 2 11 4 8 10 6 5])))");
        logos.assertEvals("{:b 2}", "(dissoc (sorted-map :a 1 :b 2) :a)");
        logos.assertEvals("true", "(= (sorted-map :a 1) {:a 1})");
        logos.assertEvals("#{1 2 3}", "(set/union (sorted-set 3 1) #{2})");
        logos.assertFails("(sorted-set 1 :a)", "compare");
        logos.assertFails("(sorted-map 1)", "sorted-map", "even number");
    }
}
