package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.Keyword;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.eval.Interp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The attacks untrusted code would try, each run through {@code sandbox/eval} of a full-rights host. Every
 * one must end with an error naming the limit it hit, and the host must keep working afterwards.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SandboxTest {
    private final Interp host = hostInterpreter();

    private static Interp hostInterpreter() {
        Interp interp = CoreLibrary.standard();
        SandboxBuiltins.install(interp, Sandbox::create);
        return interp;
    }

    @AfterEach
    void hostShouldStillWork() {
        assertEquals(3L, host.evalString("(+ 1 2)", "host"));
    }

    /** Evaluates {@code source} in a fresh sandbox with the given opts (a Logos map, "" for none). */
    private Object sandboxed(String source, String opts) {
        return host.evalString("(sandbox/eval " + Printer.print(source, true) + " " + opts + ")", "host");
    }

    private Object sandboxed(String source) {
        return sandboxed(source, "");
    }

    /** Asserts that sandboxing {@code source} fails with a message containing every fragment. */
    private String assertFails(String source, String opts, String... fragments) {
        LogosError e = assertThrows(LogosError.class, () -> sandboxed(source, opts), source);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" lacks \""
                + fragment + "\" for " + source);
        }
        return e.getMessage();
    }

    @Test
    void shouldStopAnInfiniteLoopAtTheStepLimit() {
        // With the default limits the clock or the step count may run out first, as the machine's speed decides.
        assertFails("(loop [] (recur))", "", "Sandbox limit exceeded: ");
        assertFails("(loop [] (recur))", "{:steps 5000}", "Sandbox limit exceeded: steps (5000 evaluation steps)");
    }

    @Test
    void shouldStopAnInfiniteLoopAtTheTimeLimit() {
        assertFails("(loop [] (recur))", "{:time-ms 200 :steps 100000000000}",
            "Sandbox limit exceeded: time (200 ms)");
    }

    @Test
    void shouldStopEndlessTailSelfCalls() {
        assertFails("(defn f [] (f)) (f)", "{:steps 1000000}", "Sandbox limit exceeded: steps (1000000");
    }

    @Test
    void shouldStopDeepRecursionAtTheDepthLimit() {
        assertFails("((fn f [] (inc (f))))", "", "Sandbox limit exceeded: depth (2000 nested calls)");
        assertFails("((fn f [] (inc (f))))", "{:depth 50}", "Sandbox limit exceeded: depth (50 nested calls)");
        assertEquals(55L, sandboxed("(defn sum [n] (if (zero? n) 0 (+ n (sum (dec n))))) (sum 10)",
            "{:depth 50}"));
    }

    @Test
    void shouldStopDoublingStringsAtTheMemoryLimit() {
        assertFails("(loop [s \"x\"] (recur (str s s)))", "", "Sandbox limit exceeded: memory (134217728 bytes)");
        assertFails("(loop [s \"x\"] (recur (str s s)))", "{:memory 100000}",
            "Sandbox limit exceeded: memory (100000 bytes)");
    }

    @Test
    void shouldChargeSquaredBigIntegersBySize() {
        assertFails("(loop [n 2] (recur (* n n)))", "{:memory 100000}",
            "Sandbox limit exceeded: memory (100000 bytes)");
        // With the default limits the work of the next product runs out first; either way it stops promptly.
        assertFails("(loop [n 2] (recur (* n n)))", "", "Sandbox limit exceeded: ");
    }

    @Test
    void shouldChargeBigIntegerSumsQuotientsAndNegationsBySize() {
        String big = "(def big (loop [n 2 i 0] (if (< i 14) (recur (* n n) (inc i)) n)))";
        assertFails(big + "(loop [] (+ big 1) (recur))", "{:memory 1000000}", "memory (1000000 bytes)");
        assertFails(big + "(loop [] (- big) (recur))", "{:memory 1000000}", "memory (1000000 bytes)");
        assertFails(big + "(loop [] (quot big 3) (recur))", "{:memory 1000000}", "memory (1000000 bytes)");
        assertFails(big + "(loop [] (inc big) (recur))", "{:memory 1000000}", "memory (1000000 bytes)");
        assertEquals(true, sandboxed(big + "(= (quot (* big big) big) big)", "{:memory 1000000}"));
    }

    @Test
    void shouldLeaveSmallIntegerArithmeticUncharged() {
        assertEquals(5000050000L, sandboxed("(loop [i 0 s 0] (if (> i 100000) s (recur (inc i) (+ s i))))",
            "{:memory 100}"));
    }

    @Test
    void shouldStopHugeRangesAndRepeats() {
        assertFails("(last (range 1000000000))", "{:memory 10000000 :time-ms 120000}",
            "Sandbox limit exceeded: memory");
        assertFails("(last (iterate inc 0))", "{:memory 10000000}", "Sandbox limit exceeded");
        assertFails("(count (range 1000000000))", "{:memory 10000000 :time-ms 120000}",
            "Sandbox limit exceeded: memory");
        assertFails("(vec (repeat 100000000 1))", "", "Sandbox limit exceeded: memory");
        // A time limit far off, so that a busy machine cannot reach it before the memory limit.
        assertFails("(loop [v []] (recur (into v (range 1000))))", "{:time-ms 120000}",
            "Sandbox limit exceeded: memory");
    }

    @Test
    void shouldStopMacrosThatExpandForever() {
        assertFails("(defmacro m [] '(m)) (m)", "", "Macro expansion of m does not end (over 10000 expansions)");
    }

    @Test
    void shouldRefuseDeeplyNestedInputToTheReader() {
        assertFails("(read-string (apply str (repeat 100000 \"[\")))", "", "nesting deeper than 1000 levels");
        assertFails("[".repeat(100_000), "", "nesting deeper than 1000 levels");
    }

    @Test
    void shouldRefuseSourceOverTheSourceLimit() {
        String twoMegabytes = "(comment \"" + "x".repeat(2 * 1024 * 1024) + "\")";
        assertFails(twoMegabytes, "", "Sandbox limit exceeded: source (1048576 characters)");
        assertFails("(+ 1 2)", "{:source 5}", "Sandbox limit exceeded: source (5 characters)");
        assertFails("(read-string (apply str (repeat 2000 \"1\")))", "{:source 1000}",
            "Sandbox limit exceeded: source (1000 characters)");
    }

    @Test
    void shouldNotOfferPrivilegedBuiltIns() {
        assertFails("(sandbox/eval \"1\" {:steps 1000000000000})", "", "Unable to resolve symbol: sandbox/eval");
        assertFails("(slurp \"/etc/passwd\")", "", "Unable to resolve symbol: slurp");
        assertFails("(spit \"/tmp/drogulus-sandbox-test\" 1)", "", "Unable to resolve symbol: spit");
        assertFails("(load-file \"/etc/passwd\")", "", "Unable to resolve symbol: load-file");
        assertFails("(exit 3)", "", "Unable to resolve symbol: exit");
        assertFails("(eval '(slurp \"/etc/passwd\"))", "", "Unable to resolve symbol: slurp");
        assertFails("(eval (list (symbol \"slurp\") \"/etc/passwd\"))", "", "Unable to resolve symbol: slurp");
        assertFails("(defmacro m [] '(slurp \"/etc/passwd\")) (m)", "", "Unable to resolve symbol: slurp");
        assertEquals(false, sandboxed("(bound? 'slurp)"));
    }

    @Test
    void shouldKeepReturnedClosuresInsideTheSandbox() {
        host.evalString("(def f (sandbox/eval \"(fn [] (slurp \\\"/etc/passwd\\\"))\"))", "host");
        assertThrows(LogosError.class, () -> host.evalString("(f)", "host"));
        host.evalString("(def g (sandbox/eval \"(fn [] (eval '(slurp \\\"/etc/passwd\\\")))\"))", "host");
        LogosError e = assertThrows(LogosError.class, () -> host.evalString("(g)", "host"));
        assertTrue(e.getMessage().contains("Unable to resolve symbol: slurp"), e.getMessage());
        host.evalString("(def h (sandbox/eval \"(fn [] (def inc dec) (def secret 1))\"))", "host");
        host.evalString("(h)", "host");
        assertEquals(false, host.evalString("(bound? 'secret)", "host"));
        assertEquals(2L, host.evalString("(inc 1)", "host"));
    }

    @Test
    void shouldNotLetDefChangeTheCallersEnvironment() {
        assertEquals(1L, sandboxed("(def x 1) x"));
        assertEquals(false, host.evalString("(bound? 'x)", "host"));
        sandboxed("(def inc dec) (defn + [& xs] :hacked) (defmacro when [& xs] :hacked)");
        assertEquals(3L, host.evalString("(+ 1 (inc 1))", "host"));
        assertEquals(1L, host.evalString("(when true 1)", "host"));
        assertEquals(false, sandboxed("(bound? 'x)"), "a second sandbox starts afresh");
    }

    @Test
    void shouldNotLetSandboxedTryCatchALimit() {
        String message = assertFails("(try (loop [] (recur)) (catch e :escaped))", "{:steps 100000}",
            "Sandbox limit exceeded: steps");
        assertTrue(!message.contains("escaped"), message);
        assertFails("(loop [] (try (loop [] (recur)) (catch e :swallowed)) (recur))", "{:steps 100000}",
            "Sandbox limit exceeded: steps");
        assertFails("(loop [] (try (str (apply str (repeat 10000000 \"x\"))) (catch e nil)) (recur))", "",
            "Sandbox limit exceeded: memory");
    }

    @Test
    void shouldStopAFinallyThatLoopsForever() {
        assertFails("(try 1 (finally (loop [] (recur))))", "{:steps 100000}", "Sandbox limit exceeded: steps");
        assertFails("(try (loop [] (recur)) (finally (loop [] (recur))))", "{:steps 100000}",
            "Sandbox limit exceeded: steps");
        assertFails("(try (apply str (repeat 100000000 \"x\")) (finally (loop [] (recur))))", "{:steps 100000}",
            "Sandbox limit exceeded: ");
    }

    @Test
    void shouldLetTheHostCatchALimitError() {
        Object message = host.evalString("(try (sandbox/eval \"(loop [] (recur))\" {:steps 1000}) "
            + "(catch e (:message e)))", "host");
        assertEquals("Sandbox limit exceeded: steps (1000 evaluation steps)", message);
        assertEquals(keyword("ok"), host.evalString("(try (sandbox/eval \"((fn f [] (inc (f))))\") (catch e :ok))",
            "host"));
    }

    @Test
    void shouldRunTheSafeLibrary() {
        assertEquals(9L, sandboxed("(reduce + (map inc [1 2 3]))"));
        assertEquals("a-b-c", sandboxed("(string/join \"-\" (map name [:a :b :c]))"));
        assertEquals("{:a 2}", Printer.print(sandboxed("(update {:a 1} :a inc)"), true));
        assertEquals(6L, sandboxed("(defmacro twice [x] `(* 2 ~x)) (twice 3)"));
        assertEquals("[1 2]", Printer.print(sandboxed("(read-string \"[1 2]\")"), true));
        assertEquals("x=1", sandboxed("(format \"x=%d\" 1)"));
        assertEquals(3628800L, sandboxed("(defn fact [n] (if (< n 2) 1 (* n (fact (dec n))))) (fact 10)"));
        assertEquals("933262154439441526816992388562667004907159682643816214685929638952175999932299156089414639"
            + "76156518286253697920827223758251185210916864000000000000000000000000",
            Printer.str(sandboxed("(reduce * (range 1 101))")));
        assertEquals(true, sandboxed("(do (load-library \"core.logos\") true)"));
    }

    @Test
    void shouldPrintWhereTheCallerPrints() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        host.setOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(2L, sandboxed("(println \"hello\" :from [1]) 2"));
        assertEquals("hello :from [1]\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRejectUnknownOptions() {
        assertFails("1", "{:steps 0}", ":steps must be positive, got 0");
        assertFails("1", "{:heap 10}", "unknown option :heap");
    }

    private static Object keyword(String name) {
        return Keyword.of(name);
    }
}
