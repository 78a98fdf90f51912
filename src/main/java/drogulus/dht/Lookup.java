package drogulus.dht;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
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

    /**
     * The outcome. {@code closest}: the K nearest contacts that answered, those that proved their ids first, each
     * group nearest first. {@code value} and {@code source}: the newest value found and who had it (null for
     * FindNode). {@code withoutValue}: contacts that answered with nodes or with an older value, nearest first,
     * where {@code get} writes the value back. {@code holders}: contacts that returned the newest value.
     * {@code hops}: the longest referral chain to the contact that ended the lookup; {@code messages}: requests
     * sent.
     */
    public record Result<V>(List<Contact> closest, V value, Contact source, List<Contact> withoutValue,
                            int hops, int messages, List<Contact> holders) {
        public Result {
            closest = List.copyOf(closest);
            withoutValue = List.copyOf(withoutValue);
            holders = List.copyOf(holders);
        }

        public Result(List<Contact> closest, V value, Contact source, List<Contact> withoutValue, int hops,
                      int messages) {
            this(closest, value, source, withoutValue, hops, messages, source == null ? List.of() : List.of(source));
        }
    }

    /**
     * For FindValue: how many holders to hear from before answering and which of two values is newer; the node's
     * round-trip estimate that sets the stall time (null: never stall); and whether up to K contacts that answered
     * without proving their ids are passed over (false: the paper's lookup, every answer counts).
     */
    public record Gather<V>(int quorum, Comparator<? super V> newer, Rtt rtt, boolean rankProven) {
        static <V> Gather<V> first() {
            return new Gather<>(1, Comparator.comparingInt(v -> 0), null, false);
        }
    }

    /**
     * Limits: K, ALPHA and the whole lookup's timeout in milliseconds. Each request's own timeout belongs to the
     * transport, whose failure reaches the lookup as a failed future.
     */
    public record Params(int k, int alpha, long lookupTimeoutMillis) {
    }

    /**
     * A bucket refresh's bounds: it wants contacts in one bucket's range, not the K nodes nearest a random id.
     * Every id in the range is nearer to a target inside it than any id outside, so the contacts in range lead the
     * shortlist; once one is known, the lookup asks only those (the rest of the network is someone else's bucket),
     * and it ends when {@code filled} holds (our bucket has K contacts) or when every contact in range it knows
     * has answered, failed or stalled: nobody is left who could bring it nearer. With none known in range yet,
     * it goes on as an ordinary lookup. A contact that {@code held} says our bucket already has is asked only when
     * nobody else in range is left to ask and nothing is in flight: its answer names others but cannot add to the
     * bucket, while each newcomer that answers takes a place in it.
     */
    public record Fill(Predicate<NodeId> inRange, BooleanSupplier filled, Predicate<NodeId> held) {
        /** A refresh that treats every contact alike. */
        public Fill(Predicate<NodeId> inRange, BooleanSupplier filled) {
            this(inRange, filled, id -> false);
        }
    }

    private enum State { FRESH, IN_FLIGHT, ANSWERED, FAILED }

    private static final class Candidate {
        final Contact contact;
        /** The contact's address and port, made once: each step of the lookup reads it for the K nearest. */
        final Endpoint endpoint;
        final int hop;
        State state = State.FRESH;
        boolean proven;
        boolean stalled;
        /** Answered with a valid value. */
        boolean holds;
        /** For a bucket refresh, whether the contact is in the bucket's range (asked at every step, so kept). */
        boolean inRange;
        /** Passed over because its address was asked under another id; asked after all if that id was a lie. */
        boolean sameEndpoint;
        /**
         * Whether another candidate of this lookup has the same address and port. Only then can the endpoint have
         * been asked while this candidate is still fresh, so only then does a step look it up among those asked.
         */
        boolean shared;
        long sentAt;
        CompletableFuture<?> pending;
        Scheduler.Cancellable stallTimer;

        Candidate(Contact contact, int hop) {
            this.contact = contact;
            this.endpoint = new Endpoint(contact);
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
    private final Gather<V> gather;
    private Fill fill;
    /** Values found so far, with who returned them, in the order they came. */
    private final List<Map.Entry<V, Candidate>> found = new ArrayList<>();
    private final CompletableFuture<Result<V>> result = new CompletableFuture<>();
    /** Every contact ever seen, by id: the contacted set, so a failed or answered peer never rejoins. */
    private final Map<NodeId, Candidate> seen = new HashMap<>();
    /** The candidates still in the running, by distance to the target. */
    private final TreeMap<NodeId, Candidate> shortlist;
    private final List<Contact> seeds;
    /** Every address:port asked so far: one node listens at each, so a second id there is a lie or stale. */
    private final Set<Endpoint> askedEndpoints = new HashSet<>();
    /** The first candidate offered at each address:port, to mark the candidates that share one. */
    private final Map<Endpoint, Candidate> byEndpoint = new HashMap<>();
    /** Addresses that answered under another id than the one asked: that id may still be asked there, once. */
    private final Map<Endpoint, NodeId> owners = new HashMap<>();
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
        this(kind, target, self, seeds, rpc, validator, scheduler, params, Gather.first());
    }

    /** A lookup that gathers values and stalls as {@code gather} says. */
    public Lookup(Kind kind, NodeId target, NodeId self, List<Contact> seeds, LookupRpc<V> rpc,
                  Predicate<V> validator, Scheduler scheduler, Params params, Gather<V> gather) {
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

    /** Bounds this lookup as a bucket refresh (see {@link Fill}); call before {@link #start}. */
    public Lookup<V> filling(Fill bounds) {
        this.fill = bounds;
        return this;
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
        c.inRange = fill != null && fill.inRange().test(contact.id());
        Candidate first = byEndpoint.putIfAbsent(c.endpoint, c);
        if (first != null) {
            first.shared = true;
            c.shared = true;
        }
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
        List<Candidate> toQuery = new ArrayList<>();
        List<Candidate> sameEndpoint = new ArrayList<>();
        boolean allAnswered = true;
        int considered = 0;
        int passedOver = 0;
        int stalled = 0;
        Candidate spare = null;
        for (Candidate c : shortlist.values()) {
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
            Endpoint endpoint = c.endpoint;
            boolean owner = !owners.isEmpty() && c.contact.id().equals(owners.get(endpoint));
            if (c.state == State.FRESH && c.shared && !owner && askedEndpoints.contains(endpoint)) {
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
            if (c.state == State.FRESH && inFlight + toQuery.size() < params.alpha()
                && (askedEndpoints.add(endpoint) || (owner && owners.remove(endpoint) != null))) {
                toQuery.add(c);
            }
        }
        for (Candidate c : sameEndpoint) {
            c.sameEndpoint = true;
            fail(c);
        }
        if (spare != null && toQuery.isEmpty() && inFlight == 0 && considered < params.k()) {
            // Nobody else in range to ask: a member of the bucket, for the names it knows.
            allAnswered = false;
            boolean owner = spare.contact.id().equals(owners.get(spare.endpoint));
            if (askedEndpoints.add(spare.endpoint) || (owner && owners.remove(spare.endpoint) != null)) {
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

    private void onReply(Candidate c, LookupReply<V> reply, Throwable error) {
        synchronized (this) {
            onReplyLocked(c, reply, error);
        }
        settle();
    }

    /** The request is slow: its slot goes to the next contact, and it stops counting among the K until it answers. */
    private void onStall(Candidate c) {
        synchronized (this) {
            if (c.state == State.IN_FLIGHT && !c.stalled && !finished) {
                c.stalled = true;
                inFlight--;
                step();
            }
        }
        settle();
    }

    private void onReplyLocked(Candidate c, LookupReply<V> reply, Throwable error) {
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
        Candidate known = seen.get(actual.id());
        if (known == null) {
            owners.put(new Endpoint(actual), actual.id());
            offer(actual, hop);
        } else if (known.sameEndpoint && known.contact.sameEndpoint(actual)) {
            owners.put(new Endpoint(actual), actual.id());
            known.sameEndpoint = false;
            known.state = State.FRESH;
            shortlist.put(actual.id(), known);
        }
    }

    private void fail(Candidate c) {
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
        Result<V> r = new Result<>(closest, null, null, closest, hops, messages);
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
            for (Candidate c : seen.values()) {
                if (c.state == State.ANSWERED && c.proven) {
                    provenOnly = true;
                    break;
                }
            }
        }
        int counted = 0;
        for (Candidate c : shortlist.values()) {
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
        Map.Entry<V, Candidate> best = found.get(0);
        for (Map.Entry<V, Candidate> e : found) {
            if (gather.newer().compare(e.getKey(), best.getKey()) > 0) {
                best = e;
            }
        }
        V value = best.getKey();
        List<Contact> holders = new ArrayList<>();
        for (Map.Entry<V, Candidate> e : found) {
            if (gather.newer().compare(e.getKey(), value) >= 0) {
                holders.add(e.getValue().contact);
            }
        }
        List<Contact> closest = answered(params.k());
        List<Contact> without = new ArrayList<>(closest);
        without.removeAll(holders);
        Result<V> r = new Result<>(closest, value, best.getValue().contact, without, best.getValue().hop, messages,
            holders);
        complete(() -> result.complete(r));
    }

    /** The nearest contacts that answered, up to limit: those that proved their ids first. */
    private List<Contact> answered(int limit) {
        List<Contact> out = new ArrayList<>();
        List<Contact> unproven = new ArrayList<>();
        for (Candidate c : shortlist.values()) {
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
        List<Candidate> abandoned = new ArrayList<>();
        for (Candidate c : shortlist.values()) {
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
            for (Candidate c : abandoned) {
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
