package drogulus.dht;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The node's k-buckets. Bucket {@code i} below the last holds contacts whose ids share exactly {@code i}
 * leading bits with the node's own id; the last bucket holds every id sharing at least as many, so it is the
 * one covering the node's own id and the only one ever split. That is the paper's binary tree, flattened.
 * Methods are synchronized: handlers and lookup callbacks reach the table from transport threads.
 */
public final class RoutingTable {
    private final NodeId self;
    private final int k;
    private final int allowedFails;
    private final LongSupplier clock;
    private final List<KBucket> buckets = new ArrayList<>();

    /**
     * @param clock milliseconds, from the node's scheduler, so tests and the simulator control bucket ages
     */
    public RoutingTable(NodeId self, int k, int allowedFails, LongSupplier clock) {
        this.self = self;
        this.k = k;
        this.allowedFails = allowedFails;
        this.clock = clock;
        buckets.add(new KBucket(k, clock.getAsLong()));
    }

    public NodeId self() {
        return self;
    }

    private int indexOf(NodeId id) {
        return Math.min(self.commonPrefixLength(id), buckets.size() - 1);
    }

    /**
     * Records that the peer was heard from: it moves to the fresh end of its bucket, joins a bucket with room,
     * splits the bucket covering our own id, or waits in the replacement cache of a full bucket.
     */
    public synchronized void addContact(Contact contact) {
        if (contact.id().equals(self)) {
            return;
        }
        long now = clock.getAsLong();
        while (true) {
            int index = indexOf(contact.id());
            KBucket bucket = buckets.get(index);
            if (bucket.add(contact, now) != KBucket.Outcome.FULL) {
                return;
            }
            boolean coversSelf = index == buckets.size() - 1;
            if (!coversSelf || index >= NodeId.BITS - 1) {
                bucket.addReplacement(contact);
                return;
            }
            KBucket deeper = new KBucket(k, now);
            bucket.splitInto(deeper, id -> self.commonPrefixLength(id) == index);
            buckets.add(deeper);
        }
    }

    /** Counts a failed call; after ALLOWED_RPC_FAILS the contact is evicted and a replacement promoted. */
    public synchronized boolean recordFailure(NodeId id) {
        return buckets.get(indexOf(id)).recordFailure(id, allowedFails, clock.getAsLong());
    }

    /** Forgets the contact at once. */
    public synchronized boolean remove(NodeId id) {
        return buckets.get(indexOf(id)).remove(id, clock.getAsLong());
    }

    public synchronized Contact get(NodeId id) {
        return buckets.get(indexOf(id)).get(id);
    }

    /**
     * The {@code count} known contacts nearest to {@code target}, nearest first, looking across bucket borders,
     * leaving out {@code exclude} (the peer asking, which has no use for itself); it may be null.
     * Contacts in the target's bucket and in deeper buckets all differ from the target first at the bit where
     * we do; each shallower bucket is farther than the one after it, so those are taken in descending order.
     */
    public synchronized List<Contact> findClosest(NodeId target, int count, NodeId exclude) {
        int start = indexOf(target);
        List<Contact> near = new ArrayList<>();
        for (int i = start; i < buckets.size(); i++) {
            buckets.get(i).addContactsTo(near);
        }
        if (exclude != null) {
            near.removeIf(c -> c.id().equals(exclude));
        }
        List<Contact> out = new ArrayList<>(Contacts.sortContacts(near, target, count));
        for (int i = start - 1; i >= 0 && out.size() < count; i--) {
            List<Contact> farther = buckets.get(i).contacts();
            if (exclude != null) {
                farther.removeIf(c -> c.id().equals(exclude));
            }
            out.addAll(Contacts.sortContacts(farther, target, count - out.size()));
        }
        return out;
    }

    /** How many known contacts are nearer to {@code key} than we are, counting no further than {@code limit}. */
    public synchronized int countCloser(NodeId key, int limit) {
        int n = 0;
        for (KBucket b : buckets) {
            for (KBucket.Entry e : b.entries()) {
                if (key.compareDistance(e.contact.id(), self) < 0 && ++n >= limit) {
                    return n;
                }
            }
        }
        return n;
    }

    /** Marks the bucket covering {@code target} as used, as a lookup for it does. */
    public synchronized void touch(NodeId target) {
        buckets.get(indexOf(target)).touch(clock.getAsLong());
    }

    /** A random id in each bucket not used for {@code maxIdleMillis}; looking them up refreshes the buckets. */
    public synchronized List<NodeId> refreshTargets(long maxIdleMillis, Random random) {
        long now = clock.getAsLong();
        List<NodeId> targets = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            if (now - buckets.get(i).lastAccessed() >= maxIdleMillis) {
                targets.add(self.randomWithPrefix(i, i == buckets.size() - 1, random));
            }
        }
        return targets;
    }

    /** Every contact held, bucket by bucket. */
    public synchronized List<Contact> contacts() {
        List<Contact> out = new ArrayList<>();
        for (KBucket b : buckets) {
            out.addAll(b.contacts());
        }
        return out;
    }

    /** A contact with what the table knows of it: when it was last heard from (ms) and failures since. */
    public record Peer(Contact contact, long lastSeenMillis, int failures) {
    }

    /** Every contact held with its bookkeeping, bucket by bucket, for people to read. */
    public synchronized List<Peer> peers() {
        List<Peer> out = new ArrayList<>();
        for (KBucket b : buckets) {
            for (KBucket.Entry e : b.entries()) {
                out.add(new Peer(e.contact, e.lastSeen, e.failures));
            }
        }
        return out;
    }

    public synchronized int size() {
        int n = 0;
        for (KBucket b : buckets) {
            n += b.size();
        }
        return n;
    }

    synchronized int bucketCount() {
        return buckets.size();
    }

    synchronized List<Contact> bucketContacts(int index) {
        return buckets.get(index).contacts();
    }

    synchronized List<Contact> replacementsOf(int index) {
        return buckets.get(index).replacements();
    }
}
