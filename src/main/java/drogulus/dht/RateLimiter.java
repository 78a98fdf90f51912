package drogulus.dht;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts requests in one-second windows, per source address and in all, and refuses those over either limit
 * (OpenDHT's defaults are 1,024 per address and 8,192 in all). A flood from many addresses cannot grow the
 * table without bound: addresses whose window has passed are forgotten when it gets large.
 */
public final class RateLimiter {
    private static final long WINDOW_MILLIS = 1_000;
    private static final int FORGET_ABOVE = 65_536;

    private final int perAddress;
    private final int total;
    private final LongSupplier clock;
    private final Map<String, long[]> windows = new HashMap<>();
    private long totalWindow = Long.MIN_VALUE;
    private int totalCount;

    public RateLimiter(int perAddress, int total, LongSupplier clock) {
        this.perAddress = perAddress;
        this.total = total;
        this.clock = clock;
    }

    /** Counts one request from {@code address}; false when it is over a limit and should be dropped. */
    public synchronized boolean allow(String address) {
        long window = Math.floorDiv(clock.getAsLong(), WINDOW_MILLIS);
        if (window != totalWindow) {
            totalWindow = window;
            totalCount = 0;
            if (windows.size() > FORGET_ABOVE) {
                windows.values().removeIf(w -> w[0] != window);
            }
        }
        long[] w = windows.computeIfAbsent(address, a -> new long[] {window, 0});
        if (w[0] != window) {
            w[0] = window;
            w[1] = 0;
        }
        if (w[1] >= perAddress || totalCount >= total) {
            return false;
        }
        w[1]++;
        totalCount++;
        return true;
    }
}
