package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same program must print the same bytes on every peer: map order and hashes may depend only on the values,
 * never on addresses, the garbage collector or whether code was compiled.
 */
class DeterminismTest {
    private static final Path PROGRAM = Paths.get("src/test/resources/determinism/values.logos");

    @Test
    @Timeout(120)
    void shouldPrintTheSameBytesInJvmsWithDifferentGcAndCompileSettings() throws Exception {
        String serialTree = run("-XX:+UseSerialGC", "-Ddrogulus.compileAfter=0");
        String parallelCompiled = run("-XX:+UseParallelGC", "-Ddrogulus.compileAfter=1");
        String g1Mixed = run("-XX:+UseG1GC", "-Ddrogulus.compileAfter=2");
        assertTrue(serialTree.contains(":q0"), serialTree);
        assertEquals(serialTree, parallelCompiled);
        assertEquals(serialTree, g1Mixed);
    }

    private static String run(String gc, String compile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(), gc, compile, "-Xss64m",
            "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", PROGRAM.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the program did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text;
    }
}
