package drogulus.logos.builtins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MapBuiltinsTest {
    private final Fixture logos = new Fixture();

    @Test
    void shouldBuildHashMaps() {
        logos.assertEvals("{:a 1, :b 2}", "(hash-map :a 1 :b 2)");
        logos.assertEvals("{}", "(hash-map)");
        logos.assertEvals("{:a 2}", "(hash-map :a 1 :a 2)");
        logos.assertFails("(hash-map :a)", "hash-map", "even number");
    }

    @Test
    void shouldGetFromMapsVectorsStringsAndNil() {
        logos.assertEvals("1", "(get {:a 1} :a)");
        logos.assertEvals("nil", "(get {:a 1} :b)");
        logos.assertEvals(":d", "(get {:a 1} :b :d)");
        logos.assertEvals("nil", "(get {:a nil} :a :d)");
        logos.assertEvals(":y", "(get [:x :y] 1)");
        logos.assertEvals(":d", "(get [:x :y] 2 :d)");
        logos.assertEvals("nil", "(get [:x :y] -1)");
        logos.assertEvals("\"b\"", "(get \"ab\" 1)");
        logos.assertEvals("nil", "(get nil :a)");
        logos.assertEvals(":d", "(get 42 :a :d)");
    }

    @Test
    void shouldGetInNestedStructures() {
        logos.assertEvals("3", "(get-in {:a {:b [1 2 3]}} [:a :b 2])");
        logos.assertEvals("{:b 1}", "(get-in {:a {:b 1}} [:a])");
        logos.assertEvals("{:a 1}", "(get-in {:a 1} [])");
        logos.assertEvals(":none", "(get-in {:a {:b 1}} [:a :c] :none)");
        logos.assertEvals("nil", "(get-in nil [:a :b])");
        logos.assertFails("(get-in {:a 1} :a)", "get-in", ":a (keyword)");
    }

    @Test
    void shouldAssocIntoMapsAndVectors() {
        logos.assertEvals("{:a 1, :b 2}", "(assoc {:a 1} :b 2)");
        logos.assertEvals("{:a 3, :b 2}", "(assoc {:a 1} :b 2 :a 3)");
        logos.assertEvals("{:a 1}", "(assoc nil :a 1)");
        logos.assertEvals("[:x :z]", "(assoc [:x :y] 1 :z)");
        logos.assertEvals("[:x :y :z]", "(assoc [:x :y] 2 :z)");
        logos.assertFails("(assoc [:x] 5 :z)", "assoc", "out of bounds");
        logos.assertFails("(assoc \"s\" 0 1)", "assoc", "\"s\" (string)");
        logos.assertFails("(assoc {} :a 1 :b)", "assoc", "odd number");
    }

    @Test
    void shouldAssocInCreatingMissingLevels() {
        logos.assertEvals("{:a {:b 1}}", "(assoc-in {} [:a :b] 1)");
        logos.assertEvals("{:a [1 {:c 2}]}", "(assoc-in {:a [1 {:c 1}]} [:a 1 :c] 2)");
        logos.assertEvals("{:a 1}", "(assoc-in nil [:a] 1)");
        logos.assertFails("(assoc-in {} [] 1)", "assoc-in", "non-empty path");
        logos.assertFails("(assoc-in {:a 5} [:a :b] 1)", "assoc-in", "5 (integer)");
    }

    @Test
    void shouldUpdateWithAFunction() {
        logos.assertEvals("{:n 2}", "(update {:n 1} :n inc)");
        logos.assertEvals("{:n 11}", "(update {:n 1} :n + 4 6)");
        logos.assertEvals("[8 13 101 100 true]", "(let [m (into {} (map (fn [i] [i i]) (range 100)))] "
            + "[(get (update m 5 + 1 2) 5) (get (update m 5 + 1 2 3 2) 5) (count (update m 500 (fnil inc 0))) "
            + "(count (update m 7 inc)) (= m (into {} (map (fn [i] [i i]) (range 100))))])");
        logos.assertEvals("[1 3]", "(update [1 2] 1 inc)");
        logos.assertEvals("{:a {:b 2}}", "(update-in {:a {:b 1}} [:a :b] inc)");
        logos.assertEvals("{:a {:b (:x)}}", "(update-in {} [:a :b] conj :x)");
        logos.assertFails("(update-in {:a 5} [:a :b] inc)", "update-in", "5 (integer)");
        logos.assertFails("(update {:n nil} :n inc)", "expects a number", "nil");
        logos.assertFails("(update 5 :n inc)", "update", "5 (integer)");
    }

    @Test
    void shouldDissocKeys() {
        logos.assertEvals("{:b 2}", "(dissoc {:a 1 :b 2} :a)");
        logos.assertEvals("{}", "(dissoc {:a 1 :b 2} :a :b :c)");
        logos.assertEvals("nil", "(dissoc nil :a)");
        logos.assertEvals("{:a 1}", "(dissoc {:a 1})");
        logos.assertFails("(dissoc [1] 0)", "dissoc", "[1] (vector)");
    }

    @Test
    void shouldListKeysAndValsInInsertionOrder() {
        logos.assertEvals("(:z :a :m)", "(keys {:z 1 :a 2 :m 3})");
        logos.assertEvals("(1 2 3)", "(vals {:z 1 :a 2 :m 3})");
        logos.assertEvals("nil", "(keys {})");
        logos.assertEvals("nil", "(vals nil)");
        logos.assertFails("(keys [1])", "keys", "[1] (vector)");
    }

    @Test
    void shouldMergeLaterWinning() {
        logos.assertEvals("{:a 3, :b 2}", "(merge {:a 1} {:b 2} {:a 3})");
        logos.assertEvals("{:a 1}", "(merge nil {:a 1} nil)");
        logos.assertEvals("nil", "(merge)");
        logos.assertEvals("nil", "(merge nil nil)");
        logos.assertEvals("{:a 4, :b 2}", "(merge-with + {:a 1 :b 2} {:a 3})");
        logos.assertEvals("nil", "(merge-with +)");
        logos.assertFails("(merge {:a 1} [1 2])", "merge", "[1 2] (vector)");
    }

    @Test
    void shouldTestContainmentAndFindEntries() {
        logos.assertEvals("true", "(contains? {:a nil} :a)");
        logos.assertEvals("false", "(contains? {:a 1} :b)");
        logos.assertEvals("true", "(contains? [:x :y] 1)");
        logos.assertEvals("false", "(contains? [:x :y] 2)");
        logos.assertEvals("false", "(contains? nil :a)");
        logos.assertEvals("[:a 1]", "(find {:a 1} :a)");
        logos.assertEvals("nil", "(find {:a 1} :b)");
        logos.assertEvals(":a", "(key (find {:a 1} :a))");
        logos.assertEvals("1", "(val (first {:a 1}))");
        logos.assertFails("(key [1 2 3])", "key", "[key value]");
        logos.assertFails("(val nil)", "val", "got nil");
    }

    @Test
    void shouldSelectKeysAndZip() {
        logos.assertEvals("{:a 1, :c nil}", "(select-keys {:a 1 :b 2 :c nil} [:a :c :d])");
        logos.assertEvals("{}", "(select-keys nil [:a])");
        logos.assertEvals("{:a 1, :b 2}", "(zipmap [:a :b :c] [1 2])");
        logos.assertEvals("{}", "(zipmap nil [1])");
        logos.assertFails("(select-keys {:a 1} :a)", "select-keys", ":a (keyword)");
        logos.assertFails("(zipmap [:a] 1)", "zipmap", "1 (integer)");
    }
}
