package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintTheValueOfAnExpressionReadably() {
        assertEquals(0, Scripts.evalExpression("(+ 1 2)", outStream, errStream));
        assertEquals("3\n", out());
        out.reset();
        assertEquals(0, Scripts.evalExpression("(str \"a\" \"b\") [1 \"c\"]", outStream, errStream));
        assertEquals("[1 \"c\"]\n", out());
    }

    @Test
    void shouldReportAnExpressionErrorOnStderrWithStatusOne() {
        assertEquals(1, Scripts.evalExpression("(+ 1 :a)", outStream, errStream));
        assertEquals("", out());
        assertTrue(err().startsWith("Error: <-e>:1:1: + expects a number, got :a (keyword)"), err());
    }

    @Test
    void shouldRunAScriptPrintingOnlyWhatItPrints() throws IOException {
        Path script = dir.resolve("ok.logos");
        Files.writeString(script, "(def x 41)\n(+ x 1)\n(println \"x is\" (inc x))\n");
        assertEquals(0, Scripts.runFiles(List.of(script), false, outStream, errStream));
        assertEquals("x is 42\n", out());
        assertEquals("", err());
    }

    @Test
    void shouldStopAFailingScriptWithPositionAndCallChain() throws IOException {
        Path script = dir.resolve("bad.logos");
        Files.writeString(script, "(println \"before\")\n(defn inner [] (/ 1 0))\n(defn outer [] (+ 1 (inner)))\n"
            + "(outer)\n(println \"after\")\n");
        assertEquals(1, Scripts.runFiles(List.of(script), false, outStream, errStream));
        assertEquals("before\n", out());
        String report = err();
        assertTrue(report.startsWith("Error: " + script + ":2:16: Divide by zero"), report);
        assertTrue(report.contains("at inner (" + script + ":3:21)"), report);
        assertFalse(report.contains("Exception"), report);
    }

    @Test
    void shouldReportAMissingScriptFile() {
        Path missing = dir.resolve("nope.logos");
        assertEquals(1, Scripts.runFiles(List.of(missing), false, outStream, errStream));
        assertTrue(err().contains("Can't read " + missing + ": no such file"), err());
    }

    @Test
    void shouldReportAScriptThatIsNotText() throws IOException {
        Path binary = dir.resolve("binary.logos");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
        assertEquals(1, Scripts.runFiles(List.of(binary), false, outStream, errStream));
        assertTrue(err().contains("Can't read " + binary + ": it is not UTF-8 text"), err());
    }

    @Test
    void shouldReportUnbalancedParenthesesWithTheirPosition() throws IOException {
        Path script = dir.resolve("open.logos");
        Files.writeString(script, "(println 1)\n(defn f [x]\n  (+ x 1)\n");
        assertEquals(1, Scripts.runFiles(List.of(script), false, outStream, errStream));
        assertTrue(err().contains("unbalanced '(' opened at line 2, column 1"), err());
    }

    @Test
    void shouldRunAScriptInTheSandboxWithoutFileAccess() throws IOException {
        Path script = dir.resolve("sandboxed.logos");
        Files.writeString(script, "(println (+ 1 2))\n(slurp \"/etc/passwd\")\n");
        assertEquals(1, Scripts.runFiles(List.of(script), true, outStream, errStream));
        assertEquals("3\n", out());
        assertTrue(err().contains("Unable to resolve symbol: slurp"), err());
    }

    @Test
    void shouldNameFileLineAndColumnForEveryKindOfError() throws IOException {
        Path arity = dir.resolve("arity.logos");
        Files.writeString(arity, "(defn two [a b] a)\n(two 1)\n");
        assertEquals(1, Scripts.runFiles(List.of(arity), false, outStream, errStream));
        assertTrue(err().startsWith("Error: " + arity + ":2:1: Wrong number of arguments to two"), err());
        err.reset();
        Path bare = dir.resolve("bare.logos");
        Files.writeString(bare, "(println 1)\n  undefined-name\n");
        assertEquals(1, Scripts.runFiles(List.of(bare), false, outStream, errStream));
        assertTrue(err().startsWith("Error: " + bare + ":2:3: Unable to resolve symbol: undefined-name"), err());
        err.reset();
        Path runaway = dir.resolve("runaway.logos");
        Files.writeString(runaway, "(defn f []\n  (loop [] (recur)))\n(f)\n");
        assertEquals(1, Scripts.runFiles(List.of(runaway), true, outStream, errStream));
        assertTrue(err().startsWith("Error: " + runaway + ":"), err());
        assertTrue(err().contains("Sandbox limit exceeded"), err());
    }

    @Test
    void shouldExitNonZeroWhenLogosTestsFail() throws IOException {
        Path tests = dir.resolve("tests.logos");
        Files.writeString(tests, "(load-library \"test.logos\")\n(deftest good (is (= 1 1)))\n"
            + "(deftest bad (is (= 1 2)))\n(run-tests)\n");
        assertEquals(1, Scripts.runFiles(List.of(tests), false, outStream, errStream));
        assertTrue(out().contains("FAIL bad") && out().contains("1 passed, 1 failed"), out());
        assertTrue(err().contains("1 of 2 tests failed"), err());
        out.reset();
        Files.writeString(tests, "(load-library \"test.logos\")\n(deftest good (is (= 1 1)))\n(run-tests)\n");
        assertEquals(0, Scripts.runFiles(List.of(tests), false, outStream, errStream));
        assertTrue(out().contains("1 passed, 0 failed"), out());
    }
}
