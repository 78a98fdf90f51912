package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Compiled calls of str and + with three or more arguments ({@link VariadicCallCompiler}) give what the call of
 * the built-in gives: the same values, the same errors with the same positions, and the same memory and steps
 * charged. Each program runs with every body compiled at its first call and as trees, over many arguments.
 */
@Timeout(120)
class VariadicCallsTest {
    /** Values of every kind str prints, and the integers at the edges of a long's digits and range. */
    private static final String[] VALUES = {
        "\"\"", "\"row-\"", "\",\"", "\"\u00e9t\u00e9\"", "\"\u4e2d\ud83d\ude00\"",
        "0", "7", "-1", "10", "-99", "123456789", "9223372036854775807", "-9223372036854775808",
        "100000000000000000000", "nil", "true", "1.5", "-0.0", "##Inf", ":k", ":ns/k", "'sym",
        "[1 \"b\" nil]", "{:a [1 2]}", "#{3}", "'(1 2)", "#\"a\\d\"", "(range 3)", "(map inc [1 2])",
    };

    @AfterEach
    void restoreCompileAfter() {
        HotCode.setCompileAfter(Integer.getInteger("drogulus.compileAfter", 1000));
    }

    /** The program's printed value (or error message), then its memory and steps, compiled or as trees. */
    private static List<Object> run(boolean compiled, String definition, String program) {
        HotCode.setCompileAfter(compiled ? 1 : 0);
        Budget budget = Budget.limited(Long.MAX_VALUE / 2, 600_000, Long.MAX_VALUE / 2, 10_000);
        Interp interp = CoreLibrary.standard(budget);
        interp.evalString(definition, "test");
        long compiledBefore = HotCode.compiled();
        // Once to compile the body at its first call, then measured.
        String first = outcome(interp, program);
        budget.reset();
        long before = budget.memoryLeft();
        String value = outcome(interp, program);
        assertEquals(first, value, program);
        assertEquals(compiled, HotCode.compiled() > compiledBefore, "compiled: " + program);
        return List.of(value, before - budget.memoryLeft(), budget.stepsUsed());
    }

    private static String outcome(Interp interp, String program) {
        try {
            return Printer.print(interp.evalString(program, "test"), true);
        } catch (LogosError e) {
            return "error: " + e.getMessage();
        }
    }

    private static void same(String definition, String program) {
        assertEquals(run(false, definition, program), run(true, definition, program), program);
    }

    @Test
    void strOfThreeToSevenArgumentsIsTheBuiltInsTextAndCharges() {
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < VALUES.length; i++) {
            String a = VALUES[i];
            String b = VALUES[(i * 7 + 3) % VALUES.length];
            String c = VALUES[(i * 11 + 5) % VALUES.length];
            calls.add("(f " + a + " " + b + " " + c + ")");
            calls.add("(g " + c + " " + a + " " + b + ")");
        }
        same("(defn f [a b c] (str a b c)) (defn g [a b c] (str \"row-\" a \",\" (str b) \",\" c nil))",
            "[" + String.join(" ", calls) + "]");
    }

    @Test
    void strOfIntegersOfEveryLengthIsTheBuiltInsText() {
        List<String> calls = new ArrayList<>();
        for (long n = 1; n > 0 && n < Long.MAX_VALUE / 3; n = n * 3 + 1) {
            calls.add("(f " + n + " -" + n + " " + (n - 1) + ")");
        }
        same("(defn f [i j k] (str \"row-\" i \",\" j \",\" k))", "[" + String.join(" ", calls) + "]");
    }

    @Test
    void sumsOfLongsAndOfOtherNumbersAreTheBuiltInsSumsAndCharges() {
        String[] numbers = {"0", "1", "-1", "3", "9223372036854775807", "-9223372036854775808", "9223372036854775806",
            "1.5", "-2.25", "100000000000000000000", "-100000000000000000000", "##NaN"};
        List<String> calls = new ArrayList<>();
        for (String a : numbers) {
            for (String b : numbers) {
                calls.add("(f " + a + " " + b + " 1)");
                calls.add("(g " + b + " -1 " + a + " " + a + ")");
            }
        }
        same("(defn f [a b c] (+ a b c)) (defn g [a b c d] (+ a b c d 2))", "[" + String.join(" ", calls) + "]");
    }

    @Test
    void aNonNumberInASumIsTheBuiltInsErrorAtTheCall() {
        String definition = "(defn f [a b c] (+ a b c))";
        for (String args : new String[] {"1 2 \"x\"", "\"x\" 1 2", "1 nil 2", "9223372036854775807 1 :k"}) {
            List<Object> tree = run(false, definition, "(f " + args + ")");
            assertTrue(String.valueOf(tree.get(0)).startsWith("error: "), tree.toString());
            assertEquals(tree, run(true, definition, "(f " + args + ")"));
        }
    }

    @Test
    void aGlobalRedefinedAfterCompilingIsCalledAsItIsNow() {
        HotCode.setCompileAfter(1);
        Interp interp = CoreLibrary.standard(Budget.unlimited());
        interp.evalString("(defn f [a b c] [(str a b c) (+ a b c)])", "test");
        assertEquals("[\"123\" 6]", Printer.print(interp.evalString("(f 1 2 3)", "test"), true));
        interp.evalString("(def str vector) (def + list)", "test");
        assertEquals("[[1 2 3] (1 2 3)]", Printer.print(interp.evalString("(f 1 2 3)", "test"), true));
    }

    @Test
    void aLimitWhileStrPrintsIsTheTreesErrorAtTheCall() {
        String program = "(f [(range 100000)] 1 2)";
        String definition = "(defn f [a b c] (str \"x\" a b c))";
        String[] messages = new String[2];
        for (int compiled = 0; compiled < 2; compiled++) {
            HotCode.setCompileAfter(compiled);
            Interp interp = CoreLibrary.standard(Budget.limited(Long.MAX_VALUE / 2, 600_000, 200_000, 10_000));
            interp.evalString(definition, "test");
            LimitExceeded e = assertThrows(LimitExceeded.class, () -> interp.evalString(program, "test"));
            messages[compiled] = e.position() + " " + e.report();
        }
        assertEquals(messages[0], messages[1]);
        // The str call's own position (line 1, column 17), not the caller's.
        assertTrue(messages[1].startsWith("test:1:17"), messages[1]);
    }
}
