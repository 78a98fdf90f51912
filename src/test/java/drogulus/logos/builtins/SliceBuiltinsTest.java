package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import drogulus.logos.data.Printer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Java built-ins that cut and regroup; the lazy ones written in core.logos are tested in src/test/logos. */
@Timeout(10)
class SliceBuiltinsTest {
    private final Fixture logos = new Fixture();

    @Test
    void shouldTakeAndDrop() {
        logos.assertEvals("(1 2)", "(take 2 [1 2 3])");
        logos.assertEvals("(1 2 3)", "(take 10 [1 2 3])");
        logos.assertEvals("()", "(take -1 [1 2 3])");
        logos.assertEvals("()", "(take 3 nil)");
        logos.assertEvals("(3)", "(drop 2 [1 2 3])");
        logos.assertEvals("()", "(drop 5 [1 2 3])");
        logos.assertEvals("(1 2 3)", "(drop -5 '(1 2 3))");
        logos.assertEvals("(2 3)", "(take-last 2 [1 2 3])");
        logos.assertEvals("nil", "(take-last 2 [])");
        logos.assertFails("(take :x [1])", "take", ":x (keyword)");
        logos.assertFails("(drop 1 2)", "drop", "2 (integer)");
    }

    @Test
    void shouldTakeAndDropWhilePredicateHolds() {
        logos.assertEvals("(1 3)", "(take-while odd? [1 3 4 5])");
        logos.assertEvals("(4 5)", "(drop-while odd? [1 3 4 5])");
        logos.assertEvals("()", "(take-while odd? nil)");
        logos.assertFails("(take-while odd? 1)", "take-while", "1 (integer)");
    }

    @Test
    void shouldPartition() {
        logos.assertEvals("((1 2) (3 4))", "(partition 2 [1 2 3 4 5])");
        logos.assertEvals("((1 2) (2 3) (3 4))", "(partition 2 1 [1 2 3 4])");
        logos.assertEvals("((1 2 3) (4 5 :p))", "(partition 3 3 [:p :q] [1 2 3 4 5])");
        logos.assertEvals("((1 2) (3))", "(partition 2 2 [] [1 2 3])");
        logos.assertEvals("()", "(partition 2 nil)");
        logos.assertFails("(partition 0 [1])", "partition", "positive");
    }

    @Test
    void shouldInterleave() {
        logos.assertEvals("(1 :a 2 :b)", "(interleave [1 2 3] [:a :b])");
        logos.assertEvals("()", "(interleave)");
        logos.assertEvals("()", "(interleave [1] nil)");
    }

    @Test
    void shouldCountAndGroup() {
        logos.assertEvals("{:a 2, :b 1}", "(frequencies [:a :b :a])");
        logos.assertEvals("{}", "(frequencies nil)");
        logos.assertEvals("{true [1 3], false [2]}", "(group-by odd? [1 2 3])");
        logos.assertEvals("{}", "(group-by odd? [])");
        logos.assertFails("(frequencies 3)", "frequencies", "3 (integer)");
    }

    @Test
    void shouldDropRepeats() {
        logos.assertEvals("(1 2 3)", "(distinct [1 2 1 3 2])");
        logos.assertEvals("()", "(distinct nil)");
        logos.assertFails("(distinct 1)", "distinct", "1 (integer)");
    }

    @Test
    void shouldSortNaturallyOrByComparator() {
        logos.assertEvals("(1 2.5 3)", "(sort [3 1 2.5])");
        logos.assertEvals("(\"a\" \"b\" \"c\")", "(sort [\"c\" \"a\" \"b\"])");
        logos.assertEvals("(:a :b)", "(sort [:b :a])");
        logos.assertEvals("([2] [1 2] [1 3])", "(sort [[1 3] [2] [1 2]])");
        logos.assertEvals("(nil 1)", "(sort [1 nil])");
        logos.assertEvals("()", "(sort nil)");
        logos.assertEvals("(3 2 1)", "(sort > [1 3 2])");
        logos.assertEvals("(3 2 1)", "(sort (fn [a b] (- b a)) [1 3 2])");
        logos.assertEvals("(\"a\" \"bb\" \"ccc\")", "(sort-by count [\"ccc\" \"a\" \"bb\"])");
        logos.assertEvals("({:n 3} {:n 1})", "(sort-by :n > [{:n 1} {:n 3}])");
        logos.assertFails("(sort [1 \"a\"])", "sort", "1 (integer)", "\"a\" (string)");
        logos.assertFails("(sort-by :n [{:n :a} {:n 1}])", "sort-by", ":a (keyword)");
    }

    @Test
    void shouldKeepEqualItemsInOrderWhenSorting() {
        logos.assertEvals("([1 :a] [1 :b] [2 :c])", "(sort-by first [[2 :c] [1 :a] [1 :b]])");
    }

    @Test
    void shouldShuffleToAPermutation() {
        logos.assertEvals("(1 2 3 4 5 6 7 8 9 10)", "(sort (shuffle (range 1 11)))");
        logos.assertEvals("[]", "(shuffle nil)");
        String order = Printer.print(logos.eval("(shuffle (range 100))"), true);
        String other = Printer.print(logos.eval("(shuffle (range 100))"), true);
        // Two shuffles of 100 items agree with probability 1/100!, so this fails only on a broken shuffle.
        assertNotEquals(order, other);
        logos.assertEvals("true", "(contains? {1 1 2 2 3 3} (rand-nth [1 2 3]))");
        logos.assertFails("(rand-nth [])", "rand-nth", "empty");
        logos.assertFails("(shuffle 1)", "shuffle", "1 (integer)");
    }
}
