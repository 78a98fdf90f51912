package drogulus.logos.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Times building and reading two-million-entry maps and vectors, beside java.util.HashMap for scale. Run by hand,
 * not by the build: {@code java -cp target/classes:target/test-classes drogulus.logos.data.CollectionsBench [rounds]}.
 * Prints the best time of each task over the rounds.
 */
final class CollectionsBench {
    private static final int SIZE = 2_000_000;

    private CollectionsBench() {
    }

    private record Task(String name, IntSupplier body) {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String[] keys = new String[SIZE];
        Long[] values = new Long[SIZE];
        for (int i = 0; i < SIZE; i++) {
            keys[i] = "key" + i;
            values[i] = (long) i;
        }
        LMap full = buildByAssoc(keys, values);
        LVector fullVector = buildByConj(keys);
        Task[] tasks = {
            new Task("java.util.HashMap put", () -> {
                Map<Object, Object> map = new HashMap<>();
                for (int i = 0; i < SIZE; i++) {
                    map.put(keys[i], values[i]);
                }
                return map.size();
            }),
            new Task("LMap assoc", () -> buildByAssoc(keys, values).count()),
            new Task("LMap.Builder put", () -> {
                LMap.Builder builder = LMap.builder();
                for (int i = 0; i < SIZE; i++) {
                    builder.put(keys[i], values[i]);
                }
                return builder.build().count();
            }),
            new Task("LMap get", () -> {
                int hits = 0;
                for (int i = 0; i < SIZE; i++) {
                    hits += full.get(keys[i]) == values[i] ? 1 : 0;
                }
                return hits;
            }),
            new Task("LMap dissoc all", () -> {
                LMap map = full;
                for (int i = 0; i < SIZE; i++) {
                    map = map.dissoc(keys[i]);
                }
                return SIZE - map.count();
            }),
            new Task("LVector conj", () -> buildByConj(keys).count()),
            new Task("LVector.Builder add", () -> {
                LVector.Builder builder = LVector.builder();
                for (int i = 0; i < SIZE; i++) {
                    builder.add(keys[i]);
                }
                return builder.build().count();
            }),
            new Task("LVector nth", () -> {
                int hits = 0;
                for (int i = 0; i < SIZE; i++) {
                    hits += fullVector.nth(i) == keys[i] ? 1 : 0;
                }
                return hits;
            }),
            new Task("LVector pop all", () -> {
                LVector vector = fullVector;
                for (int i = 0; i < SIZE; i++) {
                    vector = vector.pop();
                }
                return SIZE - vector.count();
            }),
        };
        long[] best = new long[tasks.length];
        Arrays.fill(best, Long.MAX_VALUE);
        for (int round = 0; round < rounds; round++) {
            for (int t = 0; t < tasks.length; t++) {
                System.gc();
                long start = System.nanoTime();
                int result = tasks[t].body().getAsInt();
                best[t] = Math.min(best[t], (System.nanoTime() - start) / 1_000_000);
                if (result != SIZE) {
                    throw new IllegalStateException(tasks[t].name() + " gave " + result);
                }
            }
        }
        for (int t = 0; t < tasks.length; t++) {
            System.out.printf("%-22s %6d ms for %d (best of %d)%n", tasks[t].name(), best[t], SIZE, rounds);
        }
        System.out.printf("retained by the map: about %d MB%n", retainedMb(keys, values));
    }

    private static LMap buildByAssoc(String[] keys, Long[] values) {
        LMap map = LMap.EMPTY;
        for (int i = 0; i < SIZE; i++) {
            map = map.assoc(keys[i], values[i]);
        }
        return map;
    }

    private static LVector buildByConj(String[] keys) {
        LVector vector = LVector.EMPTY;
        for (int i = 0; i < SIZE; i++) {
            vector = vector.conj(keys[i]);
        }
        return vector;
    }

    /** Heap held by a map's trie alone: keys and values already exist before it is built. */
    private static long retainedMb(String[] keys, Long[] values) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        LMap map = buildByAssoc(keys, values);
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        return map.count() == SIZE ? (after - before) >> 20 : -1;
    }
}
