package drogulus.dht;

import drogulus.dht.LookupCandidate.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * One iterative Kademlia lookup (FindNode or FindValue), as DESIGN.md describes: a shortlist sorted by distance
 * to the target, at most ALPHA requests in flight to the nearest uncontacted contacts, failures leave the
 * shortlist, new contacts from answers join it, and it ends when the K nearest it knows have all answered.
 * Beyond the paper: a request unanswered after the node's measured stall time ({@link Rtt}) frees its slot for
 * the next contact and stops counting among the K (it still counts if it answers before the transport's
 * timeout); up to K contacts that answered without proving their ids are passed over, so ids crowded next to
 * the target without proof do not end the lookup; each address:port is asked once, under the first id offered
 * for it that comes up, so a liar cannot make us ask its one address again and again under ids made up next to
 * the target; and FindValue gathers values from {@code quorum} holders (or
 * all it finds by the end) and returns the newest, then cancels the requests still in flight.
 */
public final class Lookup<V> {
    /** Which of the two lookups this is. */
    public enum Kind { FIND_NODE, FIND_VALUE }

    private final Kind kind;
    private final NodeId target;
    private final NodeId self;
    private final LookupRpc<V> rpc;
    private final Predicate<V> validator;
    private final Scheduler scheduler;
    private final LookupParams params;
    private final LookupGather<V> gather;
    private RefreshBounds fill;
    /** Values found so far, with who returned them, in the order they came. */
    private final List<Map.Entry<V, LookupCandidate>> found = new ArrayList<>();
    private final CompletableFuture<LookupResult<V>> result = new CompletableFuture<>();
    /** Every contact ever seen, by id: the contacted set, so a failed or answered peer never rejoins. */
    private final Map<NodeId, LookupCandidate> seen = new HashMap<>();
    /** The candidates still in the running, by distance to the target. */
    private final TreeMap<NodeId, LookupCandidate> shortlist;
    private final List<Contact> seeds;
    private final AskedAddresses addresses = new AskedAddresses();
    private int inFlight;
    private int messages;
    private boolean stepping;
    private boolean stepAgain;
    private Scheduler.Cancellable lookupTimer;
    /** Set once the outcome is decided; the result itself is completed outside the lock, by {@link #settle}. */
    private boolean finished;
    private Runnable deferred;

    /**
     * @param self the node running the lookup, never put on its own shortlist; may be null
     * @param seeds where to start, usually the routing table's nearest contacts to the target
     * @param validator for FindValue, whether a value found is genuine; ignored for FindNode
     */
    public Lookup(Kind kind, NodeId target, NodeId self, List<Contact> seeds, LookupRpc<V> rpc,
                  Predicate<V> validator, Scheduler scheduler, LookupParams params) {
        this(kind, target, self, seeds, rpc, validator, scheduler, params, LookupGather.first());
    }

    /** A lookup that gathers values and stalls as {@code gather} says. */
    public Lookup(Kind kind, NodeId target, NodeId self, List<Contact> seeds, LookupRpc<V> rpc,
                  Predicate<V> validator, Scheduler scheduler, LookupParams params, LookupGather<V> gather) {
        this.gather = gather;

        this.kind = kind;
        this.target = target;
        this.self = self;
        this.seeds = List.copyOf(seeds);
        this.rpc = rpc;
        this.validator = validator;
        this.scheduler = scheduler;
        this.params = params;
        this.shortlist = new TreeMap<>(target.byDistance());
    }

    /** Bounds this lookup as a bucket refresh (see {@link RefreshBounds}); call before {@link #start}. */
    public Lookup<V> filling(RefreshBounds bounds) {
        this.fill = bounds;
        return this;
    }

    /**
     * Starts the lookup; the future completes once, with the result or a {@link DhtException}, never under the
     * lookup's lock.
     */
    public CompletableFuture<LookupResult<V>> start() {
        synchronized (this) {
            lookupTimer = scheduler.schedule(params.lookupTimeoutMillis(), this::onLookupTimeout);
            for (Contact c : seeds) {
                offer(c, 1);
            }
            step();
        }
        settle();
        return result;
    }

    /** Runs the completion decided under the lock, once the lock is released (a nested call leaves it). */
    private void settle() {
        if (Thread.holdsLock(this)) {
            return;
        }
        Runnable r;
        synchronized (this) {
            r = deferred;
            deferred = null;
        }
        if (r != null) {
            r.run();
        }
    }

    private void offer(Contact contact, int hop) {
        if (contact.id().equals(self) || seen.containsKey(contact.id())) {
            return;
        }
        LookupCandidate c = new LookupCandidate(contact, hop);
        c.inRange = fill != null && fill.inRange().test(contact.id());
        addresses.offered(c);
        seen.put(contact.id(), c);
        shortlist.put(contact.id(), c);
    }

    /** Sends requests or finishes; re-entrant calls (a future already complete) loop here instead of nesting. */
    private void step() {
        if (stepping) {
            stepAgain = true;
            return;
        }
        stepping = true;
        try {
            do {
                stepAgain = false;
                stepOnce();
            } while (stepAgain && !finished);
        } finally {
            stepping = false;
        }
    }

    private void stepOnce() {
        if (finished) {
            return;
        }
        if (!found.isEmpty() && quorumReached()) {
            // A nearer contact has answered, or stalled, since the last value came.
            succeed();
            return;
        }
        if (fill != null && fill.filled().getAsBoolean()) {
            finish();
            return;
        }
        boolean rangeOnly = fill != null && !shortlist.isEmpty()
            && fill.inRange().test(shortlist.firstKey());
        List<LookupCandidate> toQuery = new ArrayList<>();
        List<LookupCandidate> sameEndpoint = new ArrayList<>();
        boolean allAnswered = true;
        int considered = 0;
        int passedOver = 0;
        int stalled = 0;
        LookupCandidate spare = null;
        for (LookupCandidate c : shortlist.values()) {
            if (considered == params.k() || (rangeOnly && !c.inRange)) {
                break;
            }
            if (c.state == State.IN_FLIGHT && c.stalled) {
                stalled++;
                continue;
            }
            if (c.state == State.ANSWERED && !c.proven && gather.rankProven() && passedOver < params.k()) {
                passedOver++;
                continue;
            }
            if (c.state == State.FRESH && addresses.askedUnderAnotherId(c)) {
                sameEndpoint.add(c);
                continue;
            }
            if (rangeOnly && c.state == State.FRESH && fill.held().test(c.contact.id())) {
                if (spare == null) {
                    spare = c;
                }
                continue;
            }
            considered++;
            if (c.state != State.ANSWERED) {
                allAnswered = false;
            }
            if (c.state == State.FRESH && inFlight + toQuery.size() < params.alpha() && addresses.claim(c)) {
                toQuery.add(c);
            }
        }
        for (LookupCandidate c : sameEndpoint) {
            c.sameEndpoint = true;
            fail(c);
        }
        if (spare != null && toQuery.isEmpty() && inFlight == 0 && considered < params.k()) {
            // Nobody else in range to ask: a member of the bucket, for the names it knows.
            allAnswered = false;
            if (addresses.claim(spare)) {
                toQuery.add(spare);
            } else {
                spare.sameEndpoint = true;
                fail(spare);
                stepAgain = true;
            }
        }
        if (allAnswered && (considered == params.k() || stalled == 0 || (rangeOnly && considered > 0))) {
            finish();
            return;
        }
        for (LookupCandidate c : toQuery) {
            send(c);
            if (finished) {
                return;
            }
        }
    }

    private void send(LookupCandidate c) {
        c.state = State.IN_FLIGHT;
        inFlight++;
        messages++;
        c.sentAt = scheduler.now();
        if (gather.rtt() != null) {
            c.stallTimer = scheduler.schedule(gather.rtt().stallMillis(), () -> onStall(c));
        }
        CompletableFuture<LookupReply<V>> f;
        try {
            f = rpc.query(c.contact);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        c.pending = f;
        CompletableFuture<?> unused = f.whenComplete((reply, error) -> onReply(c, reply, error));
    }

    private void onReply(LookupCandidate c, LookupReply<V> reply, Throwable error) {
        synchronized (this) {
            onReplyLocked(c, reply, error);
        }
        settle();
    }

    /** The request is slow: its slot goes to the next contact, and it stops counting among the K until it answers. */
    private void onStall(LookupCandidate c) {
        synchronized (this) {
            if (c.state == State.IN_FLIGHT && !c.stalled && !finished) {
                c.stalled = true;
                inFlight--;
                step();
            }
        }
        settle();
    }

    private void onReplyLocked(LookupCandidate c, LookupReply<V> reply, Throwable error) {
        if (c.state != State.IN_FLIGHT) {
            return;
        }
        if (!c.stalled) {
            inFlight--;
        }
        if (c.stallTimer != null) {
            c.stallTimer.cancel();
        }
        if (finished) {
            return;
        }
        if (error == null && reply != null && gather.rtt() != null) {
            gather.rtt().sample(scheduler.now() - c.sentAt);
        }
        if (error != null || reply == null) {
            fail(c);
            if (Peers.unwrap(error) instanceof Peers.AnsweredAs other) {
                answeredAs(other.actual(), c.hop);
            }
        } else if (reply instanceof LookupReply.Nodes<V> nodes) {
            c.state = State.ANSWERED;
            c.proven = reply.proven();
            for (Contact found : nodes.contacts()) {
                offer(found, c.hop + 1);
            }
        } else if (reply instanceof LookupReply.Found<V> value) {
            if (kind == Kind.FIND_VALUE && validator.test(value.value())) {
                c.state = State.ANSWERED;
                c.proven = reply.proven();
                c.holds = true;
                found.add(Map.entry(value.value(), c));
                // Contacts nearer the key than this holder that it knows of are asked before it counts toward the
                // quorum ({@link #quorumReached}): they may hold a newer version.
                for (Contact near : value.contacts()) {
                    offer(near, c.hop + 1);
                }
                if (quorumReached()) {
                    succeed();
                    return;
                }
            } else {
                fail(c);
            }
        }
        step();
    }

    /**
     * The address we asked under one id answered under {@code actual}: that node may be asked under its own id
     * (the id we had for the address was a lie, or stale), once.
     */
    private void answeredAs(Contact actual, int hop) {
        LookupCandidate known = seen.get(actual.id());
        if (known == null) {
            addresses.answeredAs(actual);
            offer(actual, hop);
        } else if (known.sameEndpoint && known.contact.sameEndpoint(actual)) {
            addresses.answeredAs(actual);
            known.sameEndpoint = false;
            known.state = State.FRESH;
            shortlist.put(actual.id(), known);
        }
    }

    private void fail(LookupCandidate c) {
        c.state = State.FAILED;
        shortlist.remove(c.contact.id());
    }

    private void finish() {
        if (kind == Kind.FIND_VALUE) {
            if (!found.isEmpty()) {
                succeed();
                return;
            }
            complete(() -> result.completeExceptionally(new DhtException.NotFound(
                "No node holds a value for key " + target.hex().substring(0, 16) + "… (asked " + messages
                + " nodes)")));
            return;
        }
        List<Contact> closest = answered(params.k());
        int hops = 0;
        for (Contact c : closest) {
            hops = Math.max(hops, seen.get(c.id()).hop);
        }
        LookupResult<V> r = new LookupResult<>(closest, null, null, closest, hops, messages);
        complete(() -> result.complete(r));
    }

    /**
     * Whether enough holders answered: {@code quorum} of them, counting only holders that no contact nearer the
     * target is still to answer (a stalled request aside), so that copies met on the way in (cached ones, which
     * no update reaches) cannot make the quorum while the nodes responsible for the key are yet to be heard. With
     * ranking, only holders that proved their ids count, unless no answer so far proved anything (a network of
     * nodes that do not prove ids works as before).
     */
    private boolean quorumReached() {
        boolean provenOnly = false;
        if (gather.rankProven()) {
            for (LookupCandidate c : seen.values()) {
                if (c.state == State.ANSWERED && c.proven) {
                    provenOnly = true;
                    break;
                }
            }
        }
        int counted = 0;
        for (LookupCandidate c : shortlist.values()) {
            if (c.state == State.FRESH || (c.state == State.IN_FLIGHT && !c.stalled)) {
                return false;
            }
            if (c.holds && (c.proven || !provenOnly) && ++counted >= gather.quorum()) {
                return true;
            }
        }
        return false;
    }

    /** Answers with the newest value found; the first to arrive wins a tie. */
    private void succeed() {
        Map.Entry<V, LookupCandidate> best = found.get(0);
        for (Map.Entry<V, LookupCandidate> e : found) {
            if (gather.newer().compare(e.getKey(), best.getKey()) > 0) {
                best = e;
            }
        }
        V value = best.getKey();
        List<Contact> holders = new ArrayList<>();
        for (Map.Entry<V, LookupCandidate> e : found) {
            if (gather.newer().compare(e.getKey(), value) >= 0) {
                holders.add(e.getValue().contact);
            }
        }
        List<Contact> closest = answered(params.k());
        List<Contact> without = new ArrayList<>(closest);
        without.removeAll(holders);
        LookupResult<V> r = new LookupResult<>(closest, value, best.getValue().contact, without, best.getValue().hop,
            messages, holders);
        complete(() -> result.complete(r));
    }

    /** The nearest contacts that answered, up to limit: those that proved their ids first. */
    private List<Contact> answered(int limit) {
        List<Contact> out = new ArrayList<>();
        List<Contact> unproven = new ArrayList<>();
        for (LookupCandidate c : shortlist.values()) {
            if (out.size() == limit) {
                break;
            }
            if (c.state == State.ANSWERED) {
                (c.proven ? out : unproven).add(c.contact);
            }
        }
        for (int i = 0; i < unproven.size() && out.size() < limit; i++) {
            out.add(unproven.get(i));
        }
        return out;
    }

    private void complete(Runnable completion) {
        if (finished) {
            return;
        }
        finished = true;
        if (lookupTimer != null) {
            lookupTimer.cancel();
        }
        List<LookupCandidate> abandoned = new ArrayList<>();
        for (LookupCandidate c : shortlist.values()) {
            if (c.state == State.IN_FLIGHT) {
                c.state = State.FAILED;
                abandoned.add(c);
                if (c.stallTimer != null) {
                    c.stallTimer.cancel();
                }
            }
        }
        inFlight = 0;
        deferred = () -> {
            completion.run();
            for (LookupCandidate c : abandoned) {
                if (c.pending != null) {
                    c.pending.cancel(false);
                }
            }
        };
    }

    private void onLookupTimeout() {
        synchronized (this) {
            if (!found.isEmpty()) {
                succeed();
            }
            complete(() -> result.completeExceptionally(new DhtException.Timeout(
                "The lookup for " + target.hex().substring(0, 16) + "… took longer than "
                + (params.lookupTimeoutMillis() < 10_000 ? params.lookupTimeoutMillis() + " ms"
                : params.lookupTimeoutMillis() / 1000 + " s"))));
        }
        settle();
    }

    /** Requests sent so far. */
    public synchronized int messages() {
        return messages;
    }
}
