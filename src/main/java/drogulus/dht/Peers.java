package drogulus.dht;

import drogulus.crypto.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a node talks to one peer and decides whom its routing table holds, the Kademlia way: a contact enters
 * only after it answered us; a known id keeps its address until that address stops answering (or the newcomer
 * proves the id and the holder never did); a full bucket pings its least-recently-seen member before a newcomer
 * may take its place; and a request to a contact whose id is not yet proven carries a challenge it must sign.
 */
final class Peers {
    /** Pings we send at once to check newcomers and holders; more newcomers than that wait for a later chance. */
    private static final int MAX_CHECKS = 32;

    /** An answer, and whether it proved the answerer's id. */
    record Reply(Message message, boolean proven) {
    }

    private static final Logger LOG = Logger.getLogger(Peers.class.getName());

    private final Node node;
    /** The endpoints being pinged by {@link #check}, as the contacts pinged (equal when the endpoints are). */
    private final Set<Endpoint> checking = new HashSet<>();

    /** Requests of ours still waiting for an answer, by endpoint asked. */
    private final Map<Endpoint, Integer> awaiting = new HashMap<>();
    /** Requests from peers whose check waits for the answer to one of ours ({@link #awaitAnswer}). */
    private final Map<Endpoint, Contact> deferred = new HashMap<>();

    Peers(Node node) {
        this.node = node;
    }

    /**
     * A request came from a peer claiming an id at an address. One we know there is fresh again; one worth having
     * is pinged back (with a challenge) and enters the table only if it answers under that id. When its bucket is
     * full, the bucket's member in doubt (failed a request, or quiet) is pinged first, and the newcomer only if
     * that one is silent: a live member keeps its place anyway, so pinging the newcomer too would be wasted.
     */
    void requestFrom(Contact claimed) {
        RoutingTable table = node.routingTable();
        Contact known = table.get(claimed.id());
        if (known != null && known.sameEndpoint(claimed)) {
            table.offer(claimed, false);
            return;
        }
        if (known == null && awaitAnswer(claimed)) {
            // We asked this endpoint something and its answer is on the way: the answer records it (or questions
            // a member of its full bucket) as a ping would, so a ping now would be wasted; a peer we ask often
            // pings us back before its answer reaches us. If no answer comes, it is treated as below then.
            return;
        }
        if (claimed.plausible() && table.wants(claimed)) {
            Contact holder = table.holderToCheck(claimed.id());
            if (holder == null) {
                check(claimed, null);
            } else {
                check(holder, () -> {
                    table.remove(holder.id());
                    check(claimed, null);
                });
            }
        }
    }

    /** Records a peer that answered us from the address we reached it at, following the binding rules. */
    void answered(Contact c, boolean proven) {
        RoutingTable table = node.routingTable();
        RoutingTable.Offer offer = table.offer(c, proven);
        switch (offer.outcome()) {
            case ADDED -> node.handOffs().offer(c);
            case CONFLICT -> check(offer.check(), () -> {
                table.replace(c, proven);
                node.handOffs().offer(c);
            });
            case FULL -> {
                if (offer.check() != null) {
                    Contact oldest = offer.check();
                    check(oldest, () -> table.remove(oldest.id()));
                }
            }
            default -> {
            }
        }
    }

    /** Pings the contact; when it does not answer under its id, runs {@code ifSilent} (may be null). */
    private void check(Contact c, Runnable ifSilent) {
        synchronized (checking) {
            if (checking.size() >= MAX_CHECKS || !checking.add(new Endpoint(c))) {
                return;
            }
        }
        CompletableFuture<?> unused = call(c, new Message.Ping(node.uuid(), node.id(), node.version(), node.port()))
            .handle((r, e) -> {
                synchronized (checking) {
                    checking.remove(new Endpoint(c));
                }
                if (ifSilent != null && (e != null || !r.message().node().equals(c.id()))
                    && !(unwrap(e) instanceof DhtRefusal)) {
                    ifSilent.run();
                }
                return null;
            });
    }

    /**
     * One request to a peer. A request to a contact whose id is not proven carries a challenge. An answer under
     * the id we expected proves the peer alive; an answer under another id is recorded as that id's contact at
     * this address but fails the call (the contact was not who we thought); a failure counts against the contact
     * when the table holds it at this address; an error answer fails the future with the peer's reason.
     */
    CompletableFuture<Reply> call(Contact c, Message.Request request) {
        RoutingTable table = node.routingTable();
        String challenge = table.isProven(c.id()) ? null : node.uuid();
        Message.Request sent = challenge == null ? request : withChallenge(request, challenge);
        Endpoint asked = new Endpoint(c);
        synchronized (awaiting) {
            awaiting.merge(asked, 1, Integer::sum);
        }
        CompletableFuture<Message> wire = node.transport().send(c.address(), c.port(), sent);
        CompletableFuture<Reply> reply = wire.handle((m, e) -> {
            if (e != null) {
                Throwable cause = unwrap(e);
                if (!(cause instanceof CancellationException) && heldHere(c) && table.recordFailure(c.id())) {
                    LOG.log(Level.INFO, "Dropped contact {0} after repeated failures", c.endpoint());
                }
                throw new CompletionException(cause);
            }
            boolean proven = challenge == null ? m.node().equals(c.id())
                : m instanceof Message.Answer a && node.proofs().holds(m.node(), a.proof(), challenge, node.id());
            if (!m.node().equals(c.id())) {
                if (heldHere(c)) {
                    table.remove(c.id());
                }
                Contact actual = new Contact(m.node(), c.address(), c.port(), m.version());
                answered(actual, proven);
                throw new CompletionException(new AnsweredAs(c.endpoint() + " answered as another node", actual));
            }
            // The contact asked, when it answered as what we had (nearly always): the routing tables of a
            // simulated network then share one object per peer, not one per answer, and so do the answers that
            // name it.
            answered(m.version().equals(c.version()) ? c : new Contact(m.node(), c.address(), c.port(), m.version()),
                proven);
            if (m instanceof Message.ErrorReply err) {
                throw new CompletionException(new DhtRefusal(c.endpoint() + " refused: " + err.title() + " ("
                    + err.code() + "), " + err.details().getOrDefault("message", ""), ErrorCode.of(err.code())));
            }
            return new Reply(m, proven);
        });
        // The request is settled by a stage of the wire's own, which runs however the wire ends: a stage of the
        // future we return never runs once the caller cancelled that future (a lookup that ended), and the count
        // would then stay up for good. Registered last, it runs first when the answer comes, before the answer
        // is recorded.
        CompletableFuture<?> unused = wire.whenComplete((m, e) -> {
            Contact waiting = settle(asked);
            if (waiting != null && (e != null || !m.node().equals(waiting.id()))) {
                requestFrom(waiting);
            }
        });
        return Node.cancelling(wire, reply);
    }

    /**
     * Whether a request of ours to the contact's endpoint is still waiting for its answer; if so, the contact's
     * request is looked at again when no answer under its id comes ({@link #settle}).
     */
    private boolean awaitAnswer(Contact c) {
        synchronized (awaiting) {
            Endpoint at = new Endpoint(c);
            if (!awaiting.containsKey(at)) {
                return false;
            }
            deferred.put(at, c);
            return true;
        }
    }

    /** One request to the endpoint has settled; the contact whose request waited for the last of them, if any. */
    private Contact settle(Endpoint at) {
        synchronized (awaiting) {
            Integer n = awaiting.get(at);
            if (n != null && n > 1) {
                awaiting.put(at, n - 1);
                return null;
            }
            awaiting.remove(at);
            return deferred.remove(at);
        }
    }

    private boolean heldHere(Contact c) {
        Contact held = node.routingTable().get(c.id());
        return held != null && held.sameEndpoint(c);
    }

    private static Message.Request withChallenge(Message.Request r, String challenge) {
        if (r instanceof Message.Ping p) {
            return new Message.Ping(p.uuid(), p.node(), p.version(), p.port(), challenge);
        } else if (r instanceof Message.FindNode f) {
            return new Message.FindNode(f.uuid(), f.node(), f.version(), f.port(), f.key(), challenge);
        } else if (r instanceof Message.FindValue f) {
            return new Message.FindValue(f.uuid(), f.node(), f.version(), f.port(), f.key(), challenge);
        } else if (r instanceof Message.Store s) {
            return new Message.Store(s.uuid(), s.node(), s.version(), s.port(), s.item(), challenge, s.cache());
        }
        return r;
    }

    /**
     * The contacts of a {@code nodes} answer that are worth asking: at most K, each id once, never our own id or
     * the answerer's, only plausible addresses.
     */
    List<Contact> sane(List<Contact> offered, NodeId answerer) {
        int k = node.config().k();
        NodeId self = node.id();
        List<Contact> out = new ArrayList<>(Math.min(k, offered.size()));
        for (Contact c : offered) {
            if (out.size() == k) {
                break;
            }
            NodeId id = c.id();
            if (!id.equals(self) && !id.equals(answerer) && c.plausible()
                && !holdsId(out, id)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether one of at most K contacts has the id: a scan of so few costs less than a hash set. */
    private static boolean holdsId(List<Contact> contacts, NodeId id) {
        for (int i = 0; i < contacts.size(); i++) {
            if (contacts.get(i).id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** The proof of our id for an answer to a request that carried a challenge; null when we cannot give one. */
    Message.IdProof proofFor(Message.Request request) {
        IdProofs proofs = node.proofs();
        if (request.challenge() == null || proofs.publicKey() == null) {
            return null;
        }
        return new Message.IdProof(proofs.publicKey(),
            proofs.sign(IdProofs.signedBytes(request.challenge(), request.node(), node.id())));
    }

    /** Sends an item to a peer to hold; completes when it acknowledged, fails with its refusal otherwise. */
    CompletableFuture<Reply> store(Contact c, Item item, boolean cache) {
        return call(c, new Message.Store(node.uuid(), node.id(), node.version(), node.port(), item, null, cache));
    }

    static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** A peer answered under another id than the one we asked it by: {@code actual} is who listens there. */
    static final class AnsweredAs extends DhtException {
        private static final long serialVersionUID = 1L;
        private final transient Contact actual;

        AnsweredAs(String message, Contact actual) {
            super(message);
            this.actual = actual;
        }

        Contact actual() {
            return actual;
        }
    }

    /** A peer answered, with an error: it is alive, it said no, for the reason {@code code}. */
    static final class DhtRefusal extends DhtException {
        private static final long serialVersionUID = 1L;
        private final ErrorCode code;

        DhtRefusal(String message, ErrorCode code) {
            super(message);
            this.code = code;
        }

        ErrorCode code() {
            return code;
        }
    }
}
