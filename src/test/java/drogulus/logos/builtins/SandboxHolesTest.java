package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.Interp;
import drogulus.logos.LogosError;
import drogulus.logos.Printer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Disabled;
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
    @Disabled("Quasiquote.Build splices without charging: it should charge steps and 32 + 16n bytes per list it "
        + "builds; unfixed, doubling `[~@xs ~@xs] (in a loop or a macro's expansion) fills the Java heap")
    void shouldChargeSyntaxQuoteSplicing() {
        assertFails("(loop [xs [1] i 0] (if (< i 24) (recur `[~@xs ~@xs] (inc i)) (count xs)))",
            "{:memory 1000000}", "Sandbox limit exceeded: memory (1000000 bytes)");
        assertFails("(defmacro m [& xs] `(m ~@xs ~@xs 1)) (m)", "{:memory 1000000}",
            "Sandbox limit exceeded: memory (1000000 bytes)");
    }

    @Test
    @Disabled("CollectionNodes.VectorOf/MapOf and long bodies evaluate any number of nodes for one step: they "
        + "should charge a step per item (or a loop/fn body its node count); unfixed, a 1 MB vector literal in "
        + "a loop runs 20 s past a 3 s time limit, since the clock is read every 4096 steps")
    void shouldChargeStepsForComputedLiteralsAndLongBodies() {
        String items = " i".repeat(10_000);
        assertFails("(loop [i 0] (if (< i 3000) (do [" + items + "] (recur (inc i))) i))", "{:steps 100000}",
            "Sandbox limit exceeded: steps");
        assertFails("(loop [i 0] (if (< i 3000) (do " + items + " (recur (inc i))) i))", "{:steps 100000}",
            "Sandbox limit exceeded: steps");
    }

    @Test
    @Disabled("Keyword.of and Symbol.of intern into static strong tables, and keyword, symbol and gensym charge "
        + "nothing: a sandbox can make millions of names that outlive it, so its memory never returns. The "
        + "tables should hold names weakly, and these built-ins charge the name's size")
    void shouldChargeInternedNames() {
        assertFails("(loop [] (gensym) (recur))", "{:memory 1000000 :steps 1000000 :time-ms 60000}",
            "Sandbox limit exceeded: memory (1000000 bytes)");
        assertFails("(loop [i 0] (keyword (str i)) (recur (inc i)))", "{:memory 1000000 :steps 1000000 "
            + ":time-ms 60000}", "Sandbox limit exceeded: memory (1000000 bytes)");
    }
}
