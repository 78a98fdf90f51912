package drogulus.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReplTest {
    private static String session(String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Repl repl = new Repl(CoreLibrary.standard());
        assertEquals(0, repl.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldPrintEachValueReadably() {
        String output = session("(+ 1 2)\n(str \"a\" \"b\")\n");
        assertTrue(output.contains("3\n"), output);
        assertTrue(output.contains("\"ab\"\n"), output);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldKeepGoingAfterAnError() {
        String output = session("(undefined-thing)\n(* 6 7)\n");
        assertTrue(output.contains("Error: <repl>:1:1: Unable to resolve symbol: undefined-thing"), output);
        assertTrue(output.contains("42\n"), output);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldGiveEveryErrorThePositionWithinItsEntry() {
        String output = session("(defn two [a b] a)\n  (two 1)\n(map)\n(inc 1)\n");
        assertTrue(output.contains("#<fn two>\nError: <repl>:1:3: Wrong number of arguments to two: expected 2, "
            + "got 1\nError: <repl>:1:1: Wrong number of arguments to map: expected 2 or more, got 0\n2\n"), output);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldReadAFormSpanningSeveralLines() {
        String output = session("(defn add [a b]\n  (+ a b))\n(add 40 2)\n");
        assertTrue(output.contains("#<fn add>"), output);
        assertTrue(output.contains("42\n"), output);
    }

    @Test
    void shouldKnowWhenInputIsUnfinished() {
        assertTrue(Repl.incomplete("(defn f [x]"));
        assertTrue(Repl.incomplete("\"an open string"));
        assertEquals(false, Repl.incomplete("(+ 1 2)"));
        assertEquals(false, Repl.incomplete("(+ 1 2))"));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldListTheAreasOnHelp() {
        String output = session(":help\n(help)\n:bogus\n");
        assertTrue(output.contains("(doc name)"), output);
        assertTrue(output.contains("  strings ("), output);
        assertTrue(output.contains("  maps ("), output);
        assertEquals(output.indexOf("Built-ins by area"), output.indexOf("Built-ins by area"));
        assertTrue(output.lastIndexOf("Built-ins by area") > output.indexOf("Built-ins by area"), output);
        assertTrue(output.contains("Unknown command :bogus"), output);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldCutALongResultSayingHowMuchWasLeftOut() {
        String output = session("(apply str (repeat 10000 \"x\"))\n");
        assertTrue(output.contains("x ... [6,002 more characters not shown]"), output);
        assertTrue(output.length() < 4_100, "printed " + output.length());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldCollapseARecursionIntoOneFrameAndReadUncaughtThrows() throws InterruptedException {
        // As ./drogulus does, evaluate on a thread with a stack deep enough for the Logos depth limit.
        String[] result = new String[1];
        String input = "(defn down [n] (if (= n 0) (throw {:at n}) (+ 1 (down (dec n)))))\n(down 50000)\n";
        Thread deep = new Thread(null, () -> result[0] = session(input), "deep", 2L << 30);
        deep.start();
        deep.join();
        String output = result[0];
        assertTrue(output.contains("Uncaught: {:at 0}\n  thrown at <repl>:1:28\n"
            + "  at down (<repl>:1:49) (50000 times)"), output);
        assertEquals(1, output.split("at down", -1).length - 1, output);
    }

    @Test
    void shouldShowArgumentListsFirstInDoc() {
        String output = session("(doc when)\n(defn pair \"Makes a pair.\" ([a] [a a]) ([a b] [a b]))\n(doc pair)\n");
        assertTrue(output.contains("when\n([test & body])\n  (when test body...)"), output);
        assertTrue(output.contains("pair\n([a] [a b])\n  Makes a pair."), output);
    }
}
