package drogulus.dht;

import java.util.HashMap;
import java.util.Map;

/**
 * The bytes a store holds, in all and per source address, as the storage quotas count them. Each {@link Store}
 * keeps one and tells it what it adds and removes; not thread-safe, the store's lock guards it.
 */
final class Usage {
    private final Map<String, Long> bySource = new HashMap<>();
    private long total;

    void add(StoredItem item) {
        change(item.source(), item.size());
    }

    void remove(StoredItem item) {
        change(item.source(), -item.size());
    }

    /** Counts {@code bytes} more (or fewer, when negative) from the source. */
    void change(String source, long bytes) {
        total += bytes;
        bySource.merge(source, bytes, Long::sum);
        bySource.remove(source, 0L);
    }

    long total() {
        return total;
    }

    long from(String source) {
        return bySource.getOrDefault(source, 0L);
    }
}
