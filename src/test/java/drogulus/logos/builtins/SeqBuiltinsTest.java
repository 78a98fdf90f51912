package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;
import drogulus.logos.eval.Budget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SeqBuiltinsTest {
    private final Fixture logos = new Fixture();

    @Test
    void shouldBuildListsAndVectors() {
        logos.assertEvals("(1 2 3)", "(list 1 2 3)");
        logos.assertEvals("()", "(list)");
        logos.assertEvals("[1 \"a\" :k]", "(vector 1 \"a\" :k)");
        logos.assertEvals("[]", "(vector)");
        logos.assertEvals("[1 2]", "(vec '(1 2))");
        logos.assertEvals("[]", "(vec nil)");
        logos.assertEvals("[[:a 1]]", "(vec {:a 1})");
        logos.assertEvals("[\"a\" \"b\"]", "(vec \"ab\")");
        logos.assertFails("(vec 5)", "vec", "5 (integer)");
    }

    @Test
    void shouldConsAndConcat() {
        logos.assertEvals("(0 1 2)", "(cons 0 [1 2])");
        logos.assertEvals("(0)", "(cons 0 nil)");
        logos.assertEvals("(1 2 3 4 \"a\")", "(concat [1 2] '(3) nil [4] \"a\")");
        logos.assertEvals("()", "(concat)");
        logos.assertFails("(cons 1 2)", "cons", "2 (integer)");
        logos.assertEvals("(1 2 3 4)", "(list* 1 2 [3 4])");
        logos.assertEvals("nil", "(list* nil)");
        logos.assertFails("(list* 1 2)", "list*");
    }

    @Test
    void shouldConjOntoEachCollectionItsOwnWay() {
        logos.assertEvals("(3 1 2)", "(conj '(1 2) 3)");
        logos.assertEvals("[1 2 3 4]", "(conj [1 2] 3 4)");
        logos.assertEvals("(1)", "(conj nil 1)");
        logos.assertEvals("{:a 1, :b 2}", "(conj {:a 1} [:b 2])");
        logos.assertEvals("{:a 3, :b 2}", "(conj {:a 1} {:a 3 :b 2})");
        logos.assertEvals("[]", "(conj)");
        logos.assertEvals("[1]", "(conj [1])");
        logos.assertFails("(conj 1 2)", "conj", "1 (integer)");
        logos.assertFails("(conj {} 1)", "conj", "[key value]");
    }

    @Test
    void shouldPourIntoTargets() {
        logos.assertEvals("[1 2 3]", "(into [1] '(2 3))");
        logos.assertEvals("(3 2 1)", "(into () [1 2 3])");
        logos.assertEvals("{:a 1, :b 2}", "(into {} [[:a 1] [:b 2]])");
        logos.assertEvals("(2 1)", "(into nil [1 2])");
        logos.assertEvals("[1]", "(into [1] nil)");
        logos.assertEvals("[]", "(into)");
        logos.assertFails("(into [] 3)", "into", "3 (integer)");
    }

    @Test
    void shouldPourIntoVectorsAndMapsAsConjItemByItemWould() {
        logos.eval("(def by-conj (fn [to from] (reduce conj to from)))");
        logos.eval("(def pairs (fn [n] (map (fn [i] [(if (even? i) (keyword (str \"k\" (mod i 7))) (str i)) i]) "
            + "(range n))))");
        for (String to : new String[] {"[]", "[:x]", "(vec (range 40))", "(vec (range 1100))"}) {
            for (int n : new int[] {0, 1, 31, 33, 100}) {
                logos.assertEvals("true", "(= (by-conj " + to + " (range " + n + ")) (into " + to + " (range " + n
                    + ")))");
            }
        }
        for (String to : new String[] {"{}", "{:k1 :old}", "(zipmap (range 20) (range 20))"}) {
            for (int n : new int[] {0, 1, 5, 8, 9, 30, 200}) {
                String both = to + " (pairs " + n + ")";
                logos.assertEvals("true", "(= (by-conj " + both + ") (into " + both + "))");
                logos.assertEvals("true", "(= (seq (by-conj " + both + ")) (seq (into " + both + ")))");
                logos.assertEvals("true", "(= (hash (by-conj " + both + ")) (hash (into " + both + ")))");
            }
        }
        logos.assertEvals("{:a 3, :b 2, :c 4}", "(into {:a 1} [{:b 2 :a 3} nil '(:c 4)])");
        logos.assertEvals("[:x 1]", "(let [v [:x]] (into v [1]) v (into v [1]))");
        logos.assertEvals("{:a 1}", "(let [m {:a 1}] (into m [[:b 2]]) m)");
        logos.assertFails("(into {} [[:a 1] 3])", "into", "[key value]");
        logos.assertFails("(into {} [[:a 1 2]])", "into", "[key value]");
    }

    @Test
    void shouldTakeFirstsAndRests() {
        logos.assertEvals("1", "(first [1 2 3])");
        logos.assertEvals("nil", "(first nil)");
        logos.assertEvals("\"a\"", "(first \"abc\")");
        logos.assertEvals("[:a 1]", "(first {:a 1})");
        logos.assertEvals("2", "(second '(1 2 3))");
        logos.assertEvals("nil", "(second [1])");
        logos.assertEvals("(2 3)", "(rest [1 2 3])");
        logos.assertEvals("()", "(rest nil)");
        logos.assertEvals("(2 3)", "(next '(1 2 3))");
        logos.assertEvals("nil", "(next [1])");
        logos.assertEvals("3", "(last [1 2 3])");
        logos.assertEvals("nil", "(last [])");
        logos.assertEvals("(1 2)", "(butlast [1 2 3])");
        logos.assertEvals("nil", "(butlast [1])");
        logos.assertEvals("1", "(ffirst [[1 2] [3]])");
        logos.assertEvals("(2)", "(nfirst [[1 2] [3]])");
        logos.assertEvals("(3)", "(nnext [1 2 3])");
        logos.assertEvals("nil", "(nnext [1 2])");
        logos.assertEvals("2", "(fnext [1 2])");
        logos.assertFails("(first 5)", "first", "5 (integer)");
        logos.assertFails("(rest :k)", "rest", ":k (keyword)");
    }

    @Test
    void shouldIndexWithNth() {
        logos.assertEvals("30", "(nth [10 20 30] 2)");
        logos.assertEvals("20", "(nth '(10 20 30) 1)");
        logos.assertEvals("\"c\"", "(nth \"abc\" 2)");
        logos.assertEvals(":none", "(nth [1] 5 :none)");
        logos.assertEvals(":none", "(nth [1] -1 :none)");
        logos.assertEvals("nil", "(nth nil 3)");
        logos.assertFails("(nth [1 2] 2)", "nth", "out of bounds");
        logos.assertFails("(nth [1 2] :x)", "nth", ":x (keyword)");
    }

    @Test
    void shouldCountAndTestEmptiness() {
        logos.assertEvals("3", "(count [1 2 3])");
        logos.assertEvals("0", "(count nil)");
        logos.assertEvals("2", "(count {:a 1 :b 2})");
        logos.assertEvals("2", "(count \"h\u00e9\")");
        logos.assertEvals("true", "(empty? [])");
        logos.assertEvals("true", "(empty? nil)");
        logos.assertEvals("false", "(empty? \"x\")");
        logos.assertEvals("nil", "(not-empty [])");
        logos.assertEvals("[1]", "(not-empty [1])");
        logos.assertEvals("[]", "(empty [1 2])");
        logos.assertEvals("{}", "(empty {:a 1})");
        logos.assertEvals("nil", "(empty nil)");
        logos.assertFails("(count 12)", "count", "12 (integer)");
        logos.assertFails("(empty? 12)", "empty?", "12 (integer)");
    }

    @Test
    void shouldMakeSeqsOrNil() {
        logos.assertEvals("(1 2)", "(seq [1 2])");
        logos.assertEvals("nil", "(seq [])");
        logos.assertEvals("nil", "(seq nil)");
        logos.assertEvals("(\"h\" \"i\")", "(seq \"hi\")");
        logos.assertEvals("([:a 1])", "(seq {:a 1})");
        logos.assertFails("(seq 1.5)", "seq", "1.5 (float)");
    }

    @Test
    void shouldPeekAndPopAtTheRightEnd() {
        logos.assertEvals("3", "(peek [1 2 3])");
        logos.assertEvals("1", "(peek '(1 2 3))");
        logos.assertEvals("nil", "(peek [])");
        logos.assertEvals("[1 2]", "(pop [1 2 3])");
        logos.assertEvals("(2 3)", "(pop '(1 2 3))");
        logos.assertFails("(pop [])", "pop", "empty vector");
        logos.assertFails("(peek \"ab\")", "peek", "\"ab\" (string)");
    }

    @Test
    void shouldReverseAndSubvec() {
        logos.assertEvals("(3 2 1)", "(reverse [1 2 3])");
        logos.assertEvals("()", "(reverse nil)");
        logos.assertEvals("[2 3]", "(subvec [1 2 3 4] 1 3)");
        logos.assertEvals("[3 4]", "(subvec [1 2 3 4] 2)");
        logos.assertEvals("[]", "(subvec [1 2] 2)");
        logos.assertFails("(subvec [1 2] 1 3)", "subvec", "out of bounds");
        logos.assertFails("(subvec '(1 2) 1)", "subvec", "a vector");
    }

    @Test
    void shouldMakeRangesOfIntegersAndFloats() {
        logos.assertEvals("(0 1 2 3)", "(range 4)");
        logos.assertEvals("(2 3 4)", "(range 2 5)");
        logos.assertEvals("(10 7 4 1)", "(range 10 0 -3)");
        logos.assertEvals("()", "(range 0)");
        logos.assertEvals("()", "(range 5 2)");
        logos.assertEvals("(0.0 0.5 1.0 1.5)", "(range 0 2 0.5)");
        logos.assertEvals("(0.0 1.0 2.0)", "(range 2.5)");
        logos.assertEvals("(0 1 2)", "(take 3 (range))");
        logos.assertEvals("(5 5)", "(take 2 (range 5 9 0))");
        logos.assertEvals("()", "(range 5 5 0)");
        logos.assertEvals("499999500000", "(reduce + (range 1000000))");
        logos.assertEvals("(9223372036854775806)", "(range 9223372036854775806 9223372036854775807)");
        logos.assertFails("(range :a)", "range", ":a (keyword)");
    }

    @Test
    void shouldChargeRangesAsTheyAreWalked() {
        logos.assertEvals("0.0", "(first (range 1e12))");
        Fixture sandboxed = new Fixture(Budget.limited(Long.MAX_VALUE, 10_000, 1_000_000, 1000));
        LogosError e = org.junit.jupiter.api.Assertions.assertThrows(LogosError.class,
            () -> sandboxed.eval("(count (range 100000000))"));
        assertInstanceOf(LimitExceeded.class, e);
        assertEquals("memory", ((LimitExceeded) e).limit());
    }

    @Test
    void shouldRepeatACountedNumberOfTimesOrForEver() {
        logos.assertEvals("(:x :x :x)", "(repeat 3 :x)");
        logos.assertEvals("()", "(repeat 0 :x)");
        logos.assertEvals("()", "(repeat -2 :x)");
        logos.assertEvals("(:x :x)", "(take 2 (repeat :x))");
        logos.assertFails("(repeat \"n\" :x)", "repeat", "\"n\" (string)");
        Fixture sandboxed = new Fixture(Budget.limited(Long.MAX_VALUE, 10_000, 1_000_000, 1000));
        assertInstanceOf(LimitExceeded.class, org.junit.jupiter.api.Assertions.assertThrows(LogosError.class,
            () -> sandboxed.eval("(repeat 100000000 \"x\")")));
    }

    @Test
    void shouldRepeatedlyCallAFunctionACountedNumberOfTimesOrForEver() {
        logos.assertEvals("(7 7)", "(repeatedly 2 (constantly 7))");
        logos.assertEvals("()", "(repeatedly 0 (fn [] (throw \"not called\")))");
        logos.assertEvals("(1 1)", "(take 2 (repeatedly (constantly 1)))");
        logos.assertFails("(repeatedly 2 3)", "Cannot call 3");
    }

    @Test
    void shouldTreatDoallAndDorunAsEager() {
        logos.assertEvals("(1 2)", "(doall '(1 2))");
        logos.assertEvals("nil", "(dorun [1 2])");
        logos.assertEvals("nil", "(doall nil)");
    }
}
