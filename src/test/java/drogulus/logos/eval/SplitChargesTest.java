package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import drogulus.logos.builtins.CoreLibrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * string/split with a literal separator and string/split-lines scan the text without a regex and count their parts
 * before making them; they must charge the memory budget exactly what the regex split charges for the same parts.
 */
class SplitChargesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(string/split \"row-1,3,1\" \",\")|(string/split \"row-1,3,1\" #\",\")",
        "(string/split \"a,,b,,\" \",\")|(string/split \"a,,b,,\" #\",\")",
        "(string/split \",,\" \",\")|(string/split \",,\" #\",\")",
        "(string/split \"\" \",\")|(string/split \"\" #\",\")",
        "(string/split \"a::b::::c\" \"::\")|(string/split \"a::b::::c\" #\"::\")",
        "(string/split \"a,b,c,d\" \",\" 2)|(string/split \"a,b,c,d\" #\",\" 2)",
        "(string/split \"a,b,,\" \",\" 4)|(string/split \"a,b,,\" #\",\" 4)",
        "(string/split \"aébéc\" \"é\")|(string/split \"aébéc\" #\"é\")",
        "(string/split \"a\tb\tc\td\" \"\\t\" 3)|(string/split \"a\tb\tc\td\" #\"\\t\" 3)",
        "(string/split (apply str (repeat 100 \"ab,\")) \",\")|(string/split (apply str (repeat 100 \"ab,\")) #\",\")",
        "(string/split-lines \"a\\r\\nb\\n\\nc\\n\\n\")|(string/split \"a\\r\\nb\\n\\nc\\n\\n\" #\"\\r?\\n\")",
        "(string/split-lines \"\\n\\n\")|(string/split \"\\n\\n\" #\"\\r?\\n\")",
        "(string/split-lines \"x\\r\\r\\ny\")|(string/split \"x\\r\\r\\ny\" #\"\\r?\\n\")",
        "(string/split-lines (apply str (repeat 100 \"ab\\n\")))"
            + "|(string/split (apply str (repeat 100 \"ab\\n\")) #\"\\r?\\n\")",
    })
    void aScannedSplitChargesTheMemoryOfTheRegexSplit(String scanned, String regex) {
        Interp interp = CoreLibrary.standard(Budget.unlimited());
        assertEquals(interp.evalString(regex, "test"), interp.evalString(scanned, "test"));
        assertEquals(Charges.of(regex).memory(), Charges.of(scanned).memory());
    }

}
