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
    /** {@link #findClosest}'s working sets, kept between calls (it runs for every lookup request answered). */
    private final Nearest scratchProven = new Nearest();
    private final Nearest scratchUnproven = new Nearest();

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
     * What {@link #offer} did, and the contact the node must ping to settle it: for CONFLICT the id's current
     * holder, for FULL the bucket's least recently seen member that failed a request or has been quiet; otherwise
     * null.
     */
    public record Offer(KBucket.Outcome outcome, Contact check) {
    }

    /**
     * How long a bucket member may stay silent before a newcomer makes us ping it. A member that failed one of our
     * requests is questioned sooner, as BitTorrent's DHT (BEP 5) questions nodes that failed to answer. Measured
     * in the simulator with 30% churn per round: BEP 5's 15 minutes here, instead of one, cut a run's messages by a
     * fifth but let dead members linger long enough to take p99 get latency over 3 s; one minute keeps it near 2 s.
     */
    static final long QUIET_MILLIS = 60_000;

    /** Records a contact that answered us, without proof of its id; see {@link #offer}. */
    public synchronized void addContact(Contact contact) {
        offer(contact, false);
    }

    /**
     * Records that the peer answered us (a contact enters the table no other way): it moves to the fresh end of
     * its bucket, joins a bucket with room, splits the bucket covering our own id, or waits in the replacement
     * cache of a full bucket. A known id does not move to another address here (CONFLICT): the node pings the
     * holder and calls {@link #replace} when it does not answer.
     */
    public synchronized Offer offer(Contact contact, boolean proven) {
        if (contact.id().equals(self)) {
            return new Offer(KBucket.Outcome.UPDATED, null);
        }
        long now = clock.getAsLong();
        while (true) {
            int index = indexOf(contact.id());
            KBucket bucket = buckets.get(index);
            KBucket.Outcome outcome = bucket.add(contact, proven, now);
            if (outcome == KBucket.Outcome.CONFLICT) {
                return new Offer(outcome, bucket.get(contact.id()));
            }
            if (outcome != KBucket.Outcome.FULL) {
                return new Offer(outcome, null);
            }
            boolean coversSelf = index == buckets.size() - 1;
            if (!coversSelf || index >= NodeId.BITS - 1) {
                bucket.addReplacement(contact);
                KBucket.Entry doubtful = bucket.questionable(now, QUIET_MILLIS);
                return new Offer(outcome, doubtful == null ? null : doubtful.contact);
            }
            KBucket deeper = new KBucket(k, now);
            bucket.splitInto(deeper, id -> self.commonPrefixLength(id) == index);
            buckets.add(deeper);
        }
    }

    /** Moves a known id to the newcomer's address, once its old address has stopped answering. */
    public synchronized void replace(Contact contact, boolean proven) {
        buckets.get(indexOf(contact.id())).replace(contact, proven, clock.getAsLong());
    }

    /** Whether the contact under this id proved that it holds it. */
    public synchronized boolean isProven(NodeId id) {
        KBucket.Entry e = buckets.get(indexOf(id)).entry(id);
        return e != null && e.proven;
    }

    /**
     * Whether a peer we have not heard answer, claiming an id at an endpoint, is worth a ping: it is new and its
     * bucket has room, can split or has a member that failed or has been quiet; or it claims a known id from
     * another address.
     */
    public synchronized boolean wants(Contact claimed) {
        NodeId id = claimed.id();
        if (id.equals(self)) {
            return false;
        }
        int index = indexOf(id);
        KBucket bucket = buckets.get(index);
        Contact known = bucket.get(id);
        if (known != null) {
            return !known.sameEndpoint(claimed);
        }
        if (!bucket.isFull() || index == buckets.size() - 1) {
            return true;
        }
        return bucket.questionable(clock.getAsLong(), QUIET_MILLIS) != null;
    }

    /**
     * The member to ping before a newcomer under {@code id} is worth a ping itself: in the full bucket the id falls
     * in, the least recently seen member that failed a request or has been quiet (the paper's rule: a newcomer
     * takes its place only if it does not answer). Null when the bucket has room, can split, or knows the id already.
     */
    public synchronized Contact holderToCheck(NodeId id) {
        int index = indexOf(id);
        KBucket bucket = buckets.get(index);
        if (!bucket.isFull() || index == buckets.size() - 1 || bucket.get(id) != null) {
            return null;
        }
        KBucket.Entry doubtful = bucket.questionable(clock.getAsLong(), QUIET_MILLIS);
        return doubtful == null ? null : doubtful.contact;
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
     * The {@code count} known contacts nearest to {@code target}, those that proved their ids first, each group
     * nearest first, looking across bucket borders, leaving out {@code exclude} (the peer asking, which has no use
     * for itself); it may be null. Contacts in the target's bucket and in deeper buckets all differ from the
     * target first at the bit where we do; each shallower bucket is farther than the one after it, so those are
     * taken in descending order.
     */
    public synchronized List<Contact> findClosest(NodeId target, int count, NodeId exclude) {
        int start = indexOf(target);
        List<Contact> out = new ArrayList<>(count);
        Nearest proven = scratchProven;
        Nearest unproven = scratchUnproven;
        // The target's own bucket first: below the last bucket, its contacts share more leading bits with the
        // target than any contact of a deeper bucket does. Then the deeper ones together, then the shallower.
        buckets.get(start).collectInto(exclude, proven, unproven);
        if (start < buckets.size() - 1) {
            proven.takeInto(target, count, out);
            if (out.size() < count) {
                for (int i = start + 1; i < buckets.size(); i++) {
                    buckets.get(i).collectInto(exclude, proven, unproven);
                }
            }
        }
        proven.takeInto(target, count, out);
        for (int i = start - 1; i >= 0 && out.size() < count; i--) {
            buckets.get(i).collectInto(exclude, proven, unproven);
            proven.takeInto(target, count, out);
        }
        if (out.size() < count) {
            // Every bucket was read on the way: the proven ones alone were too few.
            unproven.takeInto(target, count, out);
        }
        unproven.clear();
        return out;
    }

    /** How many known contacts are nearer to {@code key} than {@code than}, counting no further than limit. */
    public synchronized int countCloserThan(NodeId key, NodeId than, int limit) {
        int n = 0;
        for (int i = 0; i < buckets.size() && n < limit; i++) {
            n += buckets.get(i).countNearer(key, than, limit - n);
        }
        return n;
    }

    /** How many known contacts are nearer to {@code key} than we are, counting no further than {@code limit}. */
    public synchronized int countCloser(NodeId key, int limit) {
        // The key differs from us first at bit p. A contact of a shallower bucket differs from us, and so from the
        // key, at an earlier bit: farther. Every contact of bucket p (when it is not the last) agrees with the key
        // at bit p too: nearer. Only the deeper buckets must be compared one by one.
        int p = indexOf(key);
        int n = 0;
        int from = p;
        if (p < buckets.size() - 1) {
            n = buckets.get(p).size();
            from = p + 1;
        }
        for (int i = from; i < buckets.size() && n < limit; i++) {
            n += buckets.get(i).countNearer(key, self, limit - n);
        }
        return Math.min(n, limit);
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

    synchronized int bucketSize(int index) {
        return buckets.get(index).size();
    }

    synchronized List<Contact> bucketContacts(int index) {
        return buckets.get(index).contacts();
    }

    synchronized List<Contact> replacementsOf(int index) {
        return buckets.get(index).replacements();
    }
}
