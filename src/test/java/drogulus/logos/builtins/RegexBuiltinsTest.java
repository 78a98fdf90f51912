package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.LogosError;
import drogulus.logos.eval.Interp;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RegexBuiltinsTest {
    private final Fixture f = new Fixture();

    @Test
    void shouldReadARegexLiteralThatPrintsAsWritten() {
        f.assertEvals("#\"a+\\d\"", "#\"a+\\d\"");
        f.assertEvals("#\"say \\\"hi\\\"\"", "#\"say \\\"hi\\\"\"");
        f.assertEvals(":regex", "(type #\"x\")");
        f.assertEvals("\"\\\"hi\\\"\"", "(re-find #\"\\\"hi\\\"\" \"say \\\"hi\\\"\")");
    }

    @Test
    void shouldRefuseABadRegexLiteralWithItsPosition() {
        LogosError e = assertThrows(LogosError.class, () -> f.eval("\n  #\"(a\""));
        assertTrue(e.getMessage().contains("invalid regular expression #\"(a\""), e.getMessage());
        assertEquals(2, e.position().line());
        assertEquals(3, e.position().column());
    }

    @Test
    void shouldFindMatchesAsClojureDoes() {
        f.assertEvals("\"123\"", "(re-find #\"\\d+\" \"ab123cd45\")");
        f.assertEvals("nil", "(re-find #\"\\d+\" \"abc\")");
        f.assertEvals("[\"a=1\" \"a\" \"1\"]", "(re-find #\"(\\w)=(\\d)\" \"x a=1\")");
        f.assertEvals("[\"ab\" \"a\" nil]", "(re-find #\"(a)(c)?b\" \"ab\")");
        f.assertEvals("(\"123\" \"45\")", "(re-seq #\"\\d+\" \"ab123cd45\")");
        f.assertEvals("nil", "(re-seq #\"\\d+\" \"abc\")");
        f.assertEvals("([\"k=v\" \"k\" \"v\"] [\"x=y\" \"x\" \"y\"])", "(re-seq #\"(\\w)=(\\w)\" \"k=v, x=y\")");
        f.assertEvals("\"abc\"", "(re-matches #\"[a-c]+\" \"abc\")");
        f.assertEvals("nil", "(re-matches #\"[a-c]+\" \"abcd\")");
        f.assertEvals("[\"12-34\" \"12\" \"34\"]", "(re-matches #\"(\\d+)-(\\d+)\" \"12-34\")");
    }

    @Test
    void shouldMakePatternsFromStrings() {
        f.assertEvals("#\"\\d+\"", "(re-pattern \"\\\\d+\")");
        f.assertEvals("\"42\"", "(re-find (re-pattern \"\\\\d+\") \"x42\")");
        f.assertEvals("true", "(let [r #\"x\"] (identical? r (re-pattern r)))");
        f.assertFails("(re-pattern \"[\")", "re-pattern: invalid regular expression");
        f.assertFails("(re-find 1 \"a\")", "re-find", "regex");
    }

    @Test
    void shouldSplitAndReplaceWithRegexes() {
        f.assertEvals("[\"a\" \"b\" \"c\"]", "(string/split \"a, b,c\" #\",\\s*\")");
        f.assertEvals("[\"a\" \"b, c\"]", "(string/split \"a, b, c\" #\",\\s*\" 2)");
        f.assertEvals("[\"a.b\"]", "(string/split \"a.b\" \"\\\\.\")");
        f.assertEvals("[\"a\" \"b\"]", "(string/split \"a.b\" \".\")");
        f.assertEvals("\"x-y-z\"", "(string/replace \"x1y22z\" #\"\\d+\" \"-\")");
        f.assertEvals("\"b=a\"", "(string/replace \"a=b\" #\"(\\w)=(\\w)\" \"$2=$1\")");
        f.assertEvals("\"x[1]y[22]\"", "(string/replace \"x1y22\" #\"\\d+\" (fn [m] (str \"[\" m \"]\")))");
        f.assertEvals("\"A1\"",
            "(string/replace \"a1\" #\"([a-z])(\\d)\" (fn [[_ l d]] (str (string/upper-case l) d)))");
        f.assertEvals("\"$1.\"", "(string/replace \"a.\" \"a\" \"$1\")");
    }

    @Test
    void shouldEndACatastrophicPatternInTheSandboxWithTheLimitError() {
        Interp sandbox = Sandbox.create(new Sandbox.Limits(100_000_000L, 500, 64L * 1024 * 1024, 500, 1 << 20));
        String source = "(re-find #\"(a+)+$\" (str (apply str (repeat 20000 \"a\")) \"!\"))";
        LogosError e = assertThrows(LogosError.class, () -> Sandbox.run(sandbox, source, "evil.logos"));
        assertTrue(e.getMessage().startsWith("Sandbox limit exceeded: "), e.getMessage());
        Interp steps = Sandbox.create(new Sandbox.Limits(20_000L, 60_000, 64L * 1024 * 1024, 500, 1 << 20));
        LogosError s = assertThrows(LogosError.class, () -> Sandbox.run(steps, source, "evil.logos"));
        assertTrue(s.getMessage().contains("steps"), s.getMessage());
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void shouldChargeCompilingALongPatternBeforeItStarts() {
        // Java builds a long literal's search tables in time quadratic in its length, reading no text meanwhile.
        Interp steps = Sandbox.create(new Sandbox.Limits(1_000_000L, 60_000, 64L * 1024 * 1024, 500, 1 << 20));
        String source = "(let [s (apply str (repeat 80000 \"b\"))] (re-find s s))";
        LogosError e = assertThrows(LogosError.class, () -> Sandbox.run(steps, source, "long.logos"));
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
    }
}
