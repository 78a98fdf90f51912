package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.LogosError;
import org.junit.jupiter.api.Test;

/**
 * A call in tail position is made by a trampoline after its caller has returned: a wrong count of arguments is
 * still reported where the call was written, not at the top-level form that started the chain.
 */
class TailCallPositionTest {
    private final Interp interp = CoreLibrary.standard();

    private String positionOf(String source) {
        interp.evalString("(defn two [a b] a)", "lib.logos");
        LogosError e = assertThrows(LogosError.class, () -> interp.evalString(source, "t.logos"));
        assertEquals("Wrong number of arguments to two: expected 2, got 1", e.getMessage());
        return String.valueOf(e.position());
    }

    @Test
    void shouldNameTheTailCallInsideATopLevelDo() {
        assertEquals("t.logos:2:3", positionOf("(do 1\n  (two 1))"));
    }

    @Test
    void shouldNameTheTailCallInAFunctionBodyNotItsCaller() {
        assertEquals("t.logos:3:5", positionOf("(defn f []\n  (let [x 1]\n    (two x)))\n(f)"));
    }

    @Test
    void shouldNameTheTailCallAtTheEndOfASelfRecursionCompiledOrNot() {
        String source = "(defn f [n]\n  (if (> n 0)\n    (f (dec n))\n    (two n)))\n";
        assertEquals("t.logos:4:5", positionOf(source + "(f 3)"));
        assertEquals("t.logos:4:5", positionOf(source + "(f 5000)"));
    }

    @Test
    void shouldKeepTheInnermostPositionOfAnErrorInsideTheTailCalledBody() {
        interp.evalString("(defn g [x]\n  (inc (/ x 0)))", "g.logos");
        LogosError e = assertThrows(LogosError.class, () -> interp.evalString("(do 1\n  (g 1))", "t.logos"));
        assertEquals("g.logos:2:8", String.valueOf(e.position()));
    }
}
