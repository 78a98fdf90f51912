package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Interp;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Work that grows with something other than the value's size as the budget counts it: values that share
 * structure, colliding hash codes, long needles, long number literals, shared code given to eval. Each call must
 * stop at a limit soon after it is spent, and the host must be unchanged afterwards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SandboxWorkLimitsTest {
    /** How long past its 200 ms limit a call may run: slack for a busy machine, far below the walks' hours. */
    private static final long BOUND_MILLIS = 5_000;

    private final Interp host = hostInterpreter();

    private static Interp hostInterpreter() {
        Interp interp = CoreLibrary.standard();
        SandboxBuiltins.install(interp, Sandbox::create);
        interp.setOutput(new PrintStream(OutputStream.nullOutputStream(), true));
        interp.evalString("(def host-value [1 2 3])", "host");
        return interp;
    }

    @AfterEach
    void hostShouldBeUnchanged() {
        assertEquals(3L, host.evalString("(+ 1 2)", "host"));
        assertEquals("[1 2 3]", Printer.print(host.evalString("host-value", "host"), true));
        assertTrue(host.globals().find(Symbol.of("sandbox/eval")) != null);
    }

    private Object sandboxed(String source, String opts) {
        return host.evalString("(sandbox/eval " + Printer.print(source, true) + " " + opts + ")", "host");
    }

    /** Asserts that the source stops at a limit (or with the fragment) well within the bound. */
    private void assertStops(String source, String opts, String fragment) {
        long start = System.nanoTime();
        LogosError e = assertThrows(LogosError.class, () -> sandboxed(source, opts), source);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains(fragment), () -> "\"" + e.getMessage() + "\" lacks \"" + fragment
            + "\" for " + source);
        assertTrue(millis < BOUND_MILLIS, () -> source + " took " + millis + " ms");
    }

    private void assertEndsSoon(String source, String opts) {
        long start = System.nanoTime();
        try {
            sandboxed(source, opts);
        } catch (LogosError e) {
            // An error is as good as a value here: the call ended.
            assertTrue(e.getMessage() != null, source);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < BOUND_MILLIS, () -> source + " took " + millis + " ms");
    }

    private void assertStopsAtLimit(String source) {
        assertStops(source, "{:time-ms 200}", "Sandbox limit exceeded");
    }

    private static final String MAPS = "(def a (reduce (fn [x i] {:l x :r x :i i}) nil (range 70)))"
        + " (def b (reduce (fn [x i] {:l x :r x :i i}) nil (range 70))) ";
    private static final String LISTS = "(def a (reduce (fn [x _] (list x :k x)) 1 (range 70)))"
        + " (def b (reduce (fn [x _] (list x :k x)) 1 (range 70))) ";

    @Test
    void shouldStopHashingEqualityAndComparisonOfSharedStructure() {
        assertStopsAtLimit(MAPS + "(= a b)");
        assertStopsAtLimit(LISTS + "(= a b)");
        assertStopsAtLimit(LISTS + "(compare a b)");
        assertStopsAtLimit(LISTS + "(compare [a] [b])");
        assertStopsAtLimit(MAPS + "(get {a 1} b)");
        assertStopsAtLimit(LISTS + "(count (distinct [a b]))");
        assertStopsAtLimit(MAPS + "(frequencies [a b a])");
        assertStopsAtLimit(LISTS + "(group-by identity [a b])");
    }

    @Test
    void shouldHashSharedStructureOncePerPart() {
        // Cached hashes make hashing linear in the distinct parts, so this succeeds instead of stopping.
        Object hash = sandboxed(MAPS + "(hash a)", "{:time-ms 2000}");
        assertEquals(hash, sandboxed(MAPS + "(hash b)", "{:time-ms 2000}"));
        // Once both hashes are known and differ, equality answers without walking.
        assertEquals(true, sandboxed(MAPS + "(let [c (assoc b :i -1)] (hash a) (hash c) (not= a c))",
            "{:time-ms 2000}"));
    }

    @Test
    void shouldStopPrintingSharedStructure() {
        assertStopsAtLimit(MAPS + "(pr-str a)");
        assertStopsAtLimit(LISTS + "(str a)");
        assertStopsAtLimit(LISTS + "(println a)");
        assertStopsAtLimit(MAPS + "(format \"%s\" a)");
        assertStopsAtLimit(LISTS + "(string/join \",\" [1 a])");
    }

    @Test
    void shouldDescribeSharedStructureInErrorsWithoutPrintingIt() {
        assertStops(LISTS + "(+ a 1)", "{:time-ms 200}", "expects a number");
        assertStops(MAPS + "(subs a 1)", "{:time-ms 200}", "...");
    }

    @Test
    void shouldStopEvalOfSharedCode() {
        assertStopsAtLimit("(eval (reduce (fn [x _] (list 'if true x x)) 0 (range 40)))");
        assertStopsAtLimit("(eval (list 'fn [] (reduce (fn [x _] [x x]) 1 (range 40))))");
    }

    @Test
    void shouldChargeTextBuiltByFormatAndJoinAsItIsWritten() {
        assertStops("(def s (apply str (repeat 200000 \"y\"))) (format (apply str (repeat 1000 \"%1$s\")) s)",
            "{:memory 50000000}", "Sandbox limit exceeded: memory");
        assertStops("(string/join \" \" (repeat 50000 (vec (range 50000))))", "{:memory 50000000}",
            "Sandbox limit exceeded: memory");
    }

    @Test
    void shouldSearchForLongNeedlesInLinearTime() {
        String setup = "(def hay (apply str (repeat 400000 \"ab\"))) (def needle (str (apply str (repeat 150000 "
            + "\"ab\")) \"c\")) ";
        assertEquals(false, sandboxed(setup + "(string/includes? hay needle)", "{:time-ms 3000}"));
        assertEquals(null, sandboxed(setup + "(string/index-of hay needle)", "{:time-ms 3000}"));
        assertEquals(null, sandboxed(setup + "(string/last-index-of hay needle)", "{:time-ms 3000}"));
        assertEquals(800000L, sandboxed(setup + "(string/index-of (str hay needle) needle)", "{:time-ms 3000}"));
        assertEquals(0L, sandboxed(setup + "(string/last-index-of (str needle hay) needle)", "{:time-ms 3000}"));
    }

    @Test
    void shouldBoundWorkOnKeysWithCollidingHashes() {
        // 2^15 strings of "Ab"/"BC" blocks all share one Java hash code.
        String keys = "(def ks (reduce (fn [acc _] (mapcat (fn [p] [(str p \"Ab\") (str p \"BC\")]) acc)) [\"\"] "
            + "(range 15))) ";
        for (String call : new String[] {"(count (zipmap ks ks))", "(count (frequencies ks))",
            "(count (group-by identity ks))", "(count (into {} (map vector ks ks)))"}) {
            long start = System.nanoTime();
            try {
                assertEquals(32768L, sandboxed(keys + call, "{:time-ms 1000}"));
            } catch (LogosError e) {
                assertTrue(e.getMessage().contains("Sandbox limit exceeded"), e.getMessage());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < BOUND_MILLIS, () -> call + " took " + millis + " ms");
        }
    }

    @Test
    void shouldLimitAndChargeNumberLiterals() {
        assertStops("(read-string (apply str \"-\" (repeat 300000 \"8\")))", "", "number literal too long");
        assertStops("(read-string (apply str (repeat 90000 \"8\")))", "{:steps 100000}",
            "Sandbox limit exceeded: steps");
    }

    @Test
    void shouldStopWalksOfDeeplyNestedValues() {
        // A limit or the Java stack (on a test thread's small stack) ends these, or on a quick machine they answer
        // before the limit: what must hold is that they end soon, with a value or a Logos error.
        assertEndsSoon("(hash (reduce (fn [x _] (list x)) 0 (range 1000000)))", "{:time-ms 200}");
        assertEndsSoon("(let [v (reduce (fn [x _] [x]) 0 (range 1000000))] (= v (conj [] (first v))))",
            "{:time-ms 200}");
    }

    @Test
    void shouldChargeComparingAndHashingSetsAsTheyWalk() {
        // Two equal sets built apart: each comparison walks every item, so the step limit ends the loop.
        assertStops("(let [a (set (range 50000)) b (set (reverse (range 50000)))]"
            + " (dotimes [_ 1000000] (= a b)))", "{:steps 2000000 :time-ms 60000}", "steps");
        assertStops("(let [a (set (range 50000))] (dotimes [i 1000000] (hash (conj a (- i)))))",
            "{:steps 2000000 :time-ms 60000}", "steps");
    }

    @Test
    void shouldAcceptAVeryLongTimeLimitWithoutOverflow() {
        assertEquals(3L, sandboxed("(+ 1 2)", "{:time-ms 9000000000000000}"));
        assertEquals(3L, sandboxed("(+ 1 2)", "{:time-ms 10000000000000}"));
    }
}
