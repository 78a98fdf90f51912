package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.StrText;
import drogulus.logos.eval.Budget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StringBuiltinsTest {
    private final Fixture logos = new Fixture();

    @Test
    void shouldTakeSubstringsByCharacter() {
        logos.assertEvals("\"ell\"", "(subs \"hello\" 1 4)");
        logos.assertEvals("\"llo\"", "(subs \"hello\" 2)");
        logos.assertEvals("\"\"", "(subs \"hello\" 5)");
        logos.assertEvals("\"\u00e9\"", "(subs \"h\u00e9\" 1)");
        logos.assertFails("(subs \"hello\" 2 9)", "subs", "out of bounds", "5 characters");
        logos.assertFails("(subs \"hello\" 3 2)", "subs", "out of bounds");
        logos.assertFails("(subs :k 0)", "subs", ":k (keyword)");
    }

    @Test
    void shouldSplitOnLiteralSeparators() {
        logos.assertEvals("[\"a\" \"b\" \"c\"]", "(string/split \"a.b.c\" \".\")");
        logos.assertEvals("[\"a\" \"\" \"b\"]", "(string/split \"a,,b,,\" \",\")");
        logos.assertEvals("[\"a\" \"b,c\"]", "(string/split \"a,b,c\" \",\" 2)");
        logos.assertEvals("[\"\"]", "(string/split \"\" \",\")");
        logos.assertEvals("[]", "(string/split \",,\" \",\")");
        // More parts than the first guess of room for them, and more than a vector's small (one-array) size.
        logos.assertEvals("[\"a\" \"b\" \"c\" \"d\" \"e\" \"f\" \"g\" \"h\" \"i\" \"\" \"j\"]",
            "(string/split \"a,b,c,d,e,f,g,h,i,,j,,,\" \",\")");
        logos.assertEvals("[40 \"p0\" \"p39\" 3 \"p2,p3\"]",
            "(let [s (string/join \",\" (map #(str \"p\" %) (range 40))) v (string/split s \",\")] "
            + "[(count v) (first v) (peek v) (count (string/split s \",\" 3)) "
            + "(subs (peek (string/split s \",\" 3)) 0 5)])");
        logos.assertEvals("[\"x\" \"\" \"y\" \"z\" \"w\" \"v\"]",
            "(string/split-lines \"x\\n\\r\\ny\\nz\\nw\\r\\nv\\n\\n\")");
        logos.assertEvals("[\"a\" \"b\" \"c\" \"d\" \"e\"]", "(string/split \"a1b22c333d4e55\" #\"[0-9]+\")");
        logos.assertEvals("[\"a\" \"b\"]", "(string/split \"ab\" \"\")");
        logos.assertFails("(string/split \"a\" 1)", "string/split", "1 (integer)");
    }

    @Test
    void shouldSplitOnLongerAndSpecialLiteralSeparatorsAsARegexOfThemWould() {
        logos.assertEvals("[\"a\" \"b\" \"c\"]", "(string/split \"a::b::c\" \"::\")");
        logos.assertEvals("[\"\" \"a\" \"b\"]", "(string/split \"::a::b::::\" \"::\")");
        logos.assertEvals("[\"a\" \":b\"]", "(string/split \"a:::b\" \"::\")");
        logos.assertEvals("[\"a\" \"b\" \"c|d\"]", "(string/split \"a|b|c|d\" \"|\" 3)");
        logos.assertEvals("[\"a|b|c\"]", "(string/split \"a|b|c\" \"|\" 1)");
        logos.assertEvals("[\"a\" \"\" \"\"]", "(string/split \"a,,\" \",\" 3)");
        logos.assertEvals("[\"abc\"]", "(string/split \"abc\" \"$\")");
        logos.assertFails("(string/split \"a,b\" \",\" nil)", "string/split");
        logos.assertFails("(string/split \"a,b\" \",\" 0)", "string/split", "positive");
        logos.assertEvals("[\"x\" \"y\"]", "(string/split \"x\\\\Ey\" \"\\\\E\")");
        logos.assertEvals("[\"hé\" \"à\"]", "(string/split \"hé,à\" \",\")");
    }

    @Test
    void shouldGiveSplitPartsAsVectorsThatChangeOnlyByCopy() {
        logos.assertEvals("[[\"z\" \"b\" \"c\"] [\"a\" \"b\" \"c\" \"d\"] [\"a\" \"b\" \"c\"] true]",
            "(let [v (string/split \"a,b,c\" \",\")] [(assoc v 0 \"z\") (conj v \"d\") v (vector? v)])");
        logos.assertEvals("[32 33 \"p31\" \"p32\" [\"p0\" \"p1\"]]",
            "(let [s32 (string/join \",\" (map #(str \"p\" %) (range 32))) s33 (str s32 \",p32\")] "
            + "[(count (string/split s32 \",\")) (count (string/split s33 \",\")) (peek (string/split s32 \",\")) "
            + "(peek (string/split s33 \",\")) (subvec (string/split-lines (string/replace s33 \",\" \"\\n\")) 0 2)])");
        logos.assertEvals("[\"a\" \"b\"]", "(pop (string/split \"a,b,c\" \",\"))");
    }

    @Test
    void shouldJoinIntegersOfEveryLengthInStr() {
        logos.assertEvals("\"a-9223372036854775808b9223372036854775807c1000000000000000000d0e-1f9g10\"",
            "(str \"a\" -9223372036854775808 \"b\" 9223372036854775807 \"c\" 1000000000000000000 \"d\" 0 \"e\" "
            + "-1 \"f\" 9 \"g\" 10)");
        logos.assertEvals("\"x:k1.5[1]\"", "(str \"x\" nil :k 1.5 [1])");
        long[] samples = {0, 9, 10, 99, 100, -1, -10, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (long n : samples) {
            org.junit.jupiter.api.Assertions.assertEquals(Long.toString(n).length(), StrText.decimalLength(n),
                "decimal length of " + n);
        }
        // Every power of ten and of two, one either side, and their negatives.
        java.util.List<Long> edges = new java.util.ArrayList<>();
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            edges.add(p * 10);
        }
        for (int bit = 0; bit < 63; bit++) {
            edges.add(1L << bit);
        }
        for (long edge : edges) {
            for (long n : new long[] {edge - 1, edge, edge + 1, -edge + 1, -edge, -edge - 1}) {
                org.junit.jupiter.api.Assertions.assertEquals(Long.toString(n).length(), StrText.decimalLength(n),
                    "decimal length of " + n);
            }
        }
    }

    @Test
    void shouldSplitLinesAsTheRegexSplitAtCrLfDoesForEveryShapeOfEmptyLines() {
        String[] texts = {"", "\\n", "a", "a\\n", "\\na", "\\n\\na\\n\\nb\\n\\n\\n", "\\r\\n\\r\\n", "a\\r",
            "a\\r\\n\\r\\nb\\r\\n\\n"};
        for (String text : texts) {
            logos.assertEvals("true", "(= (string/split-lines \"" + text + "\") (string/split \"" + text
                + "\" #\"\\r?\\n\"))");
        }
        logos.assertEvals("[79 \"a\" \"\" \"a\"]", "(let [v (string/split-lines (apply str (repeat 40 \"a\\n\\n\")))] "
            + "[(count v) (nth v 30) (nth v 31) (peek v)])");
        logos.assertEvals("36", "(count (string/split-lines (str (apply str (repeat 33 \"\\n\")) \"x\\ny\\nz\")))");
    }

    @Test
    void shouldSplitLinesAtNewlinesAndCrLfOnly() {
        logos.assertEvals("[\"a\\rb\" \"c\"]", "(string/split-lines \"a\\rb\\nc\")");
        logos.assertEvals("[\"a\\r\" \"b\"]", "(string/split-lines \"a\\r\\r\\nb\")");
        logos.assertEvals("[]", "(string/split-lines \"\\n\\n\")");
        logos.assertEvals("[\"\" \"a\"]", "(string/split-lines \"\\r\\na\\r\\n\")");
        logos.assertEvals("[\"one line\"]", "(string/split-lines \"one line\")");
    }

    @Test
    void shouldChargeSplitsAndJoinsOfStringsToTheMemoryBudget() {
        String word = "\"" + "x".repeat(1000) + "\"";
        String lines = "\"" + "ab\\n".repeat(20_000) + "\"";
        // Each piece costs 40 bytes and 2 per character: 60 words fit in 500 kB, 300 do not.
        new Fixture(sandboxBudget()).assertEvals("60",
            "(count (string/split (string/join \",\" (repeat 60 " + word + ")) \",\"))");
        LogosError join = assertThrows(LogosError.class,
            () -> new Fixture(sandboxBudget()).eval("(string/join \",\" (repeat 300 " + word + "))"));
        assertInstanceOf(LimitExceeded.class, join);
        LogosError split = assertThrows(LogosError.class,
            () -> new Fixture(sandboxBudget()).eval("(string/split-lines " + lines + ")"));
        assertInstanceOf(LimitExceeded.class, split);
    }

    private static Budget sandboxBudget() {
        return Budget.limited(10_000_000, 5_000, 500_000, 1000);
    }

    @Test
    void shouldSplitOnRegexesAndLines() {
        logos.assertEvals("[\"a\" \"b\" \"c\"]", "(string/split-re \"a1b22c\" \"[0-9]+\")");
        logos.assertEvals("[\"one\" \"two\" \"\" \"three\"]", "(string/split-lines \"one\\ntwo\\r\\n\\nthree\\n\")");
        logos.assertEvals("[\"\"]", "(string/split-lines \"\")");
        logos.assertFails("(string/split-re \"abc\" \"(b\")", "string/split-re", "invalid regular expression",
            "(b");
    }

    @Test
    void shouldStopAHostileRegexWithTheStepBudget() {
        // Unbounded, this match backtracks for minutes; the metered text makes the step limit end it.
        Fixture sandboxed = new Fixture(Budget.limited(20_000, 5_000, 10_000_000, 1000));
        LogosError e = assertThrows(LogosError.class,
            () -> sandboxed.eval("(string/split-re \"aaaaaaaaaaaaaaaaaaaaaaaa\" \"(.*a){25}\")"));
        assertInstanceOf(LimitExceeded.class, e);
    }

    @Test
    void shouldJoinWithOptionalSeparator() {
        logos.assertEvals("\"1, :a, x\"", "(string/join \", \" [1 :a \"x\"])");
        logos.assertEvals("\"abc\"", "(string/join [\"a\" \"b\" \"c\"])");
        logos.assertEvals("\"-a\"", "(string/join \"-\" [nil \"a\"])");
        logos.assertEvals("\"\"", "(string/join \", \" nil)");
        logos.assertFails("(string/join 1 [2])", "string/join", "1 (integer)");
        logos.assertEvals("\"a--b--\"", "(string/join \"--\" [\"a\" \"b\" \"\"])");
        logos.assertEvals("\"row-1,3\\nrow-2,6\"",
            "(string/join \"\\n\" (map (fn [i] (str \"row-\" i \",\" (* i 3))) [1 2]))");
    }

    @Test
    void shouldBuildStrFromStringsNumbersAndOtherValues() {
        logos.assertEvals("\"a1-2:kx\"", "(str \"a\" 1 -2 :k nil \"x\")");
        logos.assertEvals("\"9223372036854775807[1 2]1.5\"", "(str 9223372036854775807 [1 2] 1.5)");
        logos.assertEvals("\"\"", "(str)");
        logos.assertEvals("\"\"", "(str nil nil nil)");
    }

    @Test
    void shouldChangeCaseAndTrim() {
        logos.assertEvals("\"ABC\"", "(string/upper-case \"aBc\")");
        logos.assertEvals("\"abc\"", "(string/lower-case \"aBc\")");
        logos.assertEvals("\"Hello world\"", "(string/capitalize \"hELLO WORLD\")");
        logos.assertEvals("\"\"", "(string/capitalize \"\")");
        logos.assertEvals("\"a b\"", "(string/trim \"  a b \\n\")");
        logos.assertEvals("\"a \"", "(string/triml \"  a \")");
        logos.assertEvals("\"  a\"", "(string/trimr \"  a \")");
        logos.assertEvals("\"\"", "(string/trim \"\")");
        logos.assertFails("(string/upper-case nil)", "string/upper-case", "got nil");
        logos.assertFails("(string/trim 3)", "string/trim", "3 (integer)");
    }

    @Test
    void shouldTestBlanknessAndContents() {
        logos.assertEvals("true", "(string/blank? nil)");
        logos.assertEvals("true", "(string/blank? \" \\t\")");
        logos.assertEvals("false", "(string/blank? \" x \")");
        logos.assertEvals("true", "(string/includes? \"hello\" \"ell\")");
        logos.assertEvals("true", "(string/includes? \"hello\" \"\")");
        logos.assertEvals("false", "(string/includes? \"hello\" \"z\")");
        logos.assertEvals("true", "(string/starts-with? \"hello\" \"he\")");
        logos.assertEvals("false", "(string/ends-with? \"hello\" \"he\")");
        logos.assertEvals("true", "(string/ends-with? \"hello\" \"llo\")");
        logos.assertFails("(string/blank? 1)", "string/blank?", "1 (integer)");
        logos.assertFails("(string/includes? \"a\" :a)", "string/includes?", ":a (keyword)");
    }

    @Test
    void shouldFindIndexes() {
        logos.assertEvals("2", "(string/index-of \"hello\" \"l\")");
        logos.assertEvals("3", "(string/index-of \"hello\" \"l\" 3)");
        logos.assertEvals("nil", "(string/index-of \"hello\" \"z\")");
        logos.assertEvals("3", "(string/last-index-of \"hello\" \"l\")");
        logos.assertEvals("2", "(string/last-index-of \"hello\" \"l\" 2)");
        logos.assertEvals("nil", "(string/last-index-of \"\" \"l\")");
        logos.assertEvals("2", "(string/index-of \"\u00e9\u00e9x\" \"x\")");
        logos.assertFails("(string/index-of \"a\" nil)", "string/index-of", "got nil");
    }

    @Test
    void shouldReplaceLiterallyOrByRegex() {
        logos.assertEvals("\"a-b-c\"", "(string/replace \"a.b.c\" \".\" \"-\")");
        logos.assertEvals("\"a$1b\"", "(string/replace \"a.b\" \".\" \"$1\")");
        logos.assertEvals("\"\"", "(string/replace \"\" \"x\" \"y\")");
        logos.assertEvals("\"b-a\"", "(string/replace-re \"a-b\" \"(\\\\w)-(\\\\w)\" \"$2-$1\")");
        logos.assertEvals("\"x x\"", "(string/replace-re \"1 22\" \"[0-9]+\" \"x\")");
        logos.assertFails("(string/replace-re \"a\" \"[\" \"x\")", "string/replace-re", "\"[\"");
        logos.assertFails("(string/replace-re \"a\" \"a\" \"$3\")", "string/replace-re", "bad replacement");
        logos.assertFails("(string/replace \"a\" 1 \"x\")", "string/replace", "1 (integer)");
    }

    @Test
    void shouldReverseByCharacter() {
        logos.assertEvals("\"cba\"", "(string/reverse \"abc\")");
        logos.assertEvals("\"\"", "(string/reverse \"\")");
        logos.assertEvals("\"x\ud83d\ude00\"", "(string/reverse \"\ud83d\ude00x\")");
        logos.assertFails("(string/reverse [1])", "string/reverse", "[1] (vector)");
    }

    @Test
    void shouldFormatLogosValues() {
        logos.assertEvals("\"n=42 s=hi k=:k f=1.50 x=ff\"",
            "(format \"n=%d s=%s k=%s f=%.2f x=%x\" 42 \"hi\" :k 1.5 255)");
        logos.assertEvals("\"[1 2] and \"", "(format \"%s and %s\" [1 2] nil)");
        logos.assertEvals("\"100%\"", "(format \"100%%\")");
        logos.assertFails("(format \"%d\" \"x\")", "format", "%d");
        logos.assertFails("(format \"%s %s\" 1)", "format");
        logos.assertFails("(format 1)", "format", "1 (integer)");
    }

    @Test
    void shouldChargeStringsToTheMemoryBudget() {
        Fixture sandboxed = new Fixture(Budget.limited(Long.MAX_VALUE, 10_000, 1_000_000, 1000));
        assertInstanceOf(LimitExceeded.class, assertThrows(LogosError.class,
            () -> sandboxed.eval("(format \"%900000000s\" \"x\")")));
        assertInstanceOf(LimitExceeded.class, assertThrows(LogosError.class,
            () -> sandboxed.eval("(string/join (repeat 200000 \"xyz\"))")));
    }
}
