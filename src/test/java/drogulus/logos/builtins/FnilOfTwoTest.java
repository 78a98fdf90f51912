package drogulus.logos.builtins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code (fnil f x)} gives the function it made last again while f and x are the same objects (update's argument
 * in a loop): any other f or x makes the function it names, and the one given again does what a new one would.
 */
@Timeout(10)
class FnilOfTwoTest {
    private final Fixture logos = new Fixture();

    @Test
    void shouldUseTheDefaultAndFunctionOfEachCall() {
        logos.assertEvals("[1 2 3 4]", "(mapv (fn [d] ((fnil + d) nil 1)) [0 1 2 3])");
        logos.assertEvals("[7 10 3 7]", "(mapv (fn [f] ((fnil f 5) nil 2)) [+ * - +])");
        logos.assertEvals("[1 11 1]",
            "(let [a (fnil + 0) b (fnil + 10) c (fnil + 0)] [(a nil 1) (b nil 1) (c nil 1)])");
    }

    @Test
    void shouldGiveTheSameFunctionForTheSameArgumentsInARow() {
        logos.assertEvals("[true false]", "(let [a (fnil + 0) b (fnil + 0) c (fnil + 1)] [(identical? a b) "
            + "(identical? b c)])");
        logos.assertEvals("{\"a\" 3, \"b\" 2}",
            "(reduce (fn [m [k n]] (update m k (fnil + 0) n)) {} [[\"a\" 1] [\"b\" 2] [\"a\" 2]])");
        logos.assertEvals("[5 6]", "(let [f (fnil inc 4)] [(f nil) (f 5)])");
    }
}
