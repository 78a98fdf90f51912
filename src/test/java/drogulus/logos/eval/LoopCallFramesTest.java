package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.Printer;
import org.junit.jupiter.api.Test;

/**
 * A built-in's copy of the call path makes the callee's frame at its full size with the arguments in it: bodies
 * with locals beyond their parameters (let, destructuring, loop) must see their arguments and keep their locals
 * apart, call after call, as apply's frame gives them.
 */
class LoopCallFramesTest {
    private final Interp interp = CoreLibrary.standard(Budget.unlimited());
    private final LoopCall copy = LoopCall.create();

    private Object compiled(String source) {
        Object f = interp.evalString(source, "test");
        Arity arity = ((Closure) f).arities[0];
        assertTrue(arity.frameSize > arity.required, source);
        Object[] args = arity.required == 1 ? new Object[] {"1,2,3"} : new Object[] {0L, "1,2,3"};
        for (int i = 0; i <= HotCode.compileAfter() && arity.compiledCode() == null; i++) {
            interp.apply(f, args);
        }
        assertNotNull(arity.compiledCode(), source);
        return f;
    }

    @Test
    void bodiesWithLocalsSeeTheirArgumentsThroughTheCopy() {
        Object two = compiled("(fn [acc line] (let [[_ b c] (string/split line \",\") n (count b)] "
            + "(+ acc n (count c) (loop [i 0 s 0] (if (< i n) (recur (inc i) (+ s i)) s)))))");
        Object one = compiled("(fn [line] (let [[a & more] (string/split line \",\") k (str a \"!\")] [k more]))");
        for (String line : new String[] {"row-1,3,1", "a,bb,ccc", "x,,yyyy", "p,123456789,q"}) {
            for (long acc : new long[] {0L, 7L, -3L}) {
                assertEquals(Printer.print(interp.apply2(two, acc, line), true),
                    Printer.print(copy.call2(interp, two, acc, line), true), line);
            }
            assertEquals(Printer.print(interp.apply(one, line), true),
                Printer.print(copy.call1(interp, one, line), true), line);
        }
        assertEquals(7L + 3 + 1 + 3, copy.call2(interp, two, 7L, "row-1,333,1"));
    }
}
