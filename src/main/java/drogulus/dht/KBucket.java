package drogulus.dht;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Up to {@code capacity} contacts ordered by last contact, least recently seen first, with a replacement cache
 * of peers seen while the bucket was full. Not thread-safe: the {@link RoutingTable} guards it.
 */
final class KBucket {
    /** What {@link #add} did with a contact. */
    enum Outcome { ADDED, UPDATED, FULL }

    /** A contact and the bookkeeping the bucket keeps about it. */
    static final class Entry {
        Contact contact;
        long lastSeen;
        int failures;

        Entry(Contact contact, long lastSeen) {
            this.contact = contact;
            this.lastSeen = lastSeen;
        }
    }

    private final int capacity;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Contact> replacements = new ArrayList<>();
    private long lastAccessed;

    KBucket(int capacity, long now) {
        this.capacity = capacity;
        this.lastAccessed = now;
    }

    /** Adds or refreshes a contact, moving it to the most-recently-seen end; FULL leaves the bucket unchanged. */
    Outcome add(Contact contact, long now) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext();) {
            Entry e = it.next();
            if (e.contact.id().equals(contact.id())) {
                it.remove();
                e.contact = contact;
                e.lastSeen = now;
                e.failures = 0;
                entries.add(e);
                lastAccessed = now;
                return Outcome.UPDATED;
            }
        }
        if (entries.size() >= capacity) {
            return Outcome.FULL;
        }
        entries.add(new Entry(contact, now));
        lastAccessed = now;
        return Outcome.ADDED;
    }

    /** Remembers a peer to promote when a member fails; the most recent {@code capacity} are kept. */
    void addReplacement(Contact contact) {
        replacements.removeIf(c -> c.id().equals(contact.id()));
        replacements.add(contact);
        if (replacements.size() > capacity) {
            replacements.remove(0);
        }
    }

    /**
     * Counts one failed call to the contact; at {@code allowedFails} failures it is removed and the most recently
     * seen replacement takes its place. Returns whether the contact was removed.
     */
    boolean recordFailure(NodeId id, int allowedFails, long now) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext();) {
            Entry e = it.next();
            if (e.contact.id().equals(id)) {
                e.failures++;
                if (e.failures < allowedFails) {
                    return false;
                }
                it.remove();
                promoteReplacement(now);
                return true;
            }
        }
        replacements.removeIf(c -> c.id().equals(id));
        return false;
    }

    /** Removes the contact at once, as when a peer proves to be someone else; returns whether it was held. */
    boolean remove(NodeId id, long now) {
        replacements.removeIf(c -> c.id().equals(id));
        boolean removed = entries.removeIf(e -> e.contact.id().equals(id));
        if (removed) {
            promoteReplacement(now);
        }
        return removed;
    }

    private void promoteReplacement(long now) {
        if (!replacements.isEmpty() && entries.size() < capacity) {
            entries.add(new Entry(replacements.remove(replacements.size() - 1), now));
        }
    }

    Contact get(NodeId id) {
        for (Entry e : entries) {
            if (e.contact.id().equals(id)) {
                return e.contact;
            }
        }
        return null;
    }

    /** The contacts, least recently seen first. */
    List<Contact> contacts() {
        List<Contact> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.contact);
        }
        return out;
    }

    /** Adds the contacts to {@code out}, sparing the copy {@link #contacts()} makes. */
    void addContactsTo(List<Contact> out) {
        for (Entry e : entries) {
            out.add(e.contact);
        }
    }

    List<Entry> entries() {
        return entries;
    }

    List<Contact> replacements() {
        return List.copyOf(replacements);
    }

    /** Moves the entries and replacements that {@code keep} rejects into {@code other}, keeping their order. */
    void splitInto(KBucket other, Predicate<NodeId> keep) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext();) {
            Entry e = it.next();
            if (!keep.test(e.contact.id())) {
                it.remove();
                other.entries.add(e);
            }
        }
        for (Iterator<Contact> it = replacements.iterator(); it.hasNext();) {
            Contact c = it.next();
            if (!keep.test(c.id())) {
                it.remove();
                other.replacements.add(c);
            }
        }
        other.lastAccessed = lastAccessed;
    }

    int size() {
        return entries.size();
    }

    boolean isFull() {
        return entries.size() >= capacity;
    }

    long lastAccessed() {
        return lastAccessed;
    }

    void touch(long now) {
        lastAccessed = now;
    }
}
