package drogulus.logos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Union, intersection and difference made from two tries side by side give the items filtering would, in the order
 * a set built from those items iterates in (so the trie is the one building gives), and leave both sets as they were.
 */
@Timeout(60)
class TrieMergeTest {
    private static final long[] SEEDS = {1L, 42L, 20_261_203L};

    /** Numbers, some of which share whole hashes (i and 2^32 + (i xor 1)), and strings built to collide. */
    private static Object randomItem(Random random, int range) {
        int i = random.nextInt(range);
        return switch (random.nextInt(6)) {
            case 0 -> 4_294_967_296L + (i ^ 1);
            case 1 -> CollisionNodePropertyTest.colliding(i % 64, 6);
            case 2 -> Keyword.of("k" + i);
            default -> (long) i;
        };
    }

    private static LSet randomSet(Random random, int size, int range) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(randomItem(random, range));
        }
        return random.nextBoolean() ? LSet.ofArray(items.toArray(), items.size()) : LSet.from(items);
    }

    private static List<Object> listed(Iterable<Object> items) {
        List<Object> out = new ArrayList<>();
        items.forEach(out::add);
        return out;
    }

    private static void check(LSet a, LSet b, String op, BiFunction<LSet, LSet, LSet> merged, Set<Object> expected) {
        List<Object> aBefore = listed(a);
        List<Object> bBefore = listed(b);
        LSet result = merged.apply(a, b);
        List<Object> items = listed(result);
        String what = op + " of " + a.count() + " and " + b.count();
        assertEquals(expected, new LinkedHashSet<>(items), what);
        assertEquals(expected.size(), result.count(), what);
        assertEquals(items, listed(LSet.ofArray(items.toArray(), items.size())), what + ": iteration order");
        for (Object item : result.count() > LMap.FLAT_LIMIT ? items : List.of()) {
            // Equal strings may be different objects: the first set's entry is the one kept. Numbers are kept unboxed.
            Object kept = a.contains(item) ? a.get(item, null) : b.get(item, null);
            if (item instanceof Long) {
                assertEquals(kept, result.get(item, null), what);
            } else {
                assertSame(kept, result.get(item, null), what);
            }
        }
        assertEquals(aBefore, listed(a), what + " changed its first set");
        assertEquals(bBefore, listed(b), what + " changed its second set");
    }

    private static void checkAll(LSet a, LSet b) {
        Set<Object> inA = new LinkedHashSet<>(listed(a));
        Set<Object> inB = new LinkedHashSet<>(listed(b));
        Set<Object> both = new LinkedHashSet<>(inA);
        both.retainAll(inB);
        Set<Object> onlyA = new LinkedHashSet<>(inA);
        onlyA.removeAll(inB);
        Set<Object> either = new LinkedHashSet<>(inA);
        either.addAll(inB);
        check(a, b, "intersection", (x, y) -> x.keepAgainst(y, true), both);
        check(a, b, "difference", (x, y) -> x.keepAgainst(y, false), onlyA);
        check(a, b, "union", LSet::unionAgainst, either);
    }

    @Test
    void shouldCombineSetsOfManySizesAsFilteringWould() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int round = 0; round < 60; round++) {
                int range = 10 + random.nextInt(3000);
                LSet a = randomSet(random, 9 + random.nextInt(2000), range);
                LSet b = randomSet(random, 9 + random.nextInt(2000), range);
                if (a.count() > LMap.FLAT_LIMIT && b.count() > LMap.FLAT_LIMIT) {
                    checkAll(a, b);
                    checkAll(b, a);
                }
            }
        }
    }

    @Test
    void shouldCombineSetsOfNumbersKeptUnboxedAsFilteringWould() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int round = 0; round < 60; round++) {
                int range = 10 + random.nextInt(5000);
                LSet[] sets = new LSet[2];
                for (int k = 0; k < 2; k++) {
                    Object[] items = new Object[9 + random.nextInt(3000)];
                    for (int i = 0; i < items.length; i++) {
                        int n = random.nextInt(range);
                        // i and 2^32 + (i xor 1) share a whole hash, so some numbers end in collision nodes.
                        items[i] = random.nextInt(8) == 0 ? 4_294_967_296L + (n ^ 1) : (long) n;
                    }
                    sets[k] = LSet.ofArray(items, items.length);
                }
                if (random.nextBoolean()) {
                    // A string among the numbers: its node and the nodes above it are boxed.
                    sets[1] = sets[1].conj("x" + round);
                }
                checkAll(sets[0], sets[1]);
                checkAll(sets[1], sets[0]);
                LSet both = sets[0].keepAgainst(sets[1], true);
                LSet either = sets[0].unionAgainst(sets[1]);
                assertEquals(true, both.count() <= LMap.FLAT_LIMIT || both.subsetWalk(sets[0]));
                assertEquals(true, both.count() <= LMap.FLAT_LIMIT || both.subsetWalk(sets[1]));
                assertEquals(true, sets[1].subsetWalk(either));
                assertEquals(both.count() == sets[0].count(), sets[0].subsetWalk(sets[1]));
                assertEquals(false, sets[0].conj(-7L).subsetWalk(either));
            }
        }
    }

    @Test
    void shouldShareWhatAnOperationLeavesWhole() {
        Random random = new Random(7);
        LSet a = randomSet(random, 3000, 100_000);
        LSet grown = a.conj(-1L).conj(-2L);
        LSet fewer = a.disj(a.iterator().next());
        checkAll(a, grown);
        checkAll(grown, a);
        checkAll(a, fewer);
        checkAll(fewer, a);
        checkAll(a, a);
        assertSame(a, a.keepAgainst(grown, true));
        assertSame(a, a.keepAgainst(LSet.from(List.of(-5L, -6L, -7L, -8L, -9L, -10L, -11L, -12L, -13L)), false));
        assertSame(grown, grown.unionAgainst(a));
        assertEquals(0, a.keepAgainst(a, false).count());
    }

    @Test
    void shouldListSmallResultsOfLargeSetsInTheFirstSetsOrderWhateverTheirHashes() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int round = 0; round < 200; round++) {
                int range = 200 + random.nextInt(400);
                LSet a = randomSet(random, 9 + random.nextInt(300), range);
                List<Object> some = new ArrayList<>();
                for (Object item : a) {
                    if (some.size() < 1 + random.nextInt(LMap.FLAT_LIMIT)) {
                        some.add(item);
                    }
                }
                // b shares few items with a, so their intersection is small, and so is a minus (a less those).
                LSet b = LSet.from(some).conjAll(listed(randomSet(random, 20, 1_000_000)));
                LSet rest = a.keepAgainst(LSet.from(some), false);
                if (a.count() <= LMap.FLAT_LIMIT || rest == null || rest.count() <= LMap.FLAT_LIMIT) {
                    continue;
                }
                List<Object> common = new ArrayList<>(listed(a));
                common.retainAll(listed(b));
                assertEquals(common, listed(a.keepAgainst(b, true)), "seed " + seed + " round " + round);
                assertEquals(some, listed(a.keepAgainst(rest, false)), "seed " + seed + " round " + round);
            }
        }
    }

    @Test
    void shouldTellSubsetsByWalkingBothTriesAsLookingUpEachItemWould() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int round = 0; round < 100; round++) {
                int range = 20 + random.nextInt(2000);
                LSet a = randomSet(random, 9 + random.nextInt(1500), range);
                LSet b = randomSet(random, 9 + random.nextInt(1500), range);
                LSet both = a.keepAgainst(b, true);
                LSet either = a.unionAgainst(b);
                LSet[][] pairs = {{a, b}, {b, a}, {both, a}, {both, b}, {a, a}, {a, either}, {a.conj(-1L), a}};
                for (LSet[] pair : pairs) {
                    LSet small = pair[0];
                    LSet big = pair[1];
                    if (small.count() <= LMap.FLAT_LIMIT || big.count() <= LMap.FLAT_LIMIT) {
                        continue;
                    }
                    boolean expected = true;
                    for (Object item : small) {
                        expected &= big.contains(item);
                    }
                    assertEquals(expected, small.subsetWalk(big), "seed " + seed + " round " + round);
                }
            }
        }
        assertEquals(null, LSet.of(1L, 2L).subsetWalk(LSet.from(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L))));
    }

    @Test
    void shouldListSmallResultsInTheFirstSetsOrder() {
        LSet a = LSet.from(List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L));
        LSet b = LSet.from(List.of(100L, 30L, 70L, 1L, 2L, 3L, 4L, 5L, 6L));
        List<Object> inOrder = new ArrayList<>(listed(a));
        inOrder.retainAll(List.of(100L, 30L, 70L));
        assertEquals(inOrder, listed(a.keepAgainst(b, true)));
    }
}
