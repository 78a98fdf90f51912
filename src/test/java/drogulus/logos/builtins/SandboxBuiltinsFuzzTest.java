package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import drogulus.logos.data.LogosError;
import drogulus.logos.eval.Interp;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Builds random values that share structure (a value holding one part many times, down many levels), keys whose
 * Java hash codes collide, long strings and deep nesting, then calls every built-in a sandbox may have on them
 * under a small limit. Each call must return or fail with a Logos error, within a bound far below the hours an
 * uncharged walk of those values would take.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SandboxBuiltinsFuzzTest {
    private static final Sandbox.Limits SMALL = new Sandbox.Limits(200_000, 30, 8L * 1024 * 1024, 200, 100_000);
    /** Slack for GC and a busy machine above the 30 ms limit. */
    private static final long BOUND_MILLIS = 3_000;
    private static final int ARGUMENT_SETS = 3;

    /** Logos source for one random value that shares structure, of depth 30 to 70. */
    private static String sharedValue(Random random) {
        int depth = 30 + random.nextInt(41);
        String[] shapes = {"[x x]", "(list x x)", "{:a x :b x}", "[x 1 x]", "{x 1 :k x}", "(list x (str \"s\") x)",
            "[[x] [x]]", "{:m {:n x} :o x}"};
        return "(reduce (fn [x _] " + shapes[random.nextInt(shapes.length)] + ") " + random.nextInt(5) + " (range "
            + depth + "))";
    }

    /** Strings whose Java hash codes all collide: every block is "Aa" or "BB", which hash alike. */
    private static String collidingKeys(Random random) {
        int blocks = 8 + random.nextInt(5);
        return "(reduce (fn [acc _] (mapcat (fn [p] [(str p \"Aa\") (str p \"BB\")]) acc)) [\"\"] (range " + blocks
            + "))";
    }

    private static Interp sandboxWithValues(Random random) {
        Interp sandbox = Sandbox.create(SMALL);
        sandbox.setOutput(new PrintStream(OutputStream.nullOutputStream(), true));
        StringBuilder setup = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            setup.append("(def s").append(i).append(' ').append(sharedValue(random)).append(")\n");
        }
        setup.append("(def k0 ").append(collidingKeys(random)).append(")\n")
            .append("(def k1 (zipmap k0 k0))\n")
            .append("(def t0 (apply str (repeat ").append(50_000 + random.nextInt(50_000)).append(" \"a\")))\n")
            .append("(def t1 (str (apply str (repeat 20000 \"a\")) \"b\"))\n")
            .append("(def d0 (reduce (fn [x _] [x]) 0 (range 200000)))\n")
            .append("(def n0 (reduce * (repeat 3000 7)))\n")
            .append("(def f0 (fn [& xs] s0))\n");
        // Building is cheap for the program but may pass the small limit: do it uncharged.
        sandbox.budget().exempt(() -> sandbox.evalString(setup.toString(), "setup"));
        return sandbox;
    }

    private static final String[] POOL = {"s0", "s1", "s2", "s3", "k0", "k1", "t0", "t1", "d0", "n0", "f0", "1",
        "\"%s%s%1$s\"", "identity", "hash", "str"};

    @Test
    void everyAllowedBuiltInShouldEndWithinABoundOnHostileValues() {
        List<String> slow = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            Random random = new Random(seed);
            Interp sandbox = sandboxWithValues(random);
            for (String name : Sandbox.ALLOWED) {
                for (int set = 0; set < ARGUMENT_SETS; set++) {
                    StringBuilder call = new StringBuilder("(").append(name);
                    int arity = 1 + random.nextInt(3);
                    for (int i = 0; i < arity; i++) {
                        call.append(' ').append(POOL[random.nextInt(POOL.length)]);
                    }
                    call.append(')');
                    long millis = timed(sandbox, call.toString());
                    if (millis > BOUND_MILLIS) {
                        slow.add(call + " took " + millis + " ms");
                    }
                }
            }
            assertEquals(3L, Sandbox.run(sandbox, "(+ 1 2)", "after"), "the sandbox still works");
        }
        assertTrue(slow.isEmpty(), () -> String.join("\n", slow));
    }

    /** Runs one call (wrapped so a lazy result is forced and printed); returns how long it took. */
    private static long timed(Interp sandbox, String call) {
        long start = System.nanoTime();
        try {
            Sandbox.run(sandbox, "(pr-str " + call + ")", "fuzz");
        } catch (LogosError expected) {
            // Limits and type errors are fine answers; only time matters here.
        } catch (RuntimeException | Error e) {
            fail(call + " threw " + e, e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
