package drogulus.dht;

import drogulus.crypto.Item;

/**
 * An item as a node holds it: who stored it (the source address quotas count by), its encoded size, when it
 * was last published to its closest nodes, and when a cached copy lapses ({@code Long.MAX_VALUE} for items the
 * node is responsible for, which live until the item itself expires).
 */
public record StoredItem(Item item, String source, int size, long lastPublished, long cacheExpiresAt) {
    public NodeId key() {
        return NodeId.of(item.key());
    }

    public boolean isCached() {
        return cacheExpiresAt != Long.MAX_VALUE;
    }

    /** Whether the item or this copy of it has lapsed at {@code nowMillis}. */
    public boolean expired(long nowMillis) {
        return nowMillis >= cacheExpiresAt || (!item.neverExpires() && item.expires() * 1000 <= nowMillis);
    }

    StoredItem published(long nowMillis) {
        return new StoredItem(item, source, size, nowMillis, cacheExpiresAt);
    }
}
