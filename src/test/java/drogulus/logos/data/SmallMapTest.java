package drogulus.logos.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.crypto.LogosPack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A map of up to {@link LMap#FLAT_LIMIT} entries keeps its first {@link LMap#INLINE} in its own fields and the rest
 * in an array; every size from 0 to 20 must behave as the same entries in a hash trie do (made at once by
 * {@link LMap#ofAll}, which always makes a trie), except that a small map lists its keys in insertion order.
 */
class SmallMapTest {
    private static final int LARGEST = 20;

    /** Keys of several kinds, so that identity (keywords) and equality (the rest) searches are both exercised. */
    private static Object key(int i) {
        return switch (i % 5) {
            case 0 -> Keyword.of("k" + i);
            case 1 -> "s" + i;
            case 2 -> (long) i;
            case 3 -> LVector.of(Keyword.of("v"), (long) i);
            default -> i == 4 ? null : Symbol.of("y" + i);
        };
    }

    private static Object value(int i) {
        return i % 7 == 3 ? null : "value-" + i;
    }

    private static LMap assocs(int n) {
        LMap map = LMap.EMPTY;
        for (int i = 0; i < n; i++) {
            map = map.assoc(key(i), value(i));
        }
        return map;
    }

    private static LMap trie(int n) {
        Object[] keys = new Object[n];
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(i);
            values[i] = value(i);
        }
        return LMap.ofAll(keys, values, n);
    }

    private static List<Object> keysOf(LMap map) {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<Object, Object> entry : map) {
            out.add(entry.getKey());
        }
        return out;
    }

    /** The printed form of a small map that lists model's entries in model's order. */
    private static String printed(Map<Object, Object> model) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<Object, Object> entry : model.entrySet()) {
            out.append(out.length() > 1 ? ", " : "").append(Printer.print(entry.getKey(), true)).append(' ')
                    .append(Printer.print(entry.getValue(), true));
        }
        return out.append('}').toString();
    }

    /** A map made from a small one lists model's keys in model's order; one made from a trie, in the trie's. */
    private static void assertSameAsTrie(LMap map, LMap trie, Map<Object, Object> model) {
        assertSameAsTrie(map, trie, model, model.size() <= LMap.FLAT_LIMIT);
    }

    private static void assertSameAsTrie(LMap map, LMap trie, Map<Object, Object> model, boolean insertionOrder) {
        assertEquals(model.size(), map.count());
        assertEquals(trie, map);
        assertEquals(map, trie);
        assertEquals(trie.hashCode(), map.hashCode());
        for (Map.Entry<Object, Object> entry : model.entrySet()) {
            assertTrue(map.containsKey(entry.getKey()), () -> "has " + entry.getKey());
            assertEquals(entry.getValue(), map.get(entry.getKey(), "absent"));
        }
        assertFalse(map.containsKey(Keyword.of("missing")));
        assertFalse(map.containsKey("missing"));
        assertNull(map.get(LVector.of(Keyword.of("v"), -1L)));
        assertArrayEquals(LogosPack.encode(trie), LogosPack.encode(map), "the canonical encoding");
        assertEquals(map, LogosPack.decode(LogosPack.encode(map)));
        if (insertionOrder) {
            assertEquals(new ArrayList<>(model.keySet()), keysOf(map), "insertion order");
            assertEquals(new ArrayList<>(model.values()), new ArrayList<>(map.vals()));
            assertEquals(printed(model), Printer.print(map, true));
        } else {
            assertEquals(keysOf(trie), keysOf(map), "a trie's order");
        }
    }

    @Test
    void shouldBehaveAsATrieOfTheSameEntriesAtEverySize() {
        for (int n = 0; n <= LARGEST; n++) {
            Map<Object, Object> model = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                model.put(key(i), value(i));
            }
            assertSameAsTrie(assocs(n), trie(n), model);
        }
    }

    @Test
    void shouldKeepEveryOtherKeyInItsPlaceWhenOneIsRemoved() {
        for (int n = 1; n <= LARGEST; n++) {
            LMap map = assocs(n);
            for (int gone = 0; gone < n; gone++) {
                Map<Object, Object> model = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    if (i != gone) {
                        model.put(key(i), value(i));
                    }
                }
                LMap less = map.dissoc(key(gone));
                assertSameAsTrie(less, trie(n).dissoc(key(gone)), model, n <= LMap.FLAT_LIMIT);
                assertSame(less, less.dissoc(key(gone)));
                assertEquals(n, map.count(), "the map removed from is unchanged");
            }
            assertSame(map, map.dissoc("missing"));
        }
    }

    @Test
    void shouldRebindAKeyInItsPlaceAndGrowAtTheEnd() {
        for (int n = 1; n <= LARGEST; n++) {
            LMap map = assocs(n);
            for (int at = 0; at < n; at++) {
                Map<Object, Object> model = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    model.put(key(i), i == at ? "new" : value(i));
                }
                LMap rebound = map.assoc(key(at), "new");
                assertSameAsTrie(rebound, trie(n).assoc(key(at), "new"), model);
                assertSame(rebound, rebound.assoc(key(at), rebound.get(key(at))));
                model.put("added", 1L);
                assertSameAsTrie(rebound.assoc("added", 1L), trie(n).assoc(key(at), "new").assoc("added", 1L), model);
            }
            assertEquals(value(0), map.get(key(0)), "the map rebound is unchanged");
        }
    }

    @Test
    void shouldUpdateAndBuildAsAssocDoes() {
        for (int n = 0; n <= LARGEST; n++) {
            LMap map = assocs(n);
            LMap updated = map.update(key(n / 2), old -> "was " + old);
            assertEquals(map.assoc(key(n / 2), "was " + map.get(key(n / 2))), updated);
            assertEquals(keysOf(map.assoc(key(n / 2), "x")), keysOf(updated));
            LMap.Builder builder = new LMap.Builder(map);
            builder.put(key(0), "first").put("extra", 2L);
            LMap built = builder.build();
            assertEquals(map.assoc(key(0), "first").assoc("extra", 2L), built);
            assertEquals(keysOf(map.assoc(key(0), "first").assoc("extra", 2L)), keysOf(built));
            assertEquals(n, map.count(), "the builder's start is unchanged");
        }
    }

    @Test
    void shouldMakeLiteralsAsSuccessiveAssocsWould() {
        for (int n = 0; n <= LARGEST; n++) {
            Object[] pairs = new Object[2 * n];
            for (int i = 0; i < n; i++) {
                pairs[2 * i] = key(i);
                pairs[2 * i + 1] = value(i);
            }
            LMap literal = LMap.ofDistinctPairs(pairs);
            assertEquals(assocs(n), literal);
            assertEquals(keysOf(assocs(n)), keysOf(literal));
            if (n > 0) {
                pairs[2 * n - 2] = "changed";
                assertEquals(assocs(n), literal, "the literal does not keep the array");
            }
        }
    }

    @Test
    void shouldTellMapsWithOneDifferingValueApart() {
        for (int n = 1; n <= LARGEST; n++) {
            for (int at = 0; at < n; at++) {
                assertNotEquals(assocs(n), assocs(n).assoc(key(at), "other"));
            }
        }
    }

    @Test
    void shouldKeepSortedMapsInTheirOrder() {
        Comparator<Object> order = Comparator.comparing(Object::toString);
        LMap sorted = LMap.sorted(order);
        for (int i = 0; i < LARGEST; i++) {
            sorted = sorted.assoc("k" + (LARGEST - i), (long) i);
        }
        assertTrue(sorted.isSorted());
        assertEquals("k1", keysOf(sorted).get(0));
        assertEquals(LARGEST - 1L, sorted.get("k1"));
        LMap less = sorted.dissoc("k1");
        assertTrue(less.isSorted());
        assertEquals(LARGEST - 1, less.count());
        assertEquals("k10", keysOf(less).get(0));
        assertTrue(less.emptyLike().isSorted());
        assertFalse(assocs(3).isSorted());
        assertSame(LMap.EMPTY, assocs(3).emptyLike());
    }
}
