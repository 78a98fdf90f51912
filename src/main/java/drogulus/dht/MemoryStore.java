package drogulus.dht;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Items and contacts in memory, for simulated nodes and tests. */
public final class MemoryStore implements Store {
    private final Map<NodeId, StoredItem> items = new HashMap<>();
    private final Usage usage = new Usage();
    private List<Contact> contacts = List.of();

    @Override
    public synchronized StoredItem get(NodeId key) {
        return items.get(key);
    }

    @Override
    public synchronized void put(StoredItem item) {
        remove(item.key());
        items.put(item.key(), item);
        usage.add(item);
    }

    @Override
    public synchronized void remove(NodeId key) {
        StoredItem old = items.remove(key);
        if (old != null) {
            usage.remove(old);
        }
    }

    @Override
    public synchronized List<StoredItem> items() {
        return new ArrayList<>(items.values());
    }

    @Override
    public synchronized long totalBytes() {
        return usage.total();
    }

    @Override
    public synchronized long bytesFrom(String source) {
        return usage.from(source);
    }

    @Override
    public synchronized void saveContacts(List<Contact> saved) {
        contacts = List.copyOf(saved);
    }

    @Override
    public synchronized List<Contact> loadContacts() {
        return contacts;
    }

    @Override
    public void close() {
    }
}
