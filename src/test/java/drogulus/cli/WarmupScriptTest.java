package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The launcher's warm-up script runs to its end (a failing one would leave every later run without its cache, and
 * silently: the launcher then starts without one), and its set rounds count what java.util's sets count.
 */
class WarmupScriptTest {
    private static Set<Long> range(long from, long end, long step) {
        Set<Long> out = new HashSet<>();
        for (long x = from; x < end; x += step) {
            out.add(x);
        }
        return out;
    }

    /** What the script's set rounds add up, counted with java.util.HashSet. */
    private static long expectedSetRounds() {
        Set<String> c = new HashSet<>();
        for (long x = 0; x < 300; x += 7) {
            c.add(Long.toString(x));
        }
        c.add("1");
        long acc = 0;
        for (int i = 0; i < 40; i++) {
            Set<Long> a = range(0, 6000, 2);
            Set<Long> b = range(i, 6000, 3);
            Set<Long> union = new HashSet<>(a);
            union.addAll(b);
            Set<Long> both = new HashSet<>(a);
            both.retainAll(b);
            Set<Long> onlyA = new HashSet<>(a);
            onlyA.removeAll(b);
            acc += union.size() + both.size() + onlyA.size() + c.size() + 1;
        }
        return acc;
    }

    @Test
    void shouldRunTheWarmUpToItsEndWithItsSetRoundsRight() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Scripts.runFiles(List.of(Path.of("src/main/launcher/cds-warmup.logos")), false,
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).strip().lines().toList();
        assertEquals(Long.toString(expectedSetRounds()), lines.get(lines.size() - 1).strip());
    }
}
