package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * (+ a b c ...) sums longs unboxed until a number of another kind or an overflow, then goes on as the general sum;
 * the sums, and the big integers charged along the way, must be what adding one argument at a time gave. The
 * figures are those of the one-at-a-time sum (main at 192f51c).
 */
class VariadicSumTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(+ 1 2 3)|6|0|5",
        "(+ 9223372036854775807 1 -1)|9223372036854775807|24|6",
        "(+ 1 2.5 3)|6.5|0|5",
        "(+ 9223372036854775807 9223372036854775807 9223372036854775807 -9223372036854775807)"
            + "|18446744073709551614|72|9",
        "(+ -9223372036854775807 -2 5)|-9223372036854775804|24|6",
    })
    void aSumIsWhatAddingOneAtATimeGave(String source, String printed, long memory, long steps) {
        Interp interp = CoreLibrary.standard(Budget.unlimited());
        assertEquals(printed, Printer.print(interp.evalString(source, "test"), true, -1));
        assertEquals(new Charges(memory, steps), Charges.of(source));
    }

    @Test
    void aStringAmongTheNumbersIsNamedInTheError() {
        Interp interp = CoreLibrary.standard(Budget.unlimited());
        LogosError late = assertThrows(LogosError.class, () -> interp.evalString("(+ 1 2 \"x\")", "test"));
        LogosError early = assertThrows(LogosError.class, () -> interp.evalString("(+ \"x\" 1 2)", "test"));
        assertTrue(late.getMessage().contains("+ expects a number, got \"x\""), late.getMessage());
        assertTrue(early.getMessage().contains("+ expects a number, got \"x\""), early.getMessage());
    }
}
