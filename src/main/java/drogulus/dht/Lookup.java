package drogulus.dht;

import drogulus.dht.LookupCandidate.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * all it finds by the end) and returns the newest, then cancels the requests still in flight. What the lookup knows
 * of the contacts it met, and whom that says to ask, is its {@link Shortlist}'s; this class drives the requests,
 * their timers and the result.
 */
public final class Lookup<V> {
    /** Which of the two lookups this is. */
    public enum Kind { FIND_NODE, FIND_VALUE }

    private final Kind kind;
    private final NodeId target;
    private final LookupRpc<V> rpc;
    private final Predicate<V> validator;
    private final Scheduler scheduler;
    private final LookupParams params;
    private final LookupGather<V> gather;
    private RefreshBounds fill;
    private final Shortlist shortlist;
    /** Values found so far, with who returned them, in the order they came. */
    private final List<Map.Entry<V, LookupCandidate>> found = new ArrayList<>();
    private final CompletableFuture<LookupResult<V>> result = new CompletableFuture<>();
    private final List<Contact> seeds;
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
        this.seeds = List.copyOf(seeds);
        this.rpc = rpc;
        this.validator = validator;
        this.scheduler = scheduler;
        this.params = params;
        this.shortlist = new Shortlist(target, self, params, gather.rankProven());
    }

    /** Bounds this lookup as a bucket refresh (see {@link RefreshBounds}); call before {@link #start}. */
    public Lookup<V> filling(RefreshBounds bounds) {
        this.fill = bounds;
        shortlist.bound(bounds);
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
                shortlist.offer(c, 1);
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
        if (!found.isEmpty() && shortlist.quorumReached(gather.quorum())) {
            // A nearer contact has answered, or stalled, since the last value came.
            succeed();
            return;
        }
        if (fill != null && fill.filled().getAsBoolean()) {
            finish();
            return;
        }
        Shortlist.Pick pick = shortlist.pick(inFlight);
        if (pick.again()) {
            stepAgain = true;
        }
        if (pick.done()) {
            finish();
            return;
        }
        for (LookupCandidate c : pick.toQuery()) {
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
            shortlist.fail(c);
            if (Peers.unwrap(error) instanceof Peers.AnsweredAs other) {
                shortlist.answeredAs(other.actual(), c.hop);
            }
        } else if (reply instanceof LookupReply.Nodes<V> nodes) {
            c.state = State.ANSWERED;
            c.proven = reply.proven();
            for (Contact found : nodes.contacts()) {
                shortlist.offer(found, c.hop + 1);
            }
        } else if (reply instanceof LookupReply.Found<V> value) {
            if (kind == Kind.FIND_VALUE && validator.test(value.value())) {
                c.state = State.ANSWERED;
                c.proven = reply.proven();
                c.holds = true;
                found.add(Map.entry(value.value(), c));
                // Contacts nearer the key than this holder that it knows of are asked before it counts toward the
                // quorum ({@link Shortlist#quorumReached}): they may hold a newer version.
                for (Contact near : value.contacts()) {
                    shortlist.offer(near, c.hop + 1);
                }
                if (shortlist.quorumReached(gather.quorum())) {
                    succeed();
                    return;
                }
            } else {
                shortlist.fail(c);
            }
        }
        step();
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
        List<Contact> closest = shortlist.answered(params.k());
        int hops = 0;
        for (Contact c : closest) {
            hops = Math.max(hops, shortlist.seen(c.id()).hop);
        }
        LookupResult<V> r = new LookupResult<>(closest, null, null, closest, hops, messages);
        complete(() -> result.complete(r));
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
        List<Contact> closest = shortlist.answered(params.k());
        List<Contact> without = new ArrayList<>(closest);
        without.removeAll(holders);
        LookupResult<V> r = new LookupResult<>(closest, value, best.getValue().contact, without, best.getValue().hop,
            messages, holders);
        complete(() -> result.complete(r));
    }

    private void complete(Runnable completion) {
        if (finished) {
            return;
        }
        finished = true;
        if (lookupTimer != null) {
            lookupTimer.cancel();
        }
        List<LookupCandidate> abandoned = shortlist.abandon();
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
