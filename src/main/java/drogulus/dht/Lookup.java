package drogulus.dht;

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
 * FindValue ends at the first value that validates and cancels the requests still in flight.
 */
public final class Lookup<V> {
    /** Which of the two lookups this is. */
    public enum Kind { FIND_NODE, FIND_VALUE }

    /**
     * The outcome. {@code closest}: the K nearest contacts that answered, nearest first. {@code value} and
     * {@code source}: what was found and who had it (null for FindNode). {@code withoutValue}: contacts that
     * answered with nodes instead of the value, nearest first, where {@code get} caches the value. {@code hops}:
     * the longest referral chain to the contact that ended the lookup; {@code messages}: requests sent.
     */
    public record Result<V>(List<Contact> closest, V value, Contact source, List<Contact> withoutValue,
                            int hops, int messages) {
        public Result {
            closest = List.copyOf(closest);
            withoutValue = List.copyOf(withoutValue);
        }
    }

    /**
     * Limits: K, ALPHA and the whole lookup's timeout in milliseconds. Each request's own timeout belongs to the
     * transport, whose failure reaches the lookup as a failed future.
     */
    public record Params(int k, int alpha, long lookupTimeoutMillis) {
    }

    private enum State { FRESH, IN_FLIGHT, ANSWERED, FAILED }

    private static final class Candidate {
        final Contact contact;
        final int hop;
        State state = State.FRESH;
        CompletableFuture<?> pending;

        Candidate(Contact contact, int hop) {
            this.contact = contact;
            this.hop = hop;
        }
    }

    private final Kind kind;
    private final NodeId target;
    private final NodeId self;
    private final LookupRpc<V> rpc;
    private final Predicate<V> validator;
    private final Scheduler scheduler;
    private final Params params;
    private final CompletableFuture<Result<V>> result = new CompletableFuture<>();
    /** Every contact ever seen, by id: the contacted set, so a failed or answered peer never rejoins. */
    private final Map<NodeId, Candidate> seen = new HashMap<>();
    /** The candidates still in the running, by distance to the target. */
    private final TreeMap<NodeId, Candidate> shortlist;
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
                  Predicate<V> validator, Scheduler scheduler, Params params) {
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

    /**
     * Starts the lookup; the future completes once, with the result or a {@link DhtException}, never under the
     * lookup's lock.
     */
    public CompletableFuture<Result<V>> start() {
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
        Candidate c = new Candidate(contact, hop);
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
        List<Candidate> toQuery = new ArrayList<>();
        boolean allAnswered = true;
        int considered = 0;
        for (Candidate c : shortlist.values()) {
            if (considered == params.k()) {
                break;
            }
            considered++;
            if (c.state != State.ANSWERED) {
                allAnswered = false;
            }
            if (c.state == State.FRESH && inFlight + toQuery.size() < params.alpha()) {
                toQuery.add(c);
            }
        }
        if (allAnswered) {
            finish();
            return;
        }
        for (Candidate c : toQuery) {
            send(c);
            if (finished) {
                return;
            }
        }
    }

    private void send(Candidate c) {
        c.state = State.IN_FLIGHT;
        inFlight++;
        messages++;
        CompletableFuture<LookupReply<V>> f;
        try {
            f = rpc.query(c.contact);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        c.pending = f;
        CompletableFuture<?> unused = f.whenComplete((reply, error) -> onReply(c, reply, error));
    }

    private void onReply(Candidate c, LookupReply<V> reply, Throwable error) {
        synchronized (this) {
            onReplyLocked(c, reply, error);
        }
        settle();
    }

    private void onReplyLocked(Candidate c, LookupReply<V> reply, Throwable error) {
        if (c.state != State.IN_FLIGHT) {
            return;
        }
        inFlight--;
        if (finished) {
            return;
        }
        if (error != null || reply == null) {
            fail(c);
        } else if (reply instanceof LookupReply.Nodes<V> nodes) {
            c.state = State.ANSWERED;
            for (Contact found : nodes.contacts()) {
                offer(found, c.hop + 1);
            }
        } else if (reply instanceof LookupReply.Found<V> found) {
            if (kind == Kind.FIND_VALUE && validator.test(found.value())) {
                c.state = State.ANSWERED;
                succeed(found.value(), c);
                return;
            }
            fail(c);
        }
        step();
    }

    private void fail(Candidate c) {
        c.state = State.FAILED;
        shortlist.remove(c.contact.id());
    }

    private void finish() {
        if (kind == Kind.FIND_VALUE) {
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
        Result<V> r = new Result<>(closest, null, null, closest, hops, messages);
        complete(() -> result.complete(r));
    }

    private void succeed(V value, Candidate source) {
        List<Contact> closest = answered(params.k());
        List<Contact> without = new ArrayList<>(closest);
        without.remove(source.contact);
        Result<V> r = new Result<>(closest, value, source.contact, without, source.hop, messages);
        complete(() -> result.complete(r));
    }

    private List<Contact> answered(int limit) {
        List<Contact> out = new ArrayList<>();
        for (Candidate c : shortlist.values()) {
            if (out.size() == limit) {
                break;
            }
            if (c.state == State.ANSWERED) {
                out.add(c.contact);
            }
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
        List<Candidate> abandoned = new ArrayList<>();
        for (Candidate c : shortlist.values()) {
            if (c.state == State.IN_FLIGHT) {
                c.state = State.FAILED;
                abandoned.add(c);
            }
        }
        inFlight = 0;
        deferred = () -> {
            completion.run();
            for (Candidate c : abandoned) {
                if (c.pending != null) {
                    c.pending.cancel(false);
                }
            }
        };
    }

    private void onLookupTimeout() {
        synchronized (this) {
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
