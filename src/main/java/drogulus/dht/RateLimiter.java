package drogulus.dht;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts requests in one-second windows, per source address and in all, and refuses those over either limit
 * (OpenDHT's defaults are 1,024 per address and 8,192 in all). Counts from a past window are worthless, so
 * each new window starts with an empty table: it never holds more addresses than one second brought.
 */
public final class RateLimiter {
    private static final long WINDOW_MILLIS = 1_000;
    /** A window's table holding more addresses than this is dropped rather than emptied, so a flood's size goes. */
    private static final int SMALL_WINDOW = 64;

    private final int perAddress;
    private final int total;
    private final LongSupplier clock;
    private Map<String, int[]> windows = new HashMap<>();
    private long totalWindow = Long.MIN_VALUE;
    private int totalCount;

    public RateLimiter(int perAddress, int total, LongSupplier clock) {
        this.perAddress = perAddress;
        this.total = total;
        this.clock = clock;
    }

    /**
     * Counts one request from {@code address}; false when it is over a limit and should be dropped. A limit of
     * 0 is no limit (for benchmarks).
     */
    public synchronized boolean allow(String address) {
        long window = Math.floorDiv(clock.getAsLong(), WINDOW_MILLIS);
        if (window != totalWindow) {
            totalWindow = window;
            totalCount = 0;
            if (windows.size() > SMALL_WINDOW) {
                windows = new HashMap<>();
            } else {
                // The usual case: a few peers asked. Emptying the table costs less than making a new one.
                windows.clear();
            }
        }
        int[] count = windows.computeIfAbsent(address, a -> new int[1]);
        if ((perAddress > 0 && count[0] >= perAddress) || (total > 0 && totalCount >= total)) {
            return false;
        }
        count[0]++;
        totalCount++;
        return true;
    }
}
