package drogulus.logos.builtins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FnBuiltinsTest {
    private final Fixture logos = new Fixture();

    @Test
    void shouldReturnArgumentsAndConstants() {
        logos.assertEvals("[1 2]", "(identity [1 2])");
        logos.assertEvals("nil", "(identity nil)");
        logos.assertEvals("(:k :k)", "(map (constantly :k) [1 2])");
        logos.assertEvals("nil", "((constantly nil))");
        logos.assertFails("(identity)", "Wrong number of arguments to identity");
    }

    @Test
    void shouldComposeRightToLeft() {
        logos.assertEvals("\"3\"", "((comp str inc +) 1 1)");
        logos.assertEvals("5", "((comp) 5)");
        logos.assertEvals("(2 3)", "(map (comp inc) [1 2])");
        logos.assertFails("((comp 1) 2)", "Cannot call 1");
    }

    @Test
    void shouldPartiallyApply() {
        logos.assertEvals("6", "((partial + 1 2) 3)");
        logos.assertEvals("0", "((partial +))");
        logos.assertFails("(partial)", "Wrong number of arguments to partial");
    }

    @Test
    void shouldComplementAndJuxt() {
        logos.assertEvals("(2 4)", "(filter (complement odd?) [1 2 3 4])");
        logos.assertEvals("true", "((complement nil?) 0)");
        logos.assertEvals("[2 0]", "((juxt inc (fn [x] (- x 1))) 1)");
        logos.assertEvals("[1 nil]", "((juxt :a :b) {:a 1})");
        logos.assertFails("(juxt)", "Wrong number of arguments to juxt");
    }

    @Test
    void shouldPatchNilArgumentsWithFnil() {
        logos.assertEvals("1", "((fnil inc 0) nil)");
        logos.assertEvals("6", "((fnil inc 0) 5)");
        logos.assertEvals("{:n 1}", "(update {} :n (fnil inc 0))");
        logos.assertEvals("12", "((fnil + 1 10) nil nil 1)");
        logos.assertEvals("1", "((fnil + 1 10) nil)");
        logos.assertEvals("15", "((fnil + 1 10) 5 nil)");
        logos.assertEvals("7", "((fnil + 1 10) 5 2)");
        logos.assertEvals("[0 nil]", "((fnil vector 0) nil nil)");
        logos.assertEvals("[0 5 3]", "((fnil vector 0 5 6) nil nil 3)");
        // Made by the two-argument fast path, by apply, and calling closures, keywords and maps as well as built-ins.
        logos.assertEvals("[(:d 2) (:d 2) [0] (1 2) nil :x]", "[((fnil (fn [a b] (list a b)) :d) nil 2)"
            + " ((apply fnil [(fn [a b] (list a b)) :d]) nil 2) ((fnil (fn [a] [a]) 0) nil)"
            + " ((fnil (fn [& xs] xs) 0) 1 2) ((fnil :k {}) nil) ((fnil {1 :x} 1) nil)]");
        logos.assertEvals("{:a 1, :b [3]}", "(update (update {} :a (fnil inc 0)) :b (fnil conj []) 3)");
        logos.assertEvals("{\"c\" 7}", "(reduce (fn [m x] (update m \"c\" (fnil + 0) x)) {} [3 4])");
        logos.assertFails("((fnil + 0) nil :a)", "+");
        logos.assertFails("(fnil inc)", "Wrong number of arguments to fnil");
    }

    @Test
    void shouldPickTheExtremeByKey() {
        logos.assertEvals("\"ccc\"", "(max-key count \"a\" \"ccc\" \"bb\")");
        logos.assertEvals("\"a\"", "(min-key count \"a\" \"ccc\" \"bb\")");
        logos.assertEvals("[2]", "(max-key count [1] [2])");
        logos.assertEvals(":only", "(max-key count :only)");
        logos.assertFails("(max-key :k {:k \"x\"} {:k \"y\"})", "max-key", "\"y\" (string)");
    }
}
