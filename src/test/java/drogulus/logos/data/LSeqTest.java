package drogulus.logos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

class LSeqTest {
    /** Cells 0, 1, ... below n, each computed when first asked for. */
    private static LSeq upTo(long from, long n) {
        return LSeq.lazy(() -> from >= n ? null : LSeq.cons(from, upTo(from + 1, n)));
    }

    /** Whether the referent is gone after asking the collector a few times. */
    private static boolean collected(WeakReference<?> ref) {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
        }
        return ref.get() == null;
    }

    @Test
    void shouldCountLazyCellsAndAListTail() {
        assertEquals(5, upTo(0, 5).count());
        assertEquals(0, upTo(0, 0).count());
        Object[] hold = {LSeq.cons(1L, LList.of(2L, 3L))};
        assertEquals(3, LSeq.countFrom(hold));
        assertNull(hold[0], "countFrom takes the sequence out of hold");
    }

    @Test
    void shouldNotKeepTheCellsAnIteratorHasPassed() {
        LSeq head = upTo(0, 100);
        Iterator<Object> it = head.iterator();
        it.next();
        it.next();
        WeakReference<LSeq> start = new WeakReference<>(head);
        head = null;
        assertEquals(true, collected(start), "the iterator still holds its first cell");
        assertEquals(2L, it.next());
    }
}
