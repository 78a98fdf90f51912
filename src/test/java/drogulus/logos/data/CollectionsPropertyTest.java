package drogulus.logos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Random operations on the persistent collections, checked against java.util models, old versions included. */
@Timeout(60)
class CollectionsPropertyTest {
    private static final long[] SEEDS = {1L, 42L, 20_261_125L, -7L};

    /** A key whose hash takes one of three values, so many keys collide outright and others share prefixes. */
    private static final class FewHashes {
        private final int id;

        FewHashes(int id) {
            this.id = id;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FewHashes key && key.id == id;
        }

        @Override
        public int hashCode() {
            return id % 3;
        }
    }

    /** A key whose hash is the same for every instance. */
    private static final class SameHash {
        private final int id;

        SameHash(int id) {
            this.id = id;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SameHash key && key.id == id;
        }

        @Override
        public int hashCode() {
            return -1;
        }
    }

    private record VectorVersion(LVector vector, List<Object> model) {
    }

    private record MapVersion(LMap map, Map<Object, Object> model) {
    }

    @Test
    void shouldBehaveLikeAnArrayListUnderRandomOperations() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            LVector vector = LVector.EMPTY;
            List<Object> model = new ArrayList<>();
            List<VectorVersion> versions = new ArrayList<>();
            for (int step = 0; step < 20_000; step++) {
                int op = random.nextInt(100);
                if (op < 45) {
                    long item = random.nextLong();
                    vector = vector.conj(item);
                    model.add(item);
                } else if (op < 60 && !model.isEmpty()) {
                    int index = random.nextInt(model.size());
                    vector = vector.assocN(index, "set" + step);
                    model.set(index, "set" + step);
                } else if (op < 80 && !model.isEmpty()) {
                    int pops = 1 + random.nextInt(Math.min(model.size(), 70));
                    for (int i = 0; i < pops; i++) {
                        vector = vector.pop();
                        model.remove(model.size() - 1);
                    }
                } else if (op < 90) {
                    LVector.Builder builder = new LVector.Builder(vector);
                    int adds = random.nextInt(100);
                    for (int i = 0; i < adds; i++) {
                        builder.add(step * 1000L + i);
                        model.add(step * 1000L + i);
                    }
                    vector = builder.build();
                } else if (!model.isEmpty()) {
                    int index = random.nextInt(model.size());
                    assertEquals(model.get(index), vector.nth(index), "seed " + seed + " step " + step);
                }
                assertEquals(model.size(), vector.count());
                if (step % 200 == 0) {
                    assertEquals(model, toList(vector), "seed " + seed + " step " + step);
                    versions.add(new VectorVersion(vector, new ArrayList<>(model)));
                }
            }
            for (VectorVersion version : versions) {
                assertEquals(version.model(), toList(version.vector()), "seed " + seed);
                assertEquals(version.model().size(), version.vector().toArray().length);
                assertEquals(LVector.from(version.model()), version.vector());
                assertEquals(LVector.from(version.model()).hashCode(), version.vector().hashCode());
            }
        }
    }

    private static List<Object> toList(LVector vector) {
        List<Object> out = new ArrayList<>();
        for (Object item : vector) {
            out.add(item);
        }
        return out;
    }

    private static Object randomKey(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> new FewHashes(random.nextInt(40));
            case 1 -> new SameHash(random.nextInt(12));
            case 2 -> random.nextInt(20) == 0 ? null : (long) random.nextInt(300);
            case 3 -> Keyword.of("k" + random.nextInt(30));
            case 4 -> (double) random.nextInt(50);
            default -> "s" + random.nextInt(400);
        };
    }

    @Test
    void shouldBehaveLikeALinkedHashMapUnderRandomOperations() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            LMap map = LMap.EMPTY;
            Map<Object, Object> model = new LinkedHashMap<>();
            boolean stayedSmall = true;
            List<MapVersion> versions = new ArrayList<>();
            for (int step = 0; step < 30_000; step++) {
                int op = random.nextInt(100);
                // Phases of growth and shrinkage so the map crosses the flat/trie boundary both ways.
                boolean growing = (step / 3000) % 2 == 0;
                Object key = randomKey(random);
                if (op < (growing ? 55 : 25)) {
                    map = map.assoc(key, step);
                    model.put(key, step);
                } else if (op < 80) {
                    map = map.dissoc(key);
                    model.remove(key);
                } else if (op < 85) {
                    LMap.Builder builder = new LMap.Builder(map);
                    for (int i = random.nextInt(30); i > 0; i--) {
                        Object more = randomKey(random);
                        builder.put(more, "built" + step);
                        model.put(more, "built" + step);
                    }
                    map = builder.build();
                } else {
                    assertEquals(model.containsKey(key), map.containsKey(key));
                    assertEquals(model.getOrDefault(key, "absent"), map.get(key, "absent"));
                }
                assertEquals(model.size(), map.count(), "seed " + seed + " step " + step);
                stayedSmall = model.isEmpty() || (stayedSmall && model.size() <= LMap.FLAT_LIMIT);
                if (stayedSmall) {
                    assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(map.keys()), "insertion order");
                }
                if (step % 300 == 0) {
                    assertSameContent(model, map);
                    versions.add(new MapVersion(map, new LinkedHashMap<>(model)));
                }
            }
            for (MapVersion version : versions) {
                assertSameContent(version.model(), version.map());
                LMap rebuilt = LMap.EMPTY;
                List<Map.Entry<Object, Object>> entries = new ArrayList<>(version.model().entrySet());
                java.util.Collections.shuffle(entries, random);
                for (Map.Entry<Object, Object> entry : entries) {
                    rebuilt = rebuilt.assoc(entry.getKey(), entry.getValue());
                }
                assertEquals(rebuilt, version.map());
                assertEquals(version.map(), rebuilt);
                assertEquals(rebuilt.hashCode(), version.map().hashCode());
            }
        }
    }

    private static void assertSameContent(Map<Object, Object> model, LMap map) {
        assertEquals(model.size(), map.count());
        Map<Object, Object> seen = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : map) {
            assertTrue(seen.put(entry.getKey(), entry.getValue()) == null || entry.getKey() == null,
                    "each key once");
        }
        assertEquals(model, seen);
        assertEquals(new ArrayList<>(seen.keySet()), new ArrayList<>(map.keys()));
        assertEquals(new ArrayList<>(seen.values()), new ArrayList<>(map.vals()));
        for (Map.Entry<Object, Object> entry : model.entrySet()) {
            assertEquals(entry.getValue(), map.get(entry.getKey(), "absent"));
        }
    }
}
