package drogulus.dht;

import java.util.List;

/**
 * Where a node keeps the items it acknowledged and the contacts it knows. {@link MemoryStore} serves the
 * simulator; {@link SqliteStore} a real node, which must lose nothing it acknowledged when it restarts.
 */
public interface Store extends AutoCloseable {
    /** The item at the key, or null. */
    StoredItem get(NodeId key);

    /** Adds or replaces the item at its key; durable when this returns. */
    void put(StoredItem item);

    /** Removes the item at the key, if any. */
    void remove(NodeId key);

    /** Every item held. */
    List<StoredItem> items();

    /** Total encoded size of the items held. */
    long totalBytes();

    /** Total encoded size of the items stored by the source address. */
    long bytesFrom(String source);

    /** Replaces the saved contacts with these. */
    void saveContacts(List<Contact> contacts);

    /** The contacts saved last. */
    List<Contact> loadContacts();

    @Override
    void close();
}
