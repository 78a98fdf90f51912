package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.LogosError;
import drogulus.logos.data.Numbers;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Budget;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Globals;
import drogulus.logos.eval.Interp;
import java.util.Objects;

/**
 * An interpreter with the safe library for built-in tests. The few arithmetic and predicate helpers the tests
 * lean on are defined here only when the library doesn't provide them yet, so the tests run either way.
 */
final class Fixture {
    private final Interp interp;

    Fixture() {
        this(Budget.unlimited());
    }

    Fixture(Budget budget) {
        interp = new Interp(new Globals(), budget);
        CoreLibrary.installSafe(interp);
        helper("inc", 1, args -> Numbers.add(args[0], 1L));
        helper("+", Builtin.VARIADIC, args -> {
            Object sum = 0L;
            for (Object x : args) {
                sum = Numbers.add(sum, x);
            }
            return sum;
        });
        helper("-", 2, args -> Numbers.subtract(args[0], args[1]));
        helper("*", 2, args -> Numbers.multiply(args[0], args[1]));
        helper("<", 2, args -> Numbers.compare("<", args[0], args[1]) < 0);
        helper(">", 2, args -> Numbers.compare(">", args[0], args[1]) > 0);
        helper("=", 2, args -> Objects.equals(args[0], args[1]));
        helper("odd?", 1, args -> Math.floorMod((Long) args[0], 2L) == 1);
        helper("even?", 1, args -> Math.floorMod((Long) args[0], 2L) == 0);
        helper("nil?", 1, args -> args[0] == null);
        helper("str", Builtin.VARIADIC, args -> {
            StringBuilder out = new StringBuilder();
            for (Object x : args) {
                out.append(Printer.str(x));
            }
            return out.toString();
        });
    }

    private void helper(String name, int arity, Builtin.Body body) {
        Globals.Cell cell = interp.globals().cell(Symbol.of(name));
        if (!cell.isBound()) {
            int min = arity == Builtin.VARIADIC ? 0 : arity;
            interp.globals().define(new Builtin(name, "Test helper.", min, arity, body));
        }
    }

    Object eval(String source) {
        return interp.evalString(source, "test");
    }

    void assertEvals(String expected, String source) {
        assertEquals(expected, Printer.print(eval(source), true), source);
    }

    /** Asserts that evaluating source fails with a message containing every fragment. */
    void assertFails(String source, String... fragments) {
        LogosError e = assertThrows(LogosError.class, () -> eval(source), source);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" lacks \""
                + fragment + "\" for " + source);
        }
    }

    /** The message an evaluation fails with, for errors a test inspects more closely. */
    String failure(String source) {
        return assertThrows(LogosError.class, () -> eval(source), source).getMessage();
    }
}
