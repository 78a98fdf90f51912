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
}
