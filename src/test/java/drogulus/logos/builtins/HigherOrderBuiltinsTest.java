package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;
import drogulus.logos.eval.Budget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HigherOrderBuiltinsTest {
    private final Fixture logos = new Fixture();

    @Test
    void shouldMapOverOneOrSeveralCollections() {
        logos.assertEvals("(1 2 3)", "(map inc [0 1 2])");
        logos.assertEvals("(11 22)", "(map + [1 2 3] '(10 20))");
        logos.assertEvals("()", "(map inc nil)");
        logos.assertEvals("(\"A\" \"B\")", "(map {\"a\" \"A\" \"b\" \"B\"} \"ab\")");
        logos.assertEvals("(1 nil)", "(map :a [{:a 1} {}])");
        logos.assertEvals("[2 3]", "(mapv inc '(1 2))");
        logos.assertEvals("[]", "(mapv inc [])");
        logos.assertFails("(map inc 3)", "map", "3 (integer)");
        logos.assertFails("(doall (map 3 [1]))", "Cannot call 3");
    }

    @Test
    void shouldFilterRemoveAndKeep() {
        logos.assertEvals("(1 3)", "(filter odd? [1 2 3 4])");
        logos.assertEvals("()", "(filter odd? nil)");
        logos.assertEvals("[2 4]", "(filterv even? [1 2 3 4])");
        logos.assertEvals("(2 4)", "(remove odd? [1 2 3 4])");
        logos.assertEvals("(:x :z)", "(keep {1 :x 3 :z} [1 2 3])");
        logos.assertEvals("(false)", "(keep (fn [x] (nil? x)) [1])");
        logos.assertFails("(filter odd? :k)", "filter", ":k (keyword)");
        logos.assertFails("(remove odd? 1)", "remove", "1 (integer)");
        logos.assertFails("(keep inc 1)", "keep", "1 (integer)");
    }

    @Test
    void shouldMapcat() {
        logos.assertEvals("(1 1 2 2)", "(mapcat (fn [x] [x x]) [1 2])");
        logos.assertEvals("()", "(mapcat list nil)");
        logos.assertFails("(doall (mapcat inc [1]))", "mapcat", "2 (integer)");
    }

    @Test
    void shouldReduceWithAndWithoutInit() {
        logos.assertEvals("10", "(reduce + [1 2 3 4])");
        logos.assertEvals("110", "(reduce + 100 [1 2 3 4])");
        logos.assertEvals("0", "(reduce + [])");
        logos.assertEvals("7", "(reduce + [7])");
        logos.assertEvals(":init", "(reduce + :init nil)");
        logos.assertEvals("[3 2 1]", "(reduce (fn [acc x] (into [x] acc)) [] [1 2 3])");
        logos.assertEvals("3", "(reduce (fn [acc x] (if (> x 2) (reduced acc) (+ acc x))) [1 2 3 4])");
        logos.assertEvals("4950", "(reduce + (vec (range 100)))");
        logos.assertEvals("5050", "(reduce + 100 (vec (range 100)))");
        logos.assertEvals("[[] 0]", "(reduce conj [[]] [0])");
        logos.assertEvals(":none", "(reduce (fn [] :none) [])");
        logos.assertEvals("55", "(reduce (fn [acc x] (if (> x 10) (reduced acc) (+ acc x))) (vec (range 50)))");
        logos.assertEvals("true", "(reduced? (reduced 1))");
        logos.assertFails("(reduce + 5)", "reduce", "5 (integer)");
    }

    @Test
    void shouldReduceLazySequencesWithAndWithoutInit() {
        logos.assertEvals("4950", "(reduce + (range 100))");
        logos.assertEvals("5050", "(reduce + 100 (range 100))");
        logos.assertEvals("0", "(reduce + (filter neg? (range 10)))");
        logos.assertEvals("7", "(reduce + (take 1 (iterate inc 7)))");
        logos.assertEvals(":init", "(reduce + :init (filter neg? (range 10)))");
        logos.assertEvals("(3 2 1)", "(reduce conj () (map inc (range 3)))");
        logos.assertEvals("6", "(reduce + (cons 1 '(2 3)))");
        logos.assertEvals("15", "(reduce (fn [acc x] (if (> x 5) (reduced acc) (+ acc x))) (range))");
        logos.assertEvals("15", "(reduce (fn [acc x] (if (> x 5) (reduced acc) (+ acc x))) 0 (range))");
        logos.assertFails("(reduce + (map inc [:a]))", "inc");
    }

    @Test
    void shouldStopReducingAnEndlessSequenceAtTheStepLimit() {
        Fixture sandboxed = new Fixture(Budget.limited(100_000, 10_000, 1_000_000_000, 1000));
        assertInstanceOf(LimitExceeded.class, assertThrows(LogosError.class,
            () -> sandboxed.eval("(reduce + (range))")));
        assertInstanceOf(LimitExceeded.class, assertThrows(LogosError.class,
            () -> sandboxed.eval("(count (map inc (range)))")));
    }

    @Test
    void shouldReduceOverKeysAndValues() {
        logos.assertEvals("[:a 1 :b 2]", "(reduce-kv (fn [acc k v] (conj acc k v)) [] {:a 1 :b 2})");
        logos.assertEvals("[0 :x 1 :y]", "(reduce-kv (fn [acc k v] (conj acc k v)) [] [:x :y])");
        logos.assertEvals(":none", "(reduce-kv (fn [acc k v] k) :none nil)");
        logos.assertFails("(reduce-kv + 0 '(1))", "reduce-kv", "a map");
    }

    @Test
    void shouldApplyWithSpreadLastArgument() {
        logos.assertEvals("10", "(apply + 1 2 [3 4])");
        logos.assertEvals("0", "(apply + nil)");
        logos.assertEvals("\"ab\"", "(apply str \"ab\")");
        logos.assertFails("(apply + 1 2)", "apply", "2 (integer)");
    }

    @Test
    void shouldTestSomeAndEvery() {
        logos.assertEvals("true", "(some even? [1 2 3])");
        logos.assertEvals(":b", "(some {2 :b} [1 2 3])");
        logos.assertEvals("nil", "(some even? nil)");
        logos.assertEvals("true", "(every? odd? [1 3])");
        logos.assertEvals("true", "(every? odd? [])");
        logos.assertEvals("false", "(every? odd? [1 2])");
        logos.assertEvals("true", "(not-every? odd? [1 2])");
        logos.assertEvals("false", "(not-every? odd? nil)");
        logos.assertEvals("true", "(not-any? even? [1 3])");
        logos.assertEvals("false", "(not-any? even? [2])");
        logos.assertFails("(every? odd? 1)", "every?", "1 (integer)");
        logos.assertFails("(some odd? 1)", "some", "1 (integer)");
    }
}
