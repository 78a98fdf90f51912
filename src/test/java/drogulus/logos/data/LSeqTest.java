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

    @Test
    void shouldHoldAChainedRunInOneCellAndWalkItAsSeparateItems() {
        Object[] items = {1L, 2L, 3L, 4L};
        LSeq run = (LSeq) LSeq.chain(items, 3, LList.of(9L));
        items[1] = 99L;
        assertEquals(3, run.runLength(), "three items held in one cell");
        assertEquals(2L, run.runItem(1), "the run copied the three items it was given");
        assertEquals(LList.of(9L), run.afterRun());
        assertEquals(LList.of(1L, 2L, 3L, 9L), run);
        assertEquals(LList.of(1L, 2L, 3L, 9L).hashCode(), run.hashCode());
        assertEquals(4, run.count());
        LSeq second = (LSeq) run.more();
        assertEquals(true, second.isRealized());
        assertEquals(2L, second.first());
        assertEquals(2, second.runLength(), "the cell after the first reads the same run from its next item");
        assertEquals(true, second.restIsRealized());
        LSeq third = (LSeq) second.more();
        assertEquals(3L, third.first());
        assertEquals(LList.of(9L), third.more(), "the run's last cell leads to what follows the run");
        assertEquals(9L, ((LList) third.more()).first());
    }

    @Test
    void shouldTakeOverAFullArrayAndWalkRunsThroughLazyCells() {
        Object[] items = {1L, 2L};
        LSeq tail = LSeq.lazy(() -> LSeq.chain(new Object[] {3L, 4L, 5L}, 3, null));
        LSeq run = (LSeq) LSeq.chain(items, 2, tail);
        assertEquals(false, run.restIsRealized() && tail.isRealized());
        LSeq outer = LSeq.lazy(() -> run);
        assertEquals(2, outer.runLength(), "a lazy cell realised to a run reads that run");
        Iterator<Object> it = outer.iterator();
        StringBuilder seen = new StringBuilder();
        while (it.hasNext()) {
            seen.append(it.next());
        }
        assertEquals("12345", seen.toString());
        assertEquals(0, LSeq.lazy(() -> null).runLength());
        assertEquals(LList.EMPTY, LSeq.chain(items, 0, null));
    }
}
