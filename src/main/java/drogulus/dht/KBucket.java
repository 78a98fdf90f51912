package drogulus.dht;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Up to {@code capacity} contacts ordered by last contact, least recently seen first, with a replacement cache
 * of peers seen while the bucket was full. Not thread-safe: the {@link RoutingTable} guards it.
 */
final class KBucket {
    /**
     * What {@link #add} did with a contact. CONFLICT: the id is held at another address, which must stop answering
     * before it moves; CROWDED: the bucket already holds {@link #MAX_PER_NETWORK} contacts from that network.
     */
    enum Outcome { ADDED, UPDATED, FULL, CONFLICT, CROWDED }

    /**
     * At most this many contacts of one /24 (IPv4) or /64 (IPv6) network per bucket, as libtorrent limits its
     * routing table, so one host or subnet cannot fill a bucket with ids of its choosing. Loopback is exempt.
     */
    static final int MAX_PER_NETWORK = 2;

    /** A contact and the bookkeeping the bucket keeps about it. */
    static final class Entry {
        Contact contact;
        long lastSeen;
        int failures;
        boolean proven;
        /** The contact's /24 or /64, worked out once; null for loopback and names. */
        String network;

        Entry(Contact contact, long lastSeen) {
            this(contact, lastSeen, Networks.of(contact.address()));
        }

        Entry(Contact contact, long lastSeen, String network) {
            this.contact = contact;
            this.lastSeen = lastSeen;
            this.network = network;
        }
    }

    private final int capacity;
    private final List<Entry> entries = new ArrayList<>();
    /*
     * Beside each entry, in the order of the entries: the hash of its id, the first 64 bits of its id, its
     * contact and whether it proved its id. Finding an id compares the hashes and reaches into an entry only on a
     * match; ranking members by distance to a key (every FindNode answered) compares the leading bits and copies
     * contacts without reading one of them. A simulation of thousands of nodes is bound by the trips to memory
     * that following entry, contact and id objects costs, three per member.
     */
    private int[] hashes;
    private long[] leads;
    private Contact[] members;
    private boolean[] provens;
    private final List<Contact> replacements = new ArrayList<>();
    private long lastAccessed;

    KBucket(int capacity, long now) {
        this.capacity = capacity;
        this.lastAccessed = now;
        int n = Math.max(1, capacity);
        this.hashes = new int[n];
        this.leads = new long[n];
        this.members = new Contact[n];
        this.provens = new boolean[n];
    }

    /**
     * Adds or refreshes a contact that answered us, moving it to the most-recently-seen end. A known id keeps its
     * address unless the newcomer proved the id and the holder never did; FULL, CONFLICT and CROWDED leave the
     * bucket unchanged.
     */
    Outcome add(Contact contact, boolean proven, long now) {
        int i = find(contact.id());
        if (i >= 0) {
            Entry e = entries.get(i);
            boolean moved = !e.contact.sameEndpoint(contact);
            if (moved && (e.proven || !proven)) {
                return Outcome.CONFLICT;
            }
            removeAt(i);
            if (moved) {
                e.network = Networks.of(contact.address());
            }
            if (moved || !e.contact.version().equals(contact.version())) {
                // An equal contact keeps the object held: tables and the answers that copy from them share it.
                e.contact = contact;
            }
            e.lastSeen = now;
            e.failures = 0;
            e.proven = proven || (e.proven && !moved);
            append(e);
            lastAccessed = now;
            return Outcome.UPDATED;
        }
        // Most offers refresh a known contact; the network is worked out only for a newcomer.
        String network = Networks.of(contact.address());
        int sameNetwork = 0;
        for (Entry e : entries) {
            if (network != null && network.equals(e.network)) {
                sameNetwork++;
            }
        }
        if (sameNetwork >= MAX_PER_NETWORK) {
            return Outcome.CROWDED;
        }
        if (entries.size() >= capacity) {
            return Outcome.FULL;
        }
        Entry fresh = new Entry(contact, now, network);
        fresh.proven = proven;
        append(fresh);
        lastAccessed = now;
        return Outcome.ADDED;
    }

    /** Replaces the contact held under the id (which stopped answering) with the same id at a new address. */
    void replace(Contact contact, boolean proven, long now) {
        int i = find(contact.id());
        if (i >= 0) {
            removeAt(i);
        }
        Entry fresh = new Entry(contact, now);
        fresh.proven = proven;
        append(fresh);
        lastAccessed = now;
    }

    /** The least recently seen member; null if empty. */
    Entry leastRecentlySeen() {
        return entries.isEmpty() ? null : entries.get(0);
    }

    /**
     * The member to ping when a newcomer finds the bucket full: the least recently seen of those whose last request
     * from us failed or who have been silent for {@code quietMillis}; null when every member is in good standing.
     */
    Entry questionable(long now, long quietMillis) {
        for (Entry e : entries) {
            if (e.failures > 0 || now - e.lastSeen >= quietMillis) {
                return e;
            }
        }
        return null;
    }

    Entry entry(NodeId id) {
        int i = find(id);
        return i < 0 ? null : entries.get(i);
    }

    /** Where the id sits in {@link #entries}, or -1. */
    private int find(NodeId id) {
        int h = id.hashCode();
        for (int i = 0; i < entries.size(); i++) {
            if (hashes[i] == h && entries.get(i).contact.id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds the entry at the fresh end. An entry's contact and proof change only while it is out of the list. */
    private void append(Entry e) {
        int n = entries.size();
        if (n == hashes.length) {
            hashes = Arrays.copyOf(hashes, 2 * n);
            leads = Arrays.copyOf(leads, 2 * n);
            members = Arrays.copyOf(members, 2 * n);
            provens = Arrays.copyOf(provens, 2 * n);
        }
        NodeId id = e.contact.id();
        hashes[n] = id.hashCode();
        leads[n] = id.lead();
        members[n] = e.contact;
        provens[n] = e.proven;
        entries.add(e);
    }

    private void removeAt(int i) {
        entries.remove(i);
        int after = entries.size() - i;
        System.arraycopy(hashes, i + 1, hashes, i, after);
        System.arraycopy(leads, i + 1, leads, i, after);
        System.arraycopy(members, i + 1, members, i, after);
        System.arraycopy(provens, i + 1, provens, i, after);
        members[entries.size()] = null;
    }

    /**
     * Adds every member but {@code exclude} (may be null) to {@code proven} or {@code unproven}, as it proved its id
     * or not, from the bucket's own arrays: no member's contact or id is read unless its leading bits equal
     * {@code exclude}'s.
     */
    void collectInto(NodeId exclude, Nearest proven, Nearest unproven) {
        long skip = exclude == null ? 0 : exclude.lead();
        for (int i = 0; i < entries.size(); i++) {
            if (exclude != null && leads[i] == skip && members[i].id().equals(exclude)) {
                continue;
            }
            (provens[i] ? proven : unproven).add(members[i], leads[i]);
        }
    }

    /**
     * How many members other than {@code than} are nearer to {@code key} than {@code than} is, counting no further
     * than {@code limit}. The leading bits decide nearly always; a member's id is read only when they tie.
     */
    int countNearer(NodeId key, NodeId than, int limit) {
        long k = key.lead();
        long t = than.lead();
        int n = 0;
        for (int i = 0; i < entries.size() && n < limit; i++) {
            long lead = leads[i];
            if (lead != t) {
                if (Long.compareUnsigned(lead ^ k, t ^ k) < 0) {
                    n++;
                }
            } else {
                NodeId id = members[i].id();
                if (!id.equals(than) && key.compareDistance(id, than) < 0) {
                    n++;
                }
            }
        }
        return n;
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
     * seen replacement takes its place; with a replacement waiting, two failures in a row are enough. Returns
     * whether the contact was removed.
     */
    boolean recordFailure(NodeId id, int allowedFails, long now) {
        int i = find(id);
        if (i >= 0) {
            Entry e = entries.get(i);
            e.failures++;
            if (e.failures < allowedFails && (replacements.isEmpty() || e.failures < 2)) {
                return false;
            }
            removeAt(i);
            promoteReplacement(now);
            return true;
        }
        replacements.removeIf(c -> c.id().equals(id));
        return false;
    }

    /** Removes the contact at once, as when a peer proves to be someone else; returns whether it was held. */
    boolean remove(NodeId id, long now) {
        replacements.removeIf(c -> c.id().equals(id));
        int i = find(id);
        if (i < 0) {
            return false;
        }
        removeAt(i);
        promoteReplacement(now);
        return true;
    }

    private void promoteReplacement(long now) {
        if (!replacements.isEmpty() && entries.size() < capacity) {
            // It answered us once (only contacts that answered are offered), so it may stand in unproven.
            append(new Entry(replacements.remove(replacements.size() - 1), now));
        }
    }

    Contact get(NodeId id) {
        int i = find(id);
        return i < 0 ? null : entries.get(i).contact;
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

    /** The members, least recently seen first; read-only (the bucket keeps an index of them). */
    List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    List<Contact> replacements() {
        return List.copyOf(replacements);
    }

    /** Moves the entries and replacements that {@code keep} rejects into {@code other}, keeping their order. */
    void splitInto(KBucket other, Predicate<NodeId> keep) {
        for (int i = 0; i < entries.size();) {
            Entry e = entries.get(i);
            if (keep.test(e.contact.id())) {
                i++;
            } else {
                removeAt(i);
                other.append(e);
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
