package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Consuming a long lazy sequence at the top level of a script, where every frame is interpreted, must not hold
 * the cells already consumed: each program here walks millions of cells in a JVM whose heap holds a small part
 * of them. Holding the head anywhere (a built-in's argument array captured by a step, a parameter of the call
 * path in an interpreted frame) runs it out of memory.
 */
class LongLazySequencesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(count (map inc (range 3000000)))|3000000",
        "(reduce + (filter odd? (map inc (range 3000000))))|2250000000000",
        "(reduce + (remove even? (range 3000000)))|2250000000000",
        "(count (keep identity (range 3000000)))|3000000",
        "(reduce + (mapcat list (range 2000000)))|1999999000000",
        "(do (dorun (map inc (range 3000000))) :done)|:done",
    })
    void shouldConsumeALongLazySequenceInLittleMemory(String program, String expected) throws Exception {
        assertEquals(expected, runInSmallHeap(program, "-Xmx32m"));
    }

    /**
     * A long mapped range that is kept whole (its head in a def) is stored a chunk per cell: 1,000,000 numbers
     * in ~21 MB (16 bytes a number, ~5 a slot of a chunk), where a cell per item (32 bytes more each) does not fit
     * in the heap.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(do (def xs (map inc (range 1000000))) [(count xs) (reduce + xs) (nth xs 999999)])"
            + "|[1000000 500000500000 1000000]",
        "(do (def xs (filter odd? (range 2000000))) [(count xs) (last xs)])|[1000000 1999999]",
    })
    void shouldKeepALongChunkedSequenceInLittleMemory(String program, String expected) throws Exception {
        assertEquals(expected, runInSmallHeap(program, "-Xmx40m"));
    }

    private static String runInSmallHeap(String program, String heap) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            heap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "drogulus.cli.Main",
            "-e", program);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(program + " did not finish");
        }
        return new String(out, StandardCharsets.UTF_8).strip();
    }
}
