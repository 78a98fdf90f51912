package drogulus.dht;

import drogulus.dht.LookupCandidate.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one lookup knows of the contacts it met, apart from the requests, timers and futures that drive it
 * ({@link Lookup}): every contact seen (so a failed or answered peer never rejoins), the candidates still in the
 * running by distance to the target, the addresses asked, and what their states say: whom to ask next, whether
 * the K nearest have all answered, whether enough holders answered, and the nearest contacts that answered.
 */
final class Shortlist {
    /** What a step is to do: ask these (empty or not), or end the lookup; {@code again} asks for another step. */
    record Pick(List<LookupCandidate> toQuery, boolean done, boolean again) {
    }

    private final NodeId self;
    private final LookupParams params;
    private final boolean rankProven;
    private RefreshBounds fill;
    /** Every contact ever seen, by id: the contacted set. */
    private final Map<NodeId, LookupCandidate> seen = new HashMap<>();
    /** The candidates still in the running, by distance to the target. */
    private final TreeMap<NodeId, LookupCandidate> byDistance;
    private final AskedAddresses addresses = new AskedAddresses();

    /**
     * @param self the node running the lookup, never put on the shortlist; may be null
     * @param rankProven whether up to K contacts that answered without proving their ids are passed over
     */
    Shortlist(NodeId target, NodeId self, LookupParams params, boolean rankProven) {
        this.self = self;
        this.params = params;
        this.rankProven = rankProven;
        this.byDistance = new TreeMap<>(target.byDistance());
    }

    /** Bounds the lookup as a bucket refresh (see {@link RefreshBounds}); before any contact is offered. */
    void bound(RefreshBounds bounds) {
        this.fill = bounds;
    }

    /** A contact met at the hop given; ignored when it is us or was seen before. */
    void offer(Contact contact, int hop) {
        if (contact.id().equals(self) || seen.containsKey(contact.id())) {
            return;
        }
        LookupCandidate c = new LookupCandidate(contact, hop);
        c.inRange = fill != null && fill.inRange().test(contact.id());
        addresses.offered(c);
        seen.put(contact.id(), c);
        byDistance.put(contact.id(), c);
    }

    /** The candidate leaves the running for good. */
    void fail(LookupCandidate c) {
        c.state = State.FAILED;
        byDistance.remove(c.contact.id());
    }

    /** The candidate seen with this id (it need not be in the running any more). */
    LookupCandidate seen(NodeId id) {
        return seen.get(id);
    }

    /**
     * Whom to ask next, with {@code inFlight} requests counting against ALPHA, or whether the lookup is done: the
     * K nearest in the running (a bucket refresh: those in range, once one is known) have all answered, and none
     * is stalled unless K of them answered. Candidates whose address was asked under another id leave the running.
     */
    Pick pick(int inFlight) {
        boolean rangeOnly = fill != null && !byDistance.isEmpty() && fill.inRange().test(byDistance.firstKey());
        List<LookupCandidate> toQuery = new ArrayList<>();
        List<LookupCandidate> sameEndpoint = new ArrayList<>();
        boolean allAnswered = true;
        boolean again = false;
        int considered = 0;
        int passedOver = 0;
        int stalled = 0;
        LookupCandidate spare = null;
        for (LookupCandidate c : byDistance.values()) {
            if (considered == params.k() || (rangeOnly && !c.inRange)) {
                break;
            }
            if (c.state == State.IN_FLIGHT && c.stalled) {
                stalled++;
                continue;
            }
            if (c.state == State.ANSWERED && !c.proven && rankProven && passedOver < params.k()) {
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
                again = true;
            }
        }
        boolean done = allAnswered && (considered == params.k() || stalled == 0 || (rangeOnly && considered > 0));
        return new Pick(toQuery, done, again);
    }

    /**
     * The address we asked under one id answered under {@code actual}: that node may be asked under its own id
     * (the id we had for the address was a lie, or stale), once.
     */
    void answeredAs(Contact actual, int hop) {
        LookupCandidate known = seen.get(actual.id());
        if (known == null) {
            addresses.answeredAs(actual);
            offer(actual, hop);
        } else if (known.sameEndpoint && known.contact.sameEndpoint(actual)) {
            addresses.answeredAs(actual);
            known.sameEndpoint = false;
            known.state = State.FRESH;
            byDistance.put(actual.id(), known);
        }
    }

    /**
     * Whether {@code quorum} holders answered, counting only holders that no contact nearer the target is still
     * to answer (a stalled request aside), so that copies met on the way in (cached ones, which no update
     * reaches) cannot make the quorum while the nodes responsible for the key are yet to be heard. With ranking,
     * only holders that proved their ids count, unless no answer so far proved anything (a network of nodes that
     * do not prove ids works as before).
     */
    boolean quorumReached(int quorum) {
        boolean provenOnly = false;
        if (rankProven) {
            for (LookupCandidate c : seen.values()) {
                if (c.state == State.ANSWERED && c.proven) {
                    provenOnly = true;
                    break;
                }
            }
        }
        int counted = 0;
        for (LookupCandidate c : byDistance.values()) {
            if (c.state == State.FRESH || (c.state == State.IN_FLIGHT && !c.stalled)) {
                return false;
            }
            if (c.holds && (c.proven || !provenOnly) && ++counted >= quorum) {
                return true;
            }
        }
        return false;
    }

    /** The nearest contacts that answered, up to limit: those that proved their ids first. */
    List<Contact> answered(int limit) {
        List<Contact> out = new ArrayList<>();
        List<Contact> unproven = new ArrayList<>();
        for (LookupCandidate c : byDistance.values()) {
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

    /** The requests still in flight, now failed (their stall timers cancelled): the lookup is over. */
    List<LookupCandidate> abandon() {
        List<LookupCandidate> abandoned = new ArrayList<>();
        for (LookupCandidate c : byDistance.values()) {
            if (c.state == State.IN_FLIGHT) {
                c.state = State.FAILED;
                abandoned.add(c);
                if (c.stallTimer != null) {
                    c.stallTimer.cancel();
                }
            }
        }
        return abandoned;
    }
}
