package drogulus.logos.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class LVectorTest {
    /** Enough items for a root three levels above the leaves, so every path through the trie is used. */
    private static final int DEEP = 32 * 32 * 32 + 70;

    private static LVector conjRange(int n) {
        LVector vector = LVector.EMPTY;
        for (int i = 0; i < n; i++) {
            vector = vector.conj((long) i);
        }
        return vector;
    }

    @Test
    void shouldMakeVectorsOfEverySizeFromArraysAndCollectionsAsConjWould() {
        for (int n = 0; n <= 70; n++) {
            LVector expected = conjRange(n);
            Object[] items = expected.toArray();
            LVector fromArray = LVector.of(items);
            List<Object> list = new ArrayList<>(List.of(items));
            LVector fromList = LVector.from(list);
            assertEquals(expected, fromArray);
            assertEquals(expected, fromList);
            if (n > 0) {
                // The vector owns its items: changing the array or list it came from does not change it.
                items[0] = "changed";
                list.set(0, "changed");
                assertEquals(0L, fromArray.nth(0));
                assertEquals(0L, fromList.nth(0));
                assertEquals(expected.conj("x"), fromArray.conj("x"));
                assertEquals(expected.pop(), fromList.pop());
            }
        }
    }

    @Test
    void shouldFindEveryItemByIndexInADeepTrie() {
        LVector vector = conjRange(DEEP);
        assertEquals(DEEP, vector.count());
        for (int i = 0; i < DEEP; i++) {
            assertEquals((long) i, vector.nth(i));
        }
    }

    @Test
    void shouldBuildTheSameVectorWithTheBuilderAsWithConj() {
        LVector.Builder builder = LVector.builder();
        for (int i = 0; i < DEEP; i++) {
            builder.add((long) i);
        }
        LVector built = builder.build();
        assertEquals(conjRange(DEEP), built);
        Object[] items = built.toArray();
        assertEquals(DEEP, items.length);
        for (int i = 0; i < DEEP; i++) {
            assertEquals((long) i, items[i]);
        }
    }

    @Test
    void shouldPopThroughEveryLevelBoundary() {
        LVector vector = conjRange(DEEP);
        for (int n = DEEP; n > 0; n--) {
            assertEquals((long) (n - 1), vector.nth(n - 1));
            vector = vector.pop();
            assertEquals(n - 1, vector.count());
        }
        assertTrue(vector.isEmpty());
        assertEquals(LVector.EMPTY, vector);
    }

    @Test
    void shouldGrowAgainAfterPopping() {
        LVector vector = conjRange(1100);
        for (int i = 0; i < 1000; i++) {
            vector = vector.pop();
        }
        for (int i = 100; i < 2000; i++) {
            vector = vector.conj((long) i);
        }
        assertEquals(conjRange(2000), vector);
    }

    @Test
    void shouldLeaveEarlierVersionsUnchanged() {
        LVector base = conjRange(1057);
        LVector changed = base.assocN(5, "five").assocN(1056, "last").conj("more");
        LVector popped = base.pop();
        assertEquals(5L, base.nth(5));
        assertEquals(1056L, base.nth(1056));
        assertEquals(1057, base.count());
        assertEquals("five", changed.nth(5));
        assertEquals("last", changed.nth(1056));
        assertEquals("more", changed.nth(1057));
        assertEquals(1056, popped.count());
        assertEquals(conjRange(1057), base);
    }

    @Test
    void shouldAppendWhenAssocIsOnePastTheEnd() {
        assertEquals(LVector.of(1L, 2L, 3L), LVector.of(1L, 2L).assocN(2, 3L));
    }

    @Test
    void shouldRejectIndicesOutsideTheVector() {
        LVector vector = conjRange(40);
        assertThrows(IndexOutOfBoundsException.class, () -> vector.nth(40));
        assertThrows(IndexOutOfBoundsException.class, () -> vector.nth(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> vector.assocN(41, "x"));
        assertThrows(IndexOutOfBoundsException.class, () -> vector.assocN(-1, "x"));
    }

    @Test
    void shouldRefuseToPopAnEmptyVector() {
        assertThrows(IllegalStateException.class, () -> LVector.EMPTY.pop());
    }

    @Test
    void shouldKeepBuiltVectorsIntactWhenTheBuilderGoesOn() {
        LVector.Builder builder = LVector.builder();
        List<LVector> snapshots = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            builder.add((long) i);
            if (i % 97 == 0) {
                snapshots.add(builder.build());
            }
        }
        for (LVector snapshot : snapshots) {
            assertEquals(conjRange(snapshot.count()), snapshot);
            LVector grown = snapshot;
            for (int i = 0; i < 70; i++) {
                grown = grown.conj("other" + i);
            }
            for (int i = 0; i < 70; i++) {
                assertEquals("other" + i, grown.nth(snapshot.count() + i));
            }
            for (int i = 0; i < 70; i++) {
                grown = grown.pop();
            }
            assertEquals(snapshot, grown);
            LVector.Builder branch = new LVector.Builder(snapshot);
            for (int i = 0; i < 70; i++) {
                branch.add("branch" + i);
            }
            assertEquals("branch69", branch.build().nth(snapshot.count() + 69));
        }
        assertEquals(conjRange(5000), builder.build());
    }

    @Test
    void shouldExtendAnExistingVectorWithoutChangingIt() {
        LVector start = conjRange(1030);
        LVector extended = new LVector.Builder(start).addAll(List.of(1030L, 1031L, 1032L)).build();
        assertEquals(conjRange(1033), extended);
        assertEquals(conjRange(1030), start);
        assertEquals(conjRange(1031), start.conj(1030L));
    }

    @Test
    void shouldEqualAListWithTheSameItemsAndHashTheSame() {
        LVector vector = LVector.of(1L, "two", Keyword.of("three"), null);
        LList list = LList.of(1L, "two", Keyword.of("three"), null);
        assertEquals(vector, list);
        assertEquals(list, vector);
        assertEquals(list.hashCode(), vector.hashCode());
        assertNotEquals(vector, LVector.of(1L, "two"));
    }

    @Test
    void shouldHoldNil() {
        LVector vector = LVector.of(null, null);
        assertEquals(2, vector.count());
        assertNull(vector.nth(1));
    }

    @Test
    void shouldIterateInOrderAndStopAtTheEnd() {
        List<Object> seen = new ArrayList<>();
        LVector vector = conjRange(100);
        Iterator<Object> it = vector.iterator();
        while (it.hasNext()) {
            seen.add(it.next());
        }
        assertArrayEquals(vector.toArray(), seen.toArray());
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void shouldMakeTheEmptyVectorFromNoItems() {
        assertSame(LVector.EMPTY, LVector.of());
        assertSame(LVector.EMPTY, LVector.from(List.of()));
        assertSame(LVector.EMPTY, LVector.builder().build());
    }

    @Test
    void shouldPrintLikeAVector() {
        assertEquals("[1 \"a\" :k]", LVector.of(1L, "a", Keyword.of("k")).toString());
    }
}
