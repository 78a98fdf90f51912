package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import org.junit.jupiter.api.Test;

/**
 * Which reducing functions may build their accumulator in a table: exactly those where nothing but the function's
 * last step can see it. The golden file reduce-maps.logos checks the values; this checks that the analysis does
 * choose the table where it may, and that reduce hands one only to such a function.
 */
class AccumulatorOwnershipTest {
    private final Interp interp = CoreLibrary.standard();

    private boolean owns(String fn) {
        Closure closure = (Closure) interp.evalString(fn, "test");
        return closure.arities[0].ownsAccumulator;
    }

    @Test
    void anAccumulatorOnlyExtendedAndReturnedIsOwned() {
        assertTrue(owns("(fn [acc o] (update acc (:k o) (fnil + 0) (:v o)))"));
        assertTrue(owns("(fn [acc x] (assoc acc x 1 (str x) 2))"));
        assertTrue(owns("(fn [acc x] (if (odd? x) acc (assoc acc x 1)))"));
        assertTrue(owns("(fn [acc x] (let [k (str x)] (println k) (assoc acc k x)))"));
        assertTrue(owns("(fn [acc x] (cond (> x 3) acc :else (update acc x inc)))"));
        assertTrue(owns("(fn [m x] (-> m (assoc x 1)))"));
        assertTrue(owns("(fn [acc k v] (assoc acc v k))"));
        assertTrue(owns("(fn [acc [k v]] (update acc k conj v))"));
    }

    @Test
    void getReadsAValueOutOfTheAccumulatorWithoutSharingIt() {
        assertTrue(owns("(fn [m x] (assoc m x (inc (get m x 0))))"));
        assertTrue(owns("(fn [m x] (let [old (get m x)] (if old m (assoc m x 1))))"));
        assertFalse(owns("(fn [m x] (get m x))"));
        assertFalse(owns("(fn [m x] (assoc m x (get (identity m) x)))"));
        assertFalse(owns("(fn [m x] (assoc m x (get-in m [x])))"));
        assertFalse(owns("(fn [m x] (assoc m x (get {:m m} :m)))"));
    }

    @Test
    void anAccumulatorReadAnywhereElseIsNotOwned() {
        assertFalse(owns("(fn [acc x] (assoc acc x (count acc)))"));
        assertFalse(owns("(fn [acc x] (println acc) (assoc acc x 1))"));
        assertFalse(owns("(fn [acc x] (if (> x 2) (reduced acc) (assoc acc x 1)))"));
        assertFalse(owns("(fn [acc x] (assoc (assoc acc x 1) :y 2))"));
        assertFalse(owns("(fn [acc x] (do (assoc acc x 1) acc))"));
        assertFalse(owns("(fn [acc x] (let [m acc] (assoc m x 1)))"));
        assertFalse(owns("(fn [acc x] (fn [] (assoc acc x 1)))"));
        assertFalse(owns("(fn [acc x] [(assoc acc x 1)])"));
        assertFalse(owns("(fn [acc x] (try (assoc acc x 1) (catch e acc)))"));
        assertFalse(owns("(fn [acc x] (merge acc {x 1}))"));
        assertFalse(owns("(fn [acc x] (assoc x acc 1))"));
        assertFalse(owns("(fn [acc x] (if (pos? x) (recur (assoc acc x 1) (dec x)) acc))"));
        assertFalse(owns("(fn [acc {:keys [a] :or {a acc}}] (assoc acc a 1))"));
    }

    @Test
    void onlyAPlainFirstParameterOfTwoOrThreeIsACandidate() {
        assertFalse(owns("(fn [acc] (assoc acc 1 1))"));
        assertFalse(owns("(fn [acc & xs] (assoc acc 1 1))"));
        assertFalse(owns("(fn [acc acc] (assoc acc 1 1))"));
        assertFalse(owns("(fn [{:as acc} x] (assoc acc x 1))"));
        assertFalse(owns("(fn [a b c d] (assoc a b c))"));
    }

    @Test
    void aLocalNamedAssocIsNotTheBuiltin() {
        assertFalse(owns("(fn [acc x] (let [assoc conj] (assoc acc x 1)))"));
    }

    @Test
    void reduceHandsATableOnlyToAnOwningFunctionAndOnlyForAHashMap() {
        Object owning = interp.evalString("(fn [acc x] (assoc acc x x))", "test");
        Object sharing = interp.evalString("(fn [acc x] (assoc acc x (count acc)))", "test");
        LMap start = LMap.of(1L, 2L);
        assertTrue(Accumulators.start(owning, 2, start) instanceof OwnedMap);
        assertSame(start, Accumulators.start(sharing, 2, start));
        assertSame(LVector.EMPTY, Accumulators.start(owning, 2, LVector.EMPTY));
        assertEquals(null, Accumulators.start(owning, 2, null));
        LMap sorted = (LMap) interp.evalString("(sorted-map 1 2)", "test");
        assertSame(sorted, Accumulators.start(owning, 2, sorted));
        Object table = Accumulators.start(owning, 2, start);
        Object after = interp.apply(owning, table, 5L);
        assertSame(table, after);
        assertEquals(LMap.of(1L, 2L, 5L, 5L), Accumulators.value(after));
        assertEquals(LMap.of(1L, 2L), start);
    }

    @Test
    void aTableReachingAFunctionThatDoesNotOwnItBecomesAMapOrFailsLoudly() {
        Object sharing = interp.evalString("(fn [acc x] (if (= x 0) (assoc acc x 1) (count acc)))", "test");
        assertEquals(LMap.of(1L, 2L, 0L, 1L), interp.apply(sharing, new OwnedMap(LMap.of(1L, 2L)), 0L));
        LogosError e = assertThrows(LogosError.class, () -> interp.apply(sharing, new OwnedMap(LMap.EMPTY), 1L));
        assertTrue(e.getMessage().contains("count expects a collection"), e.getMessage());
    }

    @Test
    void theTableIsChargedAsThePersistentMapWouldBe() {
        String items = "(def items (vec (range 500)))";
        String owning = "(def f (fn [acc i] (if (odd? i) (assoc acc (- i) i i 1)"
            + " (update acc (mod i 7) (fnil + 0) i))))";
        assertTrue(owns("(fn [acc i] (if (odd? i) (assoc acc (- i) i i 1) (update acc (mod i 7) (fnil + 0) i)))"));
        assertEquals(Charges.of(items + owning + "(reduce f {} items)").memory(),
            Charges.of(items + owning + "(reduce (fn [acc i] (f acc i)) {} items)").memory());
    }

}
