package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import drogulus.logos.eval.Interp;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Host code has no limit, so keys sharing one hash code must cost a logarithmic factor there, not a scan. */
class CollidingKeysHostTest {
    /** 2^16 distinct strings of 16 "Aa"/"BB" blocks, all of one Java hash code. */
    private static final String KEYS = "(def ks (vec (reduce (fn [acc _] (mapcat (fn [p] [(str p \"Aa\") "
        + "(str p \"BB\")]) acc)) [\"\"] (range 16)))) ";

    @Test
    @Timeout(60)
    void shouldBuildMapsOfSixtyFiveThousandCollidingKeys() {
        Interp interp = CoreLibrary.standard();
        interp.setOutput(new PrintStream(OutputStream.nullOutputStream(), true));
        interp.evalString(KEYS, "test");
        assertEquals(65536L, interp.evalString("(count (frequencies (concat ks ks)))", "test"));
        assertEquals(2L, interp.evalString("(get (frequencies (concat ks ks)) (nth ks 12345))", "test"));
        assertEquals(65536L, interp.evalString("(count (zipmap ks ks))", "test"));
        assertEquals(65536L, interp.evalString("(count (group-by identity ks))", "test"));
        assertEquals(65536L, interp.evalString("(count (into {} (map vector ks ks)))", "test"));
        assertEquals(65536L, interp.evalString("(count (distinct (concat ks ks)))", "test"));
        assertEquals(true, interp.evalString("(contains? (zipmap ks ks) (nth ks 999))", "test"));
        assertEquals(32768L, interp.evalString("(count (reduce dissoc (zipmap ks ks) (take 32768 ks)))", "test"));
    }
}
