package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.eval.Interp;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Limits the sandbox cannot enforce yet because the evaluator's nodes do not charge the budget. Each test
 * states the fix; they are disabled until the evaluator's owner applies it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SandboxHolesTest {
    private final Interp host = hostInterpreter();

    private static Interp hostInterpreter() {
        Interp interp = CoreLibrary.standard();
        SandboxBuiltins.install(interp, Sandbox::create);
        return interp;
    }

    private void assertFails(String source, String opts, String fragment) {
        String shown = source.length() > 80 ? source.substring(0, 80) + "..." : source;
        LogosError e = assertThrows(LogosError.class, () -> host.evalString("(sandbox/eval "
            + Printer.print(source, true) + " " + opts + ")", "host"), shown);
        assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" lacks \""
            + fragment + "\" for " + shown);
    }

    @Test
    void shouldChargeSyntaxQuoteSplicing() {
        assertFails("(loop [xs [1] i 0] (if (< i 24) (recur `[~@xs ~@xs] (inc i)) (count xs)))",
            "{:memory 1000000}", "Sandbox limit exceeded: memory (1000000 bytes)");
        assertFails("(defmacro m [& xs] `(m ~@xs ~@xs 1)) (m)", "{:memory 1000000}",
            "Sandbox limit exceeded: memory (1000000 bytes)");
    }

    @Test
    void shouldChargeStepsForComputedLiteralsAndLongBodies() {
        String items = " i".repeat(10_000);
        assertFails("(loop [i 0] (if (< i 3000) (do [" + items + "] (recur (inc i))) i))", "{:steps 100000}",
            "Sandbox limit exceeded: steps");
        assertFails("(loop [i 0] (if (< i 3000) (do " + items + " (recur (inc i))) i))", "{:steps 100000}",
            "Sandbox limit exceeded: steps");
    }

    @Test
    void shouldChargeInternedNames() {
        assertFails("(loop [] (gensym) (recur))", "{:memory 1000000 :steps 1000000 :time-ms 60000}",
            "Sandbox limit exceeded: memory (1000000 bytes)");
        assertFails("(loop [i 0] (keyword (str i)) (recur (inc i)))", "{:memory 1000000 :steps 1000000 "
            + ":time-ms 60000}", "Sandbox limit exceeded: memory (1000000 bytes)");
    }

    @Test
    void shouldChargeMapsALoopBuildsInATable() {
        assertFails("(loop [m {} i 0] (recur (assoc m i i) (inc i)))", "{:memory 1000000 :steps 100000000 "
            + ":time-ms 60000}", "Sandbox limit exceeded: memory (1000000 bytes)");
    }
}
