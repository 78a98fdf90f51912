package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.LMap;
import drogulus.logos.read.Reader;
import org.junit.jupiter.api.Test;

/**
 * Which loops may build their map in a table: exactly those where nothing but the loop can see the map.
 * The golden file loop-maps.logos checks the values; this checks that the analysis does choose the table
 * where it may, since that choice is what makes the idiom fast.
 */
class LoopOwnershipTest {
    private final Interp interp = CoreLibrary.standard();

    private boolean ownsMaps(String source) {
        Object form = new Reader(source, "test").next();
        EvalNode node = new Analyzer(interp).analyze(interp.macroexpand(form), new Scope(null), Analyzer.Tail.FN);
        assertTrue(node instanceof BindingNodes.Loop, "expected a loop node for " + source);
        return ((BindingNodes.Loop) node).ownsMaps();
    }

    @Test
    void aMapOnlyAssociatedAndReturnedIsOwned() {
        assertTrue(ownsMaps("(loop [i 0 m {}] (if (< i 10) (recur (inc i) (assoc m (str i) i)) m))"));
        assertTrue(ownsMaps("(loop [m {} i 0] (if (< i 3) (recur (assoc m i i :x i) (inc i)) (do (println i) m)))"));
        assertTrue(ownsMaps("(loop [m {} i 0] (cond (> i 5) m (odd? i) (recur m (inc i))"
            + " :else (recur (assoc m i i) (inc i))))"));
        assertTrue(ownsMaps("(loop [m {} i 0] (if (< i 3) (let [k (* 2 i)] (recur (assoc m k i) (inc i))) m))"));
    }

    @Test
    void aMapReadAnywhereElseIsNotOwned() {
        assertFalse(ownsMaps("(loop [m {} i 0] (if (< i 3) (recur (assoc m i (count m)) (inc i)) m))"));
        assertFalse(ownsMaps("(loop [m {} i 0] (if (< i 3) (do (println m) (recur (assoc m i i) (inc i))) m))"));
        assertFalse(ownsMaps("(loop [m {} i 0 fs []] (if (< i 3) (recur (assoc m i i) (inc i) (conj fs m)) fs))"));
        assertFalse(ownsMaps("(loop [m {} i 0] (if (< i 3) (recur (assoc m i i) (inc i)) (fn [] m)))"));
        assertFalse(ownsMaps("(loop [m {} i 0] (if (< i 3) (recur (assoc m i i) (inc i)) [m]))"));
        assertFalse(ownsMaps("(loop [m {} n {} i 0] (if (< i 3) (recur n (assoc m i i) (inc i)) m))"));
        assertFalse(ownsMaps("(loop [m {} i 0] (if (< i 3) (recur (assoc m i i) (inc i)) (loop [] m)))"));
        assertFalse(ownsMaps("(loop [m {} i 0] (if (< i 3) (recur (merge m {i i}) (inc i)) m))"));
    }

    @Test
    void aLocalNamedAssocIsNotTheBuiltin() {
        assertFalse(ownsMaps("(loop [assoc conj m {} i 0] (if (< i 3) (recur assoc (assoc m i i) (inc i)) m))"));
    }

    @Test
    void theTableBecomesAnOrdinaryMapWhenTheLoopReturnsIt() {
        Object result = interp.evalString("(loop [m {} i 0] (if (< i 20) (recur (assoc m i i) (inc i)) m))", "test");
        assertTrue(result instanceof LMap, "got " + result.getClass());
        assertEquals(20, ((LMap) result).count());
    }
}
