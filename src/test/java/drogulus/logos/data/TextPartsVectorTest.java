package drogulus.logos.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import drogulus.crypto.LogosPack;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * A vector of a text's parts (LVector.ofParts) must be indistinguishable from the vector of the same strings built
 * item by item: every size from empty through several trie levels, every operation, both ways of comparing.
 */
class TextPartsVectorTest {
    /** A text of n parts "p0", "", "p2", ... (every third one empty) joined by ";", and the parts' bounds. */
    private static final class Split {
        private final String text;
        private final int[] bounds;
        private final List<Object> parts;

        private Split(String text, int[] bounds, List<Object> parts) {
            this.text = text;
            this.bounds = bounds;
            this.parts = parts;
        }

        String text() {
            return text;
        }

        int[] bounds() {
            return bounds;
        }

        List<Object> parts() {
            return parts;
        }

        static Split of(int n) {
            StringBuilder text = new StringBuilder("head;");
            List<Object> parts = new ArrayList<>();
            int[] bounds = new int[2 * n];
            for (int i = 0; i < n; i++) {
                String part = i % 3 == 1 ? "" : "p" + i;
                bounds[2 * i] = text.length();
                text.append(part);
                bounds[2 * i + 1] = text.length();
                text.append(';');
                parts.add(part);
            }
            return new Split(text.toString(), bounds, parts);
        }

        LVector vector() {
            return LVector.ofParts(text, bounds, parts.size());
        }

        LVector built() {
            return LVector.from(parts);
        }
    }

    @Test
    void partsReadAsTheVectorOfTheSameStringsAtEverySize() {
        for (int n : new int[] {0, 1, 31, 32, 33, 64, 65, 1025, 32 * 32 * 32 + 70}) {
            Split split = Split.of(n);
            LVector parts = split.vector();
            LVector built = split.built();
            assertEquals(n, parts.count());
            assertEquals(built, parts);
            assertEquals(parts, built);
            assertEquals(built.hashCode(), parts.hashCode());
            assertEquals(built.toString(), parts.toString());
            assertArrayEquals(built.toArray(), parts.toArray());
            for (int i = 0; i < n; i++) {
                assertEquals(split.parts().get(i), parts.nth(i));
            }
            List<Object> walked = new ArrayList<>();
            parts.forEach(walked::add);
            assertEquals(split.parts(), walked);
            assertArrayEquals(LogosPack.encode(built), LogosPack.encode(parts));
        }
    }

    @Test
    void onlyTheFirstNPartsAreItems() {
        Split split = Split.of(100);
        LVector first = LVector.ofParts(split.text(), split.bounds(), 40);
        assertEquals(LVector.from(split.parts().subList(0, 40)), first);
        assertThrows(IndexOutOfBoundsException.class, () -> first.nth(40));
        assertThrows(IndexOutOfBoundsException.class, () -> first.nth(-1));
        Iterator<Object> items = first.iterator();
        for (int i = 0; i < 40; i++) {
            items.next();
        }
        assertThrows(NoSuchElementException.class, items::next);
    }

    @Test
    void changesGiveTheVectorsTheyGiveOnTheSameStringsAndLeaveThePartsAsTheyWere() {
        Split split = Split.of(1100);
        LVector parts = split.vector();
        LVector built = split.built();
        assertEquals(built.conj("x"), parts.conj("x"));
        assertEquals(built.assocN(5, "y"), parts.assocN(5, "y"));
        assertEquals(built.assocN(1099, "z"), parts.assocN(1099, "z"));
        assertEquals(built.assocN(1100, "end"), parts.assocN(1100, "end"));
        assertEquals(built.pop(), parts.pop());
        assertEquals(built.pop().pop().conj(1L), parts.pop().pop().conj(1L));
        assertEquals(new LVector.Builder(built).add("w").build(), new LVector.Builder(parts).add("w").build());
        assertNotEquals(parts, parts.assocN(0, "changed"));
        assertEquals(built, parts);
        assertThrows(IndexOutOfBoundsException.class, () -> parts.assocN(1101, "far"));
    }

    @Test
    void aPartReadByIndexIsKeptAndAWalkKeepsNothing() {
        LVector parts = Split.of(100).vector();
        // A walk in order makes its strings for the walk: nothing of it stays alive in the vector.
        assertNotSame(parts.iterator().next(), parts.iterator().next());
        assertNotSame(parts.toArray()[8], parts.toArray()[8]);
        // Read by index, an item is made once: a program looking rows up again and again finds them made.
        Object row = parts.nth(50);
        assertSame(row, parts.nth(50));
        Iterator<Object> walk = parts.iterator();
        for (int i = 0; i < 50; i++) {
            walk.next();
        }
        assertSame(row, walk.next());
        assertSame(row, parts.toArray()[50]);
        assertEquals(Split.of(100).built(), parts);
    }

    @Test
    void aVectorOfAFewPartsHoldsTheirStrings() {
        Split split = Split.of(32);
        LVector parts = split.vector();
        // Made at once, the strings are the same objects on every read, by index or in a walk.
        assertSame(parts.nth(3), parts.nth(3));
        assertSame(parts.toArray()[3], parts.toArray()[3]);
        assertEquals(split.built(), parts);
    }
}
