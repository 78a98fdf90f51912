package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Failures of every kind end in one line on stderr and a non-zero status, never a Java trace or a 0. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FailureExitTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertOneLine(String text) {
        assertEquals(1, text.strip().lines().count(), text);
        assertFalse(text.contains("\tat "), text);
    }

    @Test
    void shouldFailOnAResultTooLargeToPrint() {
        int status = Scripts.evalExpression("(sandbox/eval \"(reduce (fn [x _] (list x x x)) :a (range 30))\")",
            outStream, errStream);
        assertEquals(1, status);
        assertTrue(err().contains("Value too large to print"), err());
        assertOneLine(err());
    }

    @Test
    void shouldCheckTheSourceLimitWhileReadingASandboxedScript() {
        assertEquals(1, Scripts.runFiles(List.of(Path.of("/dev/zero")), true, outStream, errStream));
        assertTrue(err().contains("Sandbox limit exceeded: source"), err());
        assertOneLine(err());
    }

    @Test
    void shouldSayWhyAHomeDirectoryCannotBeMade() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> Home.ensureExists(file.resolve("home")));
        assertEquals(1, Failures.report(e, errStream));
        assertTrue(err().startsWith("drogulus: Can't create drogulus home directory " + file.resolve("home")), err());
        assertOneLine(err());
    }

    @Test
    void shouldDescribeJavaErrorsInOneLine() {
        assertEquals(1, Failures.report(new OutOfMemoryError("Java heap space"), errStream));
        assertEquals(1, Failures.report(new StackOverflowError(), errStream));
        assertEquals(1, Failures.report(new IllegalStateException("a\nb"), errStream));
        List<String> lines = err().lines().toList();
        assertEquals(List.of("drogulus: out of memory: the program built more data than the Java heap holds",
            "drogulus: stack overflow: nesting or recursion too deep for the Java stack", "drogulus: a b"), lines);
    }
}
