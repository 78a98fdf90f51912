package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import drogulus.logos.data.LogosError;
import drogulus.logos.eval.Interp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A delay whose body threw keeps the error, as Clojure's does, and each force reports its own callers. */
class DelayTest {
    private final Interp interp = CoreLibrary.standard();

    @Test
    void shouldThrowTheBodysErrorAgainWithTheCallersOfEachForce() {
        interp.evalString("(defn bad [] (/ 1 0))\n(def d (delay (inc (bad))))\n(defn a [] (inc (force d)))\n"
            + "(defn b [] (inc (force d)))\n", "d.logos");
        LogosError first = assertThrows(LogosError.class, () -> interp.evalString("(a)", "first.logos"));
        LogosError second = assertThrows(LogosError.class, () -> interp.evalString("(b)", "second.logos"));
        assertEquals("Divide by zero", second.getMessage());
        assertEquals("d.logos:1:14", String.valueOf(second.position()));
        assertEquals(List.of("bad (d.logos:2:20)", "a (first.logos:1:1)"), first.logosStack());
        assertEquals(List.of("bad (d.logos:2:20)", "b (second.logos:1:1)"), second.logosStack());
        assertEquals(true, interp.evalString("(realized? d)", "r.logos"));
    }
}
