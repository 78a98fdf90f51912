package drogulus.logos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Maps of keys built to share one Java hash code behave like java.util.HashMap and iterate by value alone. */
@Timeout(60)
class CollisionNodePropertyTest {
    private static final long[] SEEDS = {3L, 99L, 20_261_202L};

    /** A key outside the collision order, which the node searches one by one. */
    private record Opaque(int id) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Opaque key && key.id == id;
        }

        @Override
        public int hashCode() {
            return 7;
        }
    }

    /** The string of blocks "Aa" (bit clear) or "BB" (bit set): all strings of one block count collide. */
    static String colliding(int bits, int blocks) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < blocks; i++) {
            out.append((bits >> i & 1) == 0 ? "Aa" : "BB");
        }
        return out.toString();
    }

    private static Object randomKey(Random random) {
        String s = colliding(random.nextInt(256), 8);
        return switch (random.nextInt(7)) {
            case 0 -> Keyword.of(s);
            case 1 -> Symbol.of(s);
            case 2 -> LVector.of(s, colliding(random.nextInt(4), 2));
            case 3 -> LList.of(s);
            case 4 -> new Opaque(random.nextInt(20));
            case 5 -> LVector.of(LVector.of(s), random.nextInt(3) == 0 ? null : (long) random.nextInt(3));
            default -> s;
        };
    }

    @Test
    void shouldBehaveLikeAHashMapWhenKeysCollide() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            LMap map = LMap.EMPTY;
            Map<Object, Object> model = new HashMap<>();
            List<LMap> versions = new ArrayList<>();
            List<Map<Object, Object>> models = new ArrayList<>();
            for (int step = 0; step < 4_000; step++) {
                Object key = randomKey(random);
                int op = random.nextInt(100);
                if (op < 50) {
                    map = map.assoc(key, step);
                    model.put(key, step);
                } else if (op < 75) {
                    map = map.dissoc(key);
                    model.remove(key);
                } else if (op < 80) {
                    LMap.Builder builder = new LMap.Builder(map);
                    for (int i = random.nextInt(40); i > 0; i--) {
                        Object more = randomKey(random);
                        if (random.nextBoolean()) {
                            builder.put(more, "built" + step);
                            model.put(more, "built" + step);
                        } else {
                            map = builder.build().dissoc(more);
                            model.remove(more);
                            builder = new LMap.Builder(map);
                        }
                    }
                    map = builder.build();
                } else {
                    assertEquals(model.containsKey(key), map.containsKey(key), "seed " + seed + " step " + step);
                    assertEquals(model.getOrDefault(key, "absent"), map.get(key, "absent"));
                }
                assertEquals(model.size(), map.count(), "seed " + seed + " step " + step);
                if (step % 200 == 0) {
                    versions.add(map);
                    models.add(new HashMap<>(model));
                }
            }
            for (int i = 0; i < versions.size(); i++) {
                assertSameContent(models.get(i), versions.get(i));
            }
        }
    }

    private static void assertSameContent(Map<Object, Object> model, LMap map) {
        Map<Object, Object> seen = new HashMap<>();
        for (Map.Entry<Object, Object> entry : map) {
            assertTrue(!seen.containsKey(entry.getKey()), "each key once");
            seen.put(entry.getKey(), entry.getValue());
        }
        assertEquals(model, seen);
        for (Map.Entry<Object, Object> entry : model.entrySet()) {
            assertEquals(entry.getValue(), map.get(entry.getKey(), "absent"));
        }
    }

    @Test
    void shouldIterateCollidingKeysInAnOrderThatIgnoresInsertionOrder() {
        List<Object> keys = new ArrayList<>();
        for (int bits = 0; bits < 512; bits++) {
            String s = colliding(bits, 9);
            keys.add(s);
            keys.add(Keyword.of(s));
            keys.add(LVector.of(s));
        }
        LMap forward = LMap.EMPTY;
        for (Object key : keys) {
            forward = forward.assoc(key, 1L);
        }
        java.util.Collections.shuffle(keys, new Random(5));
        LMap.Builder shuffled = LMap.builder();
        for (Object key : keys) {
            shuffled.put(key, 1L);
        }
        LMap other = shuffled.build();
        assertEquals(forward, other);
        assertEquals(new ArrayList<>(forward.keys()), new ArrayList<>(other.keys()));
        assertEquals(forward.hashCode(), other.hashCode());
    }

    @Test
    @Timeout(30)
    void shouldTakeSixtyFiveThousandCollidingKeysWithoutAScan() {
        int n = 1 << 16;
        LMap map = LMap.EMPTY;
        for (int bits = 0; bits < n; bits++) {
            map = map.assoc(colliding(bits, 16), (long) bits);
        }
        LMap.Builder builder = LMap.builder();
        for (int bits = n - 1; bits >= 0; bits--) {
            builder.put(colliding(bits, 16), (long) bits);
        }
        LMap built = builder.build();
        assertEquals(n, map.count());
        assertEquals(map, built);
        for (int bits = 0; bits < n; bits += 97) {
            assertEquals((long) bits, map.get(colliding(bits, 16)));
            map = map.dissoc(colliding(bits, 16));
        }
        assertEquals(n - (n + 96) / 97, map.count());
    }
}
