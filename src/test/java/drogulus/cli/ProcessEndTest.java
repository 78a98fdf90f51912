package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process ends with its command's status whichever way main ends it (returning, throwing quietly, System.exit),
 * with nothing printed by the ending itself, and -V answers without picocli.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProcessEndTest {
    @TempDir
    Path dir;

    private Processes.Result run(String... args) throws Exception {
        return Processes.run(dir.resolve("home"), 60, Processes.drogulus(args));
    }

    @Test
    void shouldEndWithStatusZeroAndOnlyTheValuePrinted() throws Exception {
        Processes.Result r = run("-e", "(+ 1 2)");
        assertEquals(0, r.status(), r.err());
        assertEquals("3", r.out().strip());
        assertEquals("", r.err());
    }

    @Test
    void shouldEndAFailureWithStatusOneAndOneLineWithoutAJavaTrace() throws Exception {
        Processes.Result r = run("-e", "(undefined-thing)");
        assertEquals(1, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("undefined-thing"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void shouldKeepOtherStatusesAndTheExitBuiltIn() throws Exception {
        assertEquals(3, run("-e", "(exit 3)").status());
        assertEquals(2, run("no-such-command").status());
    }

    @Test
    void shouldPrintTheVersionForMinusV() throws Exception {
        for (String option : new String[] {"-V", "--version"}) {
            Processes.Result r = run(option);
            assertEquals(0, r.status(), r.err());
            assertEquals("drogulus " + Version.getVersion() + "\n", r.out());
            assertEquals(new Main.VersionProvider().getVersion()[0], r.out().strip());
        }
    }

    @Test
    void shouldReturnOrThrowOnlyForZeroOrOneWhenNothingElseRuns() {
        assertEquals(ProcessEnd.Way.RETURN, ProcessEnd.way(0, false));
        assertEquals(ProcessEnd.Way.THROW, ProcessEnd.way(1, false));
        assertEquals(ProcessEnd.Way.EXIT, ProcessEnd.way(2, false));
        assertEquals(ProcessEnd.Way.EXIT, ProcessEnd.way(-1, false));
        assertEquals(ProcessEnd.Way.EXIT, ProcessEnd.way(0, true));
        assertEquals(ProcessEnd.Way.EXIT, ProcessEnd.way(1, true));
    }

    @Test
    void shouldKeepOnlyItsOwnExceptionQuiet() {
        List<Throwable> seen = new ArrayList<>();
        ProcessEnd.Quiet quiet = new ProcessEnd.Quiet((thread, e) -> seen.add(e));
        quiet.uncaughtException(Thread.currentThread(), new ProcessEnd.Status());
        assertEquals(List.of(), seen);
        IllegalStateException other = new IllegalStateException("x");
        quiet.uncaughtException(Thread.currentThread(), other);
        assertEquals(List.of(other), seen);
    }

    @Test
    void shouldSeeALiveThreadTheJvmWouldWaitFor() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread waiting = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "waiting");
        waiting.start();
        try {
            assertTrue(ProcessEnd.othersRunning());
        } finally {
            release.countDown();
            waiting.join();
        }
    }
}
