package drogulus.logos.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashBulkTest {
    /** Entries as build makes them: the path order in the high half, the index below, the sign bit flipped. */
    private static long[] entries(int[] paths) {
        long[] order = new long[paths.length];
        for (int i = 0; i < paths.length; i++) {
            order[i] = ((Integer.toUnsignedLong(paths[i]) << 32) | i) ^ Long.MIN_VALUE;
        }
        return order;
    }

    @Test
    void shouldSortLargeRunsByPathThenIndexAsAComparisonSortDoes() {
        Random random = new Random(12);
        for (int n : new int[] {1, 100, 511, 512, 5000}) {
            int[] paths = new int[n];
            for (int i = 0; i < n; i++) {
                // Wide and narrow paths, both signs, and many repeats, so ties must keep index order.
                paths[i] = i % 3 == 0 ? random.nextInt() : random.nextInt(40) - 20;
            }
            long[] radix = entries(paths);
            long[] expected = radix.clone();
            Arrays.sort(expected);
            HashBulk.sortByPath(radix, n);
            assertArrayEquals(expected, radix, "n = " + n);
        }
    }

    @Test
    void shouldSortPathsThatShareEveryByteButOne() {
        int[] paths = new int[2000];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = 0x7f000000 | (paths.length - i) % 256;
        }
        long[] radix = entries(paths);
        long[] expected = radix.clone();
        Arrays.sort(expected);
        HashBulk.sortByPath(radix, radix.length);
        assertArrayEquals(expected, radix);
    }

    @Test
    void shouldBuildATrieOfManyKeysThatFindsEachOnce() {
        int n = 3000;
        Object[] keys = new Object[n + 10];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) i * 7;
        }
        for (int i = 0; i < 10; i++) {
            keys[n + i] = (long) i * 7;
        }
        LMap map = LMap.ofAll(keys, keys, keys.length);
        assertEquals(n, map.count());
        for (int i = 0; i < n; i++) {
            assertEquals(true, map.containsKey((long) i * 7));
        }
        assertEquals(false, map.containsKey(1L));
    }
}
