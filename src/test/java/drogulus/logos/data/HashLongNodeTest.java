package drogulus.logos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A set whose trie keeps its numbers unboxed changes, persistently, as one of boxed numbers does: after any mix of
 * conj and disj (of numbers and of other items) it holds what java.util.Set would, iterates as a set built from
 * those items does, and the sets it came from are unchanged.
 */
@Timeout(60)
class HashLongNodeTest {
    private static final long[] SEEDS = {8L, 313L, 20_261_203L};

    /** Numbers (some sharing whole hashes: i and 2^32 + (i xor 1)), and now and then a string or a keyword. */
    private static Object randomItem(Random random, int range) {
        int i = random.nextInt(range);
        return switch (random.nextInt(12)) {
            case 0 -> 4_294_967_296L + (i ^ 1);
            case 1 -> "s" + i;
            case 2 -> Keyword.of("k" + i);
            default -> (long) i;
        };
    }

    private static List<Object> listed(LSet set) {
        List<Object> out = new ArrayList<>();
        set.forEach(out::add);
        return out;
    }

    @Test
    void shouldChangeAsASetOfBoxedNumbersDoes() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            int range = 50 + random.nextInt(5000);
            Object[] start = new Object[20 + random.nextInt(3000)];
            for (int i = 0; i < start.length; i++) {
                start[i] = (long) random.nextInt(range);
            }
            LSet set = LSet.ofArray(start, start.length);
            Set<Object> expected = new LinkedHashSet<>(java.util.Arrays.asList(start));
            List<LSet> versions = new ArrayList<>();
            List<List<Object>> listings = new ArrayList<>();
            for (int step = 0; step < 3000; step++) {
                Object item = randomItem(random, range);
                if (random.nextBoolean()) {
                    set = set.conj(item);
                    expected.add(item);
                } else {
                    set = set.disj(item);
                    expected.remove(item);
                }
                if (step % 300 == 0) {
                    versions.add(set);
                    listings.add(listed(set));
                }
                assertEquals(expected.size(), set.count(), "seed " + seed + " step " + step);
                assertTrue(set.contains(item) == expected.contains(item), "seed " + seed + " step " + step);
            }
            assertEquals(expected, new LinkedHashSet<>(listed(set)), "seed " + seed);
            assertEquals(listed(LSet.from(expected)), listed(set), "seed " + seed + ": iteration order");
            assertEquals(LSet.from(expected), set, "seed " + seed);
            assertEquals(LSet.from(expected).hashCode(), set.hashCode(), "seed " + seed);
            for (int v = 0; v < versions.size(); v++) {
                assertEquals(listings.get(v), listed(versions.get(v)), "seed " + seed + ": version " + v + " changed");
            }
        }
    }

    @Test
    void shouldLeaveANodeOfNumbersItselfWhenAChangeChangesNothing() {
        Object[] items = new Object[500];
        for (int i = 0; i < items.length; i++) {
            items[i] = 10L * i;
        }
        LSet set = LSet.ofArray(items, items.length);
        assertSame(set, set.conj(40L));
        assertSame(set, set.disj(41L));
        assertSame(set, set.disj("40"));
        assertEquals(listed(set), listed(set.conjAll(List.of(0L, 10L, 4990L))));
    }

    @Test
    void shouldHashANumberUnboxedAsTheTrieHashesItBoxed() {
        Random random = new Random(4);
        for (int i = 0; i < 10_000; i++) {
            long n = i < 100 ? i - 50 : random.nextLong();
            assertEquals(HashNode.hash(n), HashLongNode.hashOf(n), "hash of " + n);
        }
        assertEquals(HashNode.hash("abc"), HashNode.spread("abc".hashCode()));
    }

    @Test
    void shouldPairNumbersAsTheBoxedTrieDoes() {
        for (long[] pair : new long[][] {{1L, 2L}, {0L, 4_294_967_297L}, {5L, 4_294_967_300L}, {-1L, 0L}}) {
            HashEdit edit = new HashEdit(null);
            HashNode boxed = HashNode.pair(pair[0], HashLongNode.hashOf(pair[0]), pair[0], pair[1],
                HashLongNode.hashOf(pair[1]), pair[1], 0, edit);
            SetBulkTest.assertSameTrie(boxed, HashLongNode.pair(pair[0], pair[1], 0), pair[0] + " and " + pair[1]);
        }
    }

    @Test
    void shouldClearOnlyTheScratchSlotsItIsGiven() {
        Object[] scratch = {"a", "b", "c", "d"};
        HashLongNode.clear(scratch, 3);
        assertEquals(java.util.Arrays.asList(null, null, null, "d"), java.util.Arrays.asList(scratch));
        HashLongNode.clear(scratch, 0);
        assertEquals("d", scratch[3]);
    }

    @Test
    void shouldHandOutItsChildrenAsNodesAfterNumbersMoveDownAndBackUp() {
        HashEdit edit = new HashEdit(null);
        // 0 and 2^32 + 1 share their whole hash, so they go down to a collision node below the last level; 7 does not.
        HashNode node = HashLongNode.pair(0L, 4_294_967_297L, 0);
        HashNode more = ((HashLongNode) node).assocNumber(7L, HashLongNode.hashOf(7L), 0, edit);
        assertTrue(more instanceof HashLongNode);
        assertEquals(1, more.childCount());
        assertEquals(2, TrieMerge.size(more.childAt(0)));
        Object missing = new Object();
        assertEquals(4_294_967_297L, more.find(4_294_967_297L, HashLongNode.hashOf(4_294_967_297L), 0, missing));
        HashNode less = more.dissoc(0L, HashLongNode.hashOf(0L), 0, new HashEdit(null));
        assertEquals(0, less.childCount());
        assertEquals(2, less.entryCount());
        assertSame(missing, less.find(0L, HashLongNode.hashOf(0L), 0, missing));
    }
}
