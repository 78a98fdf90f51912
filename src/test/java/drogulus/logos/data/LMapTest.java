package drogulus.logos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LMapTest {
    /** A key whose hash is the same for every instance, so that all of them collide in the trie. */
    private static final class Colliding {
        private final int id;

        Colliding(int id) {
            this.id = id;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Colliding key && key.id == id;
        }

        @Override
        public int hashCode() {
            return 7;
        }
    }

    /** The items as iteration gives them (not through toArray, which ArrayList's copy constructor calls). */
    private static List<Object> iterated(Iterable<Object> items) {
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            out.add(item);
        }
        return out;
    }

    private static LMap range(int n) {
        LMap map = LMap.EMPTY;
        for (int i = 0; i < n; i++) {
            map = map.assoc("k" + i, (long) i);
        }
        return map;
    }

    @Test
    void shouldIterateASmallMapInInsertionOrder() {
        LMap map = LMap.of(Keyword.of("b"), 2L, Keyword.of("a"), 1L, Keyword.of("c"), 3L);
        assertEquals(List.of(Keyword.of("b"), Keyword.of("a"), Keyword.of("c")), map.keys());
        assertEquals(List.of(2L, 1L, 3L), map.vals());
        assertEquals("{:b 2, :a 1, :c 3}", map.toString());
    }

    @Test
    void shouldCopyKeysAndValuesOutInIterationOrder() {
        LMap small = LMap.of(Keyword.of("b"), 2L, Keyword.of("a"), 1L, Keyword.of("c"), 3L);
        LMap sorted = LMap.sorted((x, y) -> ((String) x).compareTo((String) y)).assoc("y", 1L).assoc("x", 2L);
        for (LMap map : List.of(small, sorted, LMap.EMPTY, range(40))) {
            assertEquals(iterated(map.keys()), List.of(map.keys().toArray()));
            assertEquals(iterated(map.vals()), List.of(map.vals().toArray()));
            assertEquals(map.count(), map.vals().toArray().length);
        }
        assertEquals(List.of(2L, 1L, 3L), List.of(small.vals().toArray()));
        assertEquals(List.of("x", "y"), List.of(sorted.keys().toArray()));
        assertEquals(List.of(2L, 1L), List.of(sorted.vals().toArray()));
        assertEquals(3L, small.vals().get(2));
    }

    @Test
    void shouldFindKeywordKeysOnlyByThemselves() {
        LMap map = LMap.of("a", 1L, Symbol.of("a"), 2L, Keyword.of("a"), 3L, LVector.of(Keyword.of("a")), 4L);
        assertEquals(3L, map.get(Keyword.of("a")));
        assertEquals(1L, map.get("a"));
        assertNull(map.get(Keyword.of("b")));
        assertEquals(5L, map.assoc(Keyword.of("a"), 5L).get(Keyword.of("a")));
        assertEquals(4, map.assoc(Keyword.of("a"), 5L).count());
    }

    @Test
    void shouldKeepTheFirstPositionWhenAKeyIsRebound() {
        LMap map = LMap.of("x", 1L, "y", 2L, "x", 3L);
        assertEquals(List.of("x", "y"), map.keys());
        assertEquals(3L, map.get("x"));
    }

    @Test
    void shouldFindEveryKeyOfALargeMap() {
        LMap map = range(20_000);
        assertEquals(20_000, map.count());
        for (int i = 0; i < 20_000; i++) {
            assertEquals((long) i, map.get("k" + i));
        }
        assertFalse(map.containsKey("k20000"));
        assertEquals("none", map.get("missing", "none"));
    }

    @Test
    void shouldRemoveEveryKeyOfALargeMap() {
        LMap map = range(5000);
        for (int i = 0; i < 5000; i++) {
            map = map.dissoc("k" + i);
            assertEquals(4999 - i, map.count());
            assertFalse(map.containsKey("k" + i));
            if (i + 1 < 5000) {
                assertEquals((long) (i + 1), map.get("k" + (i + 1)));
            }
        }
        assertEquals(LMap.EMPTY, map);
    }

    @Test
    void shouldReturnTheSameMapWhenNothingChanges() {
        LMap small = range(3);
        LMap large = range(100);
        assertSame(small, small.dissoc("absent"));
        assertSame(large, large.dissoc("absent"));
        assertSame(small, small.assoc("k1", small.get("k1")));
        assertSame(large, large.assoc("k50", large.get("k50")));
    }

    @Test
    void shouldLeaveEarlierVersionsUnchanged() {
        LMap base = range(300);
        LMap changed = base.assoc("k1", "one").assoc("new", 1L).dissoc("k2");
        assertEquals(1L, base.get("k1"));
        assertFalse(base.containsKey("new"));
        assertEquals(2L, base.get("k2"));
        assertEquals(300, base.count());
        assertEquals("one", changed.get("k1"));
        assertEquals(300, changed.count());
        assertEquals(range(300), base);
    }

    @Test
    void shouldEqualAndHashAlikeWhateverTheShapeAndOrder() {
        LMap grownAndShrunk = range(9).dissoc("k8");
        LMap flat = range(8);
        LMap reversed = LMap.EMPTY;
        for (int i = 7; i >= 0; i--) {
            reversed = reversed.assoc("k" + i, (long) i);
        }
        assertEquals(flat, grownAndShrunk);
        assertEquals(grownAndShrunk, flat);
        assertEquals(flat, reversed);
        assertEquals(flat.hashCode(), grownAndShrunk.hashCode());
        assertEquals(flat.hashCode(), reversed.hashCode());
        assertNotEquals(flat, flat.assoc("k0", 99L));
        assertNotEquals(flat, flat.dissoc("k0").assoc("other", 0L));
    }

    @Test
    void shouldBindNilKeysAndValues() {
        for (LMap start : List.of(LMap.EMPTY, range(50))) {
            LMap map = start.assoc(null, "nil key").assoc("nil value", null);
            assertEquals("nil key", map.get(null));
            assertTrue(map.containsKey("nil value"));
            assertNull(map.get("nil value", "default"));
            assertFalse(map.dissoc(null).containsKey(null));
        }
    }

    @Test
    void shouldKeepKeysWhoseHashesCollide() {
        LMap map = range(20);
        for (int i = 0; i < 10; i++) {
            map = map.assoc(new Colliding(i), (long) i);
        }
        assertEquals(30, map.count());
        for (int i = 0; i < 10; i++) {
            assertEquals((long) i, map.get(new Colliding(i)));
        }
        assertFalse(map.containsKey(new Colliding(10)));
        for (int i = 0; i < 9; i++) {
            map = map.dissoc(new Colliding(i));
        }
        assertEquals(21, map.count());
        assertEquals(9L, map.get(new Colliding(9)));
        assertEquals(range(20).assoc(new Colliding(9), 9L), map);
    }

    @Test
    void shouldFindAVectorKeyByAnEqualList() {
        LMap map = range(30).assoc(LVector.of(1L, 2L), "pair");
        assertEquals("pair", map.get(LList.of(1L, 2L)));
    }

    @Test
    void shouldVisitEveryEntryOnceWhenIterating() {
        LMap map = range(3000);
        Set<Object> keys = new HashSet<>();
        long sum = 0;
        for (Map.Entry<Object, Object> entry : map) {
            assertTrue(keys.add(entry.getKey()));
            sum += (Long) entry.getValue();
        }
        assertEquals(3000, keys.size());
        assertEquals(2999L * 3000 / 2, sum);
        assertEquals(new ArrayList<>(map.keys()).size(), map.keys().size());
        assertEquals(map.get(map.keys().get(1234)), map.vals().get(1234));
    }

    @Test
    void shouldKeepBuiltMapsIntactWhenTheBuilderGoesOn() {
        LMap.Builder builder = LMap.builder();
        List<LMap> snapshots = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            builder.put("k" + i, (long) i);
            if (i % 101 == 0) {
                snapshots.add(builder.build());
            }
        }
        builder.put("k0", "rebound");
        for (LMap snapshot : snapshots) {
            assertEquals(range(snapshot.count()), snapshot);
        }
        LMap last = builder.build();
        assertEquals(range(2000).assoc("k0", "rebound"), last);
    }

    @Test
    void shouldBuildTheSameMapAllAtOnceAsOneAssocAtATime() {
        LMap.Builder builder = LMap.builder();
        LMap expected = LMap.EMPTY;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 3000; i++) {
                Object key = i % 5 == 0 ? new Colliding(i % 40) : i % 7 == 0 ? null : (Object) ("k" + (i % 1700));
                Object value = round * 10_000L + i;
                builder.put(key, value);
                expected = expected.assoc(key, value);
            }
        }
        LMap built = builder.build();
        assertEquals(expected.count(), built.count());
        assertEquals(expected, built);
        assertEquals(expected.hashCode(), built.hashCode());
        for (Map.Entry<Object, Object> entry : expected) {
            assertEquals(entry.getValue(), built.get(entry.getKey()));
        }
        int seen = 0;
        for (Map.Entry<Object, Object> entry : built) {
            seen++;
            assertEquals(expected.get(entry.getKey(), "absent"), entry.getValue());
        }
        assertEquals(expected.count(), seen);
        LMap smaller = built;
        for (Map.Entry<Object, Object> entry : expected) {
            smaller = smaller.dissoc(entry.getKey());
        }
        assertSame(LMap.EMPTY, smaller);
    }

    @Test
    void shouldOrderTrieSortKeysByTheirPathFromTheRoot() {
        int hash = 0b11_10101_00000_11111_00001_10000_01111;
        int expected = 0b01111_10000_00001_11111_00000_10101_11;
        assertEquals(expected, HashBulk.pathOrder(hash));
        assertEquals(hash, HashBulk.hashOf(expected));
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            int any = random.nextInt();
            assertEquals(any, HashBulk.hashOf(HashBulk.pathOrder(any)));
        }
    }

    @Test
    void shouldExtendAnExistingMapWithoutChangingIt() {
        LMap start = range(100);
        LMap extended = new LMap.Builder(start).put("k100", 100L).put("k0", "zero").build();
        assertEquals(range(101).assoc("k0", "zero"), extended);
        assertEquals(range(100), start);
        LMap smallStart = range(3);
        assertEquals(range(4), new LMap.Builder(smallStart).put("k3", 3L).build());
        assertEquals(range(3), smallStart);
    }

    @Test
    void shouldRejectAnOddNumberOfForms() {
        assertThrows(IllegalArgumentException.class, () -> LMap.of("a"));
    }

    @Test
    void shouldMakeTheEmptyMapFromNoEntries() {
        assertSame(LMap.EMPTY, LMap.of());
        assertSame(LMap.EMPTY, LMap.builder().build());
        assertSame(LMap.EMPTY, LMap.of("a", 1L).dissoc("a"));
        assertTrue(LMap.EMPTY.keys().isEmpty());
    }

    @Test
    void shouldUpdateAsGetThenAssocWouldAndLeaveTheOldMapAlone() {
        Random random = new Random(12);
        for (LMap start : List.of(range(5), range(40), range(3000))) {
            LMap map = start;
            LMap model = start;
            List<LMap> versions = new ArrayList<>();
            List<LMap> copies = new ArrayList<>();
            for (int step = 0; step < 4000; step++) {
                Object key = switch (random.nextInt(4)) {
                    case 0 -> new Colliding(random.nextInt(6));
                    case 1 -> "k" + random.nextInt(4000);
                    default -> (long) random.nextInt(200);
                };
                long add = random.nextInt(3);
                java.util.function.UnaryOperator<Object> change = old -> old == null ? add : (Long) old + add;
                if (step % 97 == 0) {
                    versions.add(map);
                    copies.add(copyOf(map));
                }
                map = map.update(key, change);
                model = model.assoc(key, change.apply(model.get(key)));
                assertEquals(model, map);
                assertEquals(model.count(), map.count());
                assertEquals(listed(model), listed(map), "iteration order");
            }
            for (int i = 0; i < versions.size(); i++) {
                assertEquals(copies.get(i), versions.get(i));
            }
            assertSame(map, map.update("k1", old -> old));
        }
    }

    @Test
    void shouldLeaveTheMapUnchangedWhenTheUpdateFails() {
        LMap map = range(100);
        assertThrows(IllegalStateException.class, () -> map.update("k5", old -> {
            throw new IllegalStateException("no");
        }));
        assertEquals(range(100), map);
    }

    private static LMap copyOf(LMap map) {
        LMap copy = LMap.EMPTY;
        for (Map.Entry<Object, Object> entry : map) {
            copy = copy.assoc(entry.getKey(), entry.getValue());
        }
        return copy;
    }

    private static List<Object> listed(LMap map) {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<Object, Object> entry : map) {
            out.add(entry.getKey());
            out.add(entry.getValue());
        }
        return out;
    }
}
