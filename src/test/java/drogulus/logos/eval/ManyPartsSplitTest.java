package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import drogulus.logos.builtins.CoreLibrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A split into more than 32 parts keeps the text and makes its parts when read: for a program it must be the
 * vector the regex split gives, in every use, and charge the same memory and steps the split into strings did.
 */
class ManyPartsSplitTest {
    /** 40 lines of text, some empty, some ended by \r\n, two empty ones at the end. */
    private static final String LINES = "(def t (str (apply str (map (fn [i] (str \"l\" i "
        + "(if (= 0 (mod i 5)) \"\\r\\n\\n\" \"\\n\"))) (range 40))) \"\\n\\n\")) ";
    /** 60 fields separated by commas, some empty, three empty ones at the end. */
    private static final String FIELDS = "(def f (str (apply str (map (fn [i] (str (if (= 0 (mod i 7)) \"\" i) \",\")) "
        + "(range 60))) \",,\")) ";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(string/split-lines t)|(string/split t #\"\\r?\\n\")",
        "(string/split f \",\")|(string/split f #\",\")",
        "(string/split f \",\" 50)|(string/split f #\",\" 50)",
        "(string/split f \",\" 70)|(string/split f #\",\" 70)",
        "(string/split (str (string/join \"::\" (range 50)) \"::::\") \"::\")"
            + "|(string/split (str (string/join \"::\" (range 50)) \"::::\") #\"::\")",
    })
    void aLongSplitIsTheRegexSplitInEveryUseAndChargesAlike(String scanned, String regex) {
        for (String use : new String[] {
            "(identity %s)", "(count %s)", "(nth %s 33)", "(first %s)", "(last %s)", "(peek %s)",
            "(seq %s)", "(vec %s)", "(pr-str %s)", "(hash %s)", "(conj %s \"x\")", "(assoc %s 0 \"y\")",
            "(assoc %s 35 \"z\")", "(pop %s)", "(into %s [\"a\" \"b\"])", "(reduce str \"\" %s)",
            "(mapv count %s)", "(filter empty? %s)", "(subvec %s 3 36)", "(set %s)", "({%s 1} %s)",
            "(rseq %s)", "(apply str %s)", "(string/join \"|\" %s)", "(frequencies %s)", "(%s 34)",
            "(= %s (vec (seq %s)))",
        }) {
            String scannedUse = use.replace("%s", scanned);
            String regexUse = use.replace("%s", regex);
            Interp interp = CoreLibrary.standard(Budget.unlimited());
            interp.evalString(LINES + FIELDS, "test");
            assertEquals(interp.evalString(regexUse, "test"), interp.evalString(scannedUse, "test"), scannedUse);
            assertEquals(interp.evalString("(= " + regexUse + " " + scannedUse + ")", "test"), true, scannedUse);
            assertEquals(Charges.of(LINES + FIELDS + regexUse).memory(),
                Charges.of(LINES + FIELDS + scannedUse).memory(), scannedUse);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(string/split-lines t)|(string/split t #\"\\r?\\n\")",
        "(string/split f \",\")|(string/split f #\",\")",
    })
    void aLongSplitTravelsAsTheRegexSplitDoes(String scanned, String regex) {
        Interp interp = CoreLibrary.standard(Budget.unlimited());
        interp.evalString(LINES + FIELDS, "test");
        Object viaScan = interp.evalString(scanned, "test");
        Object viaRegex = interp.evalString(regex, "test");
        assertEquals(java.util.Arrays.toString(drogulus.crypto.LogosPack.encode(viaRegex)),
            java.util.Arrays.toString(drogulus.crypto.LogosPack.encode(viaScan)));
    }
}
