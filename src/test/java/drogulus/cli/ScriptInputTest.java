package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Scripts see their arguments, standard input and environment; -e and run - behave as --help says. */
class ScriptInputTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private int run(List<String> words, String input) {
        RunArgs run = RunArgs.parse(words);
        return Scripts.run(run, stdin(input), outStream, errStream);
    }

    @Test
    void shouldTellFilesFromArgumentsByTheSeparator() {
        assertEquals(new RunArgs(List.of("a"), List.of("b", "c"), false), RunArgs.parse(List.of("a", "b", "c")));
        assertEquals(new RunArgs(List.of("a", "b"), List.of("c"), true),
            RunArgs.parse(List.of("--sandbox", "a", "b", "--", "c")));
        assertEquals(new RunArgs(List.of("a"), List.of("--", "x"), false),
            RunArgs.parse(List.of("a", "--", "--", "x")));
        assertEquals(new RunArgs(List.of("-"), List.of("-v"), false), RunArgs.parse(List.of("-", "-v")));
        assertNull(RunArgs.parse(List.of("--nope", "a")));
        assertNull(RunArgs.parse(List.of("--", "a")));
        assertNull(RunArgs.parse(List.of()));
    }

    @Test
    void shouldGiveTheScriptItsArguments() throws IOException {
        Path file = script("args.logos", "#!/usr/bin/env drogulus\n(prn *command-line-args*)\n");
        assertEquals(0, run(List.of(file.toString(), "one", "two words"), ""));
        assertEquals("(\"one\" \"two words\")\n", out());
        out.reset();
        assertEquals(0, run(List.of(file.toString()), ""));
        assertEquals("nil\n", out());
        out.reset();
        Path second = script("second.logos", "(prn (count *command-line-args*))\n");
        assertEquals(0, run(List.of(file.toString(), second.toString(), "--", "x"), ""));
        assertEquals("(\"x\")\n1\n", out());
    }

    @Test
    void shouldReadStandardInputLineByLine() throws IOException {
        Path file = script("lines.logos", "(prn (read-line))\n(prn (line-seq *in*))\n(prn (read-line))\n");
        assertEquals(0, run(List.of(file.toString()), "first\nsecond\r\nthird\n"));
        assertEquals("\"first\"\n(\"second\" \"third\")\nnil\n", out());
    }

    /** Standard input that never ends, as {@code yes} gives: "y" lines forever. */
    private static InputStream endless() {
        return new InputStream() {
            private long at;

            @Override
            public int read() {
                return at++ % 2 == 0 ? 'y' : '\n';
            }

            @Override
            public int read(byte[] into, int from, int length) {
                for (int i = 0; i < length; i++) {
                    into[from + i] = (byte) read();
                }
                return length;
            }
        };
    }

    @Test
    @Timeout(60)
    void shouldReadLinesOfAnEndlessInputOnlyAsTheSequenceIsWalked() throws IOException {
        Path file = script("endless.logos", "(prn (first (line-seq *in*)))\n(prn (take 2 (line-seq *in*)))\n"
            + "(prn (realized? (rest (line-seq *in*))))\n");
        assertEquals(0, Scripts.run(RunArgs.parse(List.of(file.toString())), endless(), outStream, errStream),
            err.toString(StandardCharsets.UTF_8));
        assertEquals("\"y\"\n(\"y\" \"y\")\nfalse\n", out());
        out.reset();
        assertEquals(0, run(List.of(script("none.logos", "(prn (line-seq *in*))\n").toString()), ""));
        assertEquals("nil\n", out());
    }

    @Test
    void shouldCountLinesWithAReadLineLoop() throws IOException {
        Path file = script("wc.logos",
            "(loop [n 0] (if-let [line (read-line)] (recur (+ n (count line))) (println n)))\n");
        assertEquals(0, run(List.of(file.toString()), "ab\ncde\n"));
        assertEquals("5\n", out());
    }

    @Test
    void shouldReadTheScriptFromStandardInput() {
        assertEquals(0, run(List.of("-", "arg"), "(println \"hi\" (first *command-line-args*))\n"));
        assertEquals("hi arg\n", out());
        out.reset();
        assertEquals(1, run(List.of("-"), "\n(foo)\n"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("<stdin>:2:1"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadEnvironmentVariables() throws IOException {
        String path = System.getenv("PATH");
        Path file = script("env.logos", "(prn (getenv \"PATH\"))\n(prn (getenv \"NO_SUCH_VARIABLE_HERE_42\"))\n"
            + "(prn (= (getenv \"PATH\") (get (getenv) \"PATH\")))\n");
        assertEquals(0, run(List.of(file.toString()), ""));
        assertEquals((path == null ? "nil" : "\"" + path + "\"") + "\nnil\ntrue\n", out());
    }

    @Test
    void shouldNotGiveSandboxedScriptsTheProcess() throws IOException {
        Path file = script("env.logos", "(prn *command-line-args*)\n(getenv \"PATH\")\n");
        assertEquals(1, run(List.of("--sandbox", file.toString(), "a"), ""));
        assertEquals("(\"a\")\n", out());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unable to resolve symbol: getenv"));
    }

    @Test
    void shouldPrintEachExpressionValueButNotNil() {
        assertEquals(0, Scripts.evalExpressions(List.of("(println \"x\")", "(def y 2)", "(+ y 1)", "nil"),
            outStream, errStream));
        assertEquals("x\n2\n3\n", out());
    }
}
