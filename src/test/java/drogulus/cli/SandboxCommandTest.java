package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.Sandbox;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Globals;
import drogulus.logos.eval.Interp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --sandbox} and the {@code sandbox/eval} of the command line's full-rights interpreter. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SandboxCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path script(String name, String source) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, source);
        return file;
    }

    @Test
    void shouldRunAScriptUnderTheSandboxWithTheSafeLibrary() throws IOException {
        Path file = script("ok.logos", "(defn sq [x] (* x x))\n(println (reduce + (map sq (range 4))))\n"
            + "(println (json/str {:a [1 2]}))\n(println (get (json/parse \"{\\\"a\\\": 7}\") \"a\"))\n");
        assertEquals(0, Scripts.runFiles(List.of(file), true, outStream, errStream), err());
        assertEquals("14\n{\"a\":[1,2]}\n7\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldStopARunawayScriptWithTheLimitItHit() throws IOException {
        Path loop = script("loop.logos", "(println :start)\n(try (loop [] (recur)) (catch e (println :caught)))\n");
        assertEquals(1, Scripts.runFiles(List.of(loop), true, outStream, errStream));
        assertEquals(":start\n", out.toString(StandardCharsets.UTF_8));
        assertTrue(err().contains("Sandbox limit exceeded: "), err());
        err.reset();
        Path grow = script("grow.logos", "(loop [s \"x\"] (recur (str s s)))\n");
        assertEquals(1, Scripts.runFiles(List.of(grow), true, outStream, errStream));
        assertTrue(err().contains("Sandbox limit exceeded: memory (134217728 bytes)"), err());
    }

    @Test
    void shouldRefuseAScriptOverTheSourceLimit() throws IOException {
        Path big = script("big.logos", ";" + "x".repeat(2 * 1024 * 1024) + "\n1\n");
        assertEquals(1, Scripts.runFiles(List.of(big), true, outStream, errStream));
        assertTrue(err().contains("Sandbox limit exceeded: source (1048576 characters)"), err());
    }

    @Test
    void shouldGiveTheStandardInterpreterASandboxWithoutSigningOrFiles() {
        Interp host = Environments.standard(dir.resolve("home"));
        assertEquals("[1,2]", host.evalString("(sandbox/eval \"(json/str [1 2])\")", "test"));
        assertEquals(128L, host.evalString("(count (sandbox/eval \"(crypto/construct-key \\\"pk\\\" \\\"a\\\")\"))",
            "test"));
        for (String call : List.of("(crypto/sign \\\"x\\\")", "(whoami)", "(slurp \\\"/etc/passwd\\\")",
            "(sandbox/eval \\\"1\\\")", "(spit \\\"x\\\" 1)")) {
            LogosError e = assertThrows(LogosError.class,
                () -> host.evalString("(sandbox/eval \"" + call + "\")", "test"), call);
            assertTrue(e.getMessage().contains("Unable to resolve symbol"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("home").resolve("private.pem")), "no identity was made");
        Object message = host.evalString("(try (sandbox/eval \"(loop [] (recur))\" {:steps 10000}) "
            + "(catch e (:message e)))", "test");
        assertEquals("Sandbox limit exceeded: steps (10000 evaluation steps)", message);
        assertEquals(3L, host.evalString("(+ 1 2)", "test"));
    }

    @Test
    void shouldBindEveryAllowedNameInTheCommandLineSandbox() {
        // A name on the allow-list that nothing installs is a stale entry, or a built-in the sandbox lost.
        Interp sandbox = Environments.sandbox(Sandbox.Limits.DEFAULT);
        for (String name : Sandbox.ALLOWED) {
            Globals.Cell cell = sandbox.globals().find(Symbol.of(name));
            assertTrue(cell != null && cell.isBound(), name);
        }
    }
}
