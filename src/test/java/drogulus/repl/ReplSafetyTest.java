package drogulus.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.builtins.Sandbox;
import drogulus.logos.builtins.SandboxBuiltins;
import drogulus.logos.eval.Interp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The REPL survives results too big to print, shows guests' control characters escaped, reads long input once. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplSafetyTest {
    private static String session(String input) {
        Interp interp = CoreLibrary.standard();
        SandboxBuiltins.install(interp, Sandbox::create);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, new Repl(interp).run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReportAResultTooLargeToPrintAndGoOn() {
        String output = session("(sandbox/eval \"(reduce (fn [x _] {:k x :v x}) 0 (range 50))\")\n(* 7 6)\n");
        assertTrue(output.contains("Value too large to print"), output.substring(0, Math.min(200, output.length())));
        assertTrue(output.endsWith("42\n"), output.substring(Math.max(0, output.length() - 200)));
    }

    @Test
    void shouldEscapeControlCharactersThatSandboxedCodePrints() {
        String output = session("(sandbox/eval \"(print (str \\\"\\u001b\\\" \\\"]0;title\\u0007\\\" "
            + "\\\"\\u009b2J\\\"))\")\n(sandbox/eval \"(symbol \\\"\\u001bc\\\")\")\n");
        assertFalse(output.contains("\u001b"), output);
        assertFalse(output.contains("\u0007"), output);
        assertFalse(output.contains("\u009b"), output);
        assertTrue(output.contains("\\u001b]0;title\\u0007"), output);
        assertTrue(output.contains("\\u009b2J"), output);
        assertTrue(output.contains("\\u001bc"), output);
    }

    @Test
    void shouldLetTheHostItselfPrintWhatItLikes() {
        assertTrue(session("(print \"\\u0007\")\n").contains("\u0007"));
    }

    @Test
    void shouldReadManyLinesOfAnUnfinishedStringOnce() {
        StringBuilder input = new StringBuilder("(count \"");
        for (int i = 0; i < 150_000; i++) {
            input.append("ab\n");
        }
        input.append("\")\n(+ 1 1)\n");
        long start = System.nanoTime();
        String output = session(input.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(output.contains("450000\n"), output);
        assertTrue(output.contains("2\n"), output);
        assertTrue(millis < 20_000, () -> "took " + millis + " ms");
    }

    @Test
    void scannerShouldAgreeWithTheReaderOnWhetherInputIsWhole() {
        String[] whole = {"(+ 1 2)", "\"a;b\"", "; (\n", "[1 \"]\" 2]", "{:a \"\\\"\"}", "'x", ")"};
        String[] partial = {"(+ 1", "\"abc", "[1 \"]\"", "'", "#_", "(a ; )\n", "\"\\\""};
        for (String text : whole) {
            assertFalse(FormScanner.incomplete(text + "\n"), text);
        }
        for (String text : partial) {
            assertTrue(FormScanner.incomplete(text + "\n"), text);
        }
    }

    @Test
    void escapesShouldPassOrdinaryTextUnchanged() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (ControlEscapes escapes = new ControlEscapes(sink)) {
            escapes.write("héllo\twörld\n€ \u00c2\u0085".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("héllo\twörld\n€ \u00c2\\u0085", sink.toString(StandardCharsets.UTF_8));
    }
}
