package drogulus.logos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A set's trie built at once (SetBulk) is, node for node, the trie the map's bulk builder makes of the same items, so
 * it iterates and prints the same; of equal items it keeps the first, as key and as what a look-up returns.
 */
@Timeout(60)
class SetBulkTest {
    private static final long[] SEEDS = {5L, 77L, 20_261_203L};

    /** An item outside the collision order whose hash is shared by every other. */
    private record Opaque(int id) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Opaque item && item.id == id;
        }

        @Override
        public int hashCode() {
            return 11;
        }
    }

    /** Numbers (some sharing whole hashes: i and 2^32 + (i xor 1)), colliding strings, and items out of order. */
    private static Object randomItem(Random random, int range) {
        int i = random.nextInt(range);
        return switch (random.nextInt(7)) {
            case 0 -> 4_294_967_296L + (i ^ 1);
            case 1 -> CollisionNodePropertyTest.colliding(i % 64, 6);
            case 2 -> new Opaque(i % 5);
            case 3 -> Keyword.of("k" + i);
            // Not from the small-number cache, so equal numbers are different objects.
            default -> Long.valueOf(1_000_000L + i);
        };
    }

    /**
     * Asserts that two tries have the same shape and keys (compared by identity, numbers by value), every value being
     * its key, and that a node whose entries are all numbers keeps them unboxed.
     */
    static void assertSameTrie(HashNode expected, HashNode actual, String where) {
        assertEquals(expected instanceof BitmapNode, actual instanceof BitmapNode, where);
        assertEquals(expected.entryCount(), actual.entryCount(), where);
        assertEquals(expected.childCount(), actual.childCount(), where);
        boolean allNumbers = true;
        for (int i = 0; i < expected.entryCount(); i++) {
            allNumbers &= expected.keyAt(i) instanceof Long;
            if (expected.keyAt(i) instanceof Long) {
                assertEquals(expected.keyAt(i), actual.keyAt(i), where + " entry " + i);
                assertEquals(actual.keyAt(i), actual.valueAt(i), where + " value " + i);
            } else {
                assertSame(expected.keyAt(i), actual.keyAt(i), where + " entry " + i);
                assertSame(actual.keyAt(i), actual.valueAt(i), where + " value " + i);
            }
        }
        if (expected instanceof BitmapNode e) {
            BitmapNode a = (BitmapNode) actual;
            assertEquals(e.dataMap(), a.dataMap(), where);
            assertEquals(e.nodeMap(), a.nodeMap(), where);
            assertEquals(allNumbers, a instanceof HashLongNode, where + ": numbers unboxed");
        }
        for (int i = 0; i < expected.childCount(); i++) {
            assertSameTrie(expected.childAt(i), actual.childAt(i), where + "/" + i);
        }
    }

    @Test
    void shouldBuildTheTrieTheMapBuilderBuildsOfTheSameItems() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int size : new int[] {1, 2, 9, 30, 200, 3000, 40_000}) {
                int range = random.nextBoolean() ? size : size / 3 + 1;
                Object[] items = new Object[size];
                for (int i = 0; i < size; i++) {
                    items[i] = randomItem(random, range);
                }
                Object[] before = items.clone();
                HashBulk.Result expected = HashBulk.build(items, items, size);
                HashBulk.Result actual = SetBulk.of(items, size);
                String where = "seed " + seed + ", " + size + " items";
                assertEquals(expected.count(), actual.count(), where);
                assertSameTrie(expected.root(), actual.root(), where);
                assertEquals(List.of(before), List.of(items), where + ": items changed");
            }
        }
    }

    @Test
    void shouldBuildDeepTriesOfManyNumbersAsTheMapBuilderDoes() {
        // Enough numbers that many pairs share their first five or six fragments, and some share their whole hash
        // (i and 2^32 + (i xor 1)), so that nodes are made at every level and collision nodes at the bottom.
        Random random = new Random(20_261_203L);
        int size = 300_000;
        Object[] items = new Object[size];
        for (int i = 0; i < size; i++) {
            long n = random.nextInt(1 << 30);
            items[i] = i % 1000 == 0 ? 4_294_967_296L + (n ^ 1) : n;
        }
        HashBulk.Result expected = HashBulk.build(items, items, size);
        HashBulk.Result actual = SetBulk.of(items, size);
        assertEquals(expected.count(), actual.count());
        assertSameTrie(expected.root(), actual.root(), "300,000 numbers");
        HashBulk.Result range = SetBulk.ofPrefixAndRange(new Object[0], 0, -7, 3, size);
        Object[] ranged = new Object[size];
        for (int i = 0; i < size; i++) {
            ranged[i] = -7L + 3L * i;
        }
        assertSameTrie(HashBulk.build(ranged, ranged, size).root(), range.root(), "a range of 300,000");
    }

    /** Equal strings that are different objects. */
    private static String text(int i) {
        return "item" + i;
    }

    @Test
    void shouldKeepTheFirstOfEqualItemsAndReturnItFromALookUp() {
        Object[] items = new Object[20];
        for (int i = 0; i < items.length; i++) {
            items[i] = text(i % 10);
        }
        LSet set = LSet.ofArray(items, items.length);
        assertEquals(10, set.count());
        for (int i = 0; i < 10; i++) {
            assertSame(items[i], set.get(text(i), null));
        }
        List<Object> listed = new ArrayList<>();
        set.forEach(listed::add);
        for (Object item : listed) {
            assertSame(items[Integer.parseInt(((String) item).substring(4))], item);
        }
    }

    @Test
    void shouldKeepNumbersUnboxedAndAnswerALookUpWithTheNumberAskedFor() {
        Object[] items = new Object[3000];
        for (int i = 0; i < items.length; i++) {
            items[i] = 7_000_000L + 3L * i;
        }
        LSet set = LSet.ofArray(items, items.length);
        LSet oneByOne = LSet.from(java.util.Arrays.asList(items));
        assertEquals(oneByOne, set);
        assertEquals(listed(oneByOne), listed(set));
        Long asked = 7_000_003L;
        assertSame(asked, set.get(asked, null));
        assertEquals(null, set.get(7_000_001L, null));
        assertEquals(null, set.get("7000003", null));
        assertEquals(null, set.get(7_000_003.0, null));
    }

    @Test
    void shouldBuildFromAPrefixAndARangeWhatItBuildsOfAllTheirItems() {
        long big = Long.MAX_VALUE - 100;
        long[][] ranges = {{0, 1, 1000}, {100, -3, 36}, {-50, 7, 9}, {big, 1, 100}, {Long.MIN_VALUE, 5, 40},
            {0, 4_294_967_297L, 300}, {3, 3, 5}};
        Object[][] prefixes = {{}, {0L, 1L, 2L}, {"x", Keyword.of("y"), 200L, 0L}, {1L}};
        for (long[] r : ranges) {
            for (Object[] prefix : prefixes) {
                int n = prefix.length + (int) r[2];
                Object[] all = java.util.Arrays.copyOf(prefix, n);
                for (int i = 0; i < r[2]; i++) {
                    all[prefix.length + i] = r[0] + i * r[1];
                }
                LSet expected = LSet.from(java.util.Arrays.asList(all));
                LSet built = LSet.ofPrefixAndRange(prefix, prefix.length, r[0], r[1], (int) r[2]);
                String where = java.util.Arrays.toString(r) + " after " + java.util.Arrays.toString(prefix);
                assertEquals(expected.count(), built.count(), where);
                assertEquals(listed(expected), listed(built), where + ": iteration order");
                assertEquals(expected, built, where);
                assertEquals(expected.hashCode(), built.hashCode(), where);
            }
        }
    }

    private static List<Object> listed(LSet set) {
        List<Object> out = new ArrayList<>();
        set.forEach(out::add);
        return out;
    }
}
