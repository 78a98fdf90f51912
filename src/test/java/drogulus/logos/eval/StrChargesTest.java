package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.Printer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * str of strings, integers and nil charges its memory in one go after measuring the text exactly, where it charged
 * piece by piece (40 bytes and 2 per character each); the text and the charges must be what they were. The figures
 * are those the piece-by-piece str charged (main at 192f51c).
 */
class StrChargesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "(str \"row-\" 12 \",\" 36 \",\" nil)|`\"row-12,36,\"`|260|8",
        "(str (- -9223372036854775807 1) \"\" 0 nil)|`\"-92233720368547758080\"`|202|9",
        "(str \"a\" :k 1 2.5 nil)|`\"a:k12.5\"`|214|9",
        "(str \"é€\" 1 \"x\" -40)|`\"é€1x-40\"`|174|6",
        "(str nil nil nil)|`\"\"`|120|5",
        "(str \"\" \"\" \"\")|`\"\"`|120|5",
    })
    void strChargesWhatItChargedPieceByPiece(String source, String printed, long memory, long steps) {
        Interp interp = CoreLibrary.standard(Budget.unlimited());
        assertEquals(printed, Printer.print(interp.evalString(source, "test"), true, -1));
        assertEquals(new Charges(memory, steps), Charges.of(source));
    }
}
