package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Whom a node pings when a stranger's request reaches a full bucket. */
class PeersTest {
    private final SimCluster cluster = new SimCluster(7, NodeConfig.defaults(), false);
    private final Node node = cluster.newNode();

    /** A peer that answers pings under its id when {@code alive}, and counts the pings it got. */
    private final class Peer {
        final NodeId id;
        final Transport transport = cluster.network.newTransport();
        final List<Message.Request> got = new ArrayList<>();
        boolean alive = true;
        /** When set, answers wait for it. */
        CompletableFuture<Void> gate;

        Peer(NodeId id) {
            this.id = id;
            CompletableFuture<?> unused = transport.listen((request, source) -> {
                got.add(request);
                Message answer = alive && request instanceof Message.Ping ? new Message.Pong(request.uuid(), id, "0")
                    : null;
                return gate == null ? CompletableFuture.completedFuture(answer) : gate.thenApply(v -> answer);
            });
        }

        Contact contact() {
            return new Contact(id, transport.address(), transport.port(), "0");
        }

        /** Sends the node a ping, as a stranger whose id falls in the node's far bucket. */
        void greet() {
            CompletableFuture<?> unused = cluster.run(transport.send(node.contact().address(), node.contact().port(),
                new Message.Ping("hello", id, "0", transport.port())));
        }
    }

    /** Sends the stranger a ping of ours that reaches it within 100 ms; its answer waits until its gate opens. */
    private CompletableFuture<Message> pingHeld(Peer stranger) {
        stranger.gate = new CompletableFuture<>();
        CompletableFuture<Message> asked = node.rpc(stranger.contact(), new Message.Ping(node.uuid(), node.id(), "0",
            node.contact().port()));
        cluster.scheduler.advance(100);
        return asked;
    }

    /** Fills the node's far bucket (ids differing from it at the first bit) with K peers, the first the oldest. */
    private List<Peer> fullFarBucket() {
        List<Peer> members = new ArrayList<>();
        for (int i = 0; i < cluster.config.k(); i++) {
            Peer p = new Peer(node.id().randomWithPrefix(0, false, cluster.random));
            node.routingTable().addContact(p.contact());
            members.add(p);
        }
        // A contact on our own side splits the table, so the far bucket is full and can no longer split.
        node.routingTable().addContact(new Peer(node.id().randomWithPrefix(1, false, cluster.random)).contact());
        return members;
    }

    @Test
    void shouldPingTheQuietOldestMemberOfAFullBucketAndNotTheNewcomerWhenItAnswers() {
        List<Peer> members = fullFarBucket();
        cluster.scheduler.advance(RoutingTable.QUIET_MILLIS + 1);
        Peer stranger = new Peer(node.id().randomWithPrefix(0, false, cluster.random));
        stranger.greet();
        cluster.scheduler.advance(2 * cluster.config.rpcTimeoutMillis());
        assertEquals(1, members.get(0).got.size(), "the least recently seen member was asked whether it lives");
        assertEquals(0, members.get(1).got.size());
        assertEquals(0, stranger.got.size(), "a live member keeps its place: the newcomer is not pinged");
        assertNull(node.routingTable().get(stranger.id));
        assertNotNull(node.routingTable().get(members.get(0).id));
    }

    @Test
    void shouldPingTheNewcomerAndLetItInWhenTheOldestMemberIsSilent() {
        List<Peer> members = fullFarBucket();
        cluster.scheduler.advance(RoutingTable.QUIET_MILLIS + 1);
        members.get(0).alive = false;
        Peer stranger = new Peer(node.id().randomWithPrefix(0, false, cluster.random));
        stranger.greet();
        cluster.scheduler.advance(3 * cluster.config.rpcTimeoutMillis());
        assertEquals(1, stranger.got.size(), "pinged once the member it would replace stayed silent");
        assertNull(node.routingTable().get(members.get(0).id));
        assertNotNull(node.routingTable().get(stranger.id));
    }

    @Test
    void shouldPingNobodyWhenTheFullBucketsMembersAreInGoodStanding() {
        List<Peer> members = fullFarBucket();
        cluster.scheduler.advance(RoutingTable.QUIET_MILLIS / 2);
        Peer stranger = new Peer(node.id().randomWithPrefix(0, false, cluster.random));
        stranger.greet();
        cluster.scheduler.advance(2 * cluster.config.rpcTimeoutMillis());
        assertEquals(0, members.stream().mapToInt(m -> m.got.size()).sum());
        assertEquals(0, stranger.got.size());
    }

    @Test
    void shouldPingAMemberThatFailedARequestBeforeTheQuietOldestOne() {
        List<Peer> members = fullFarBucket();
        node.routingTable().recordFailure(members.get(3).id);
        Peer stranger = new Peer(node.id().randomWithPrefix(0, false, cluster.random));
        stranger.greet();
        cluster.scheduler.advance(2 * cluster.config.rpcTimeoutMillis());
        assertEquals(0, members.get(0).got.size());
        assertEquals(1, members.get(3).got.size(), "a member that failed us is questioned though not quiet");
        assertEquals(0, stranger.got.size(), "it answered, so it keeps its place");
    }

    @Test
    void shouldNotPingAStrangerWhoseAnswerToUsIsOnTheWayAndLetItInWithThatAnswer() {
        Peer stranger = new Peer(node.id().randomWithPrefix(0, false, cluster.random));
        CompletableFuture<Message> asked = pingHeld(stranger);
        assertEquals(1, stranger.got.size(), "our request reached it");
        stranger.greet();
        cluster.scheduler.advance(100);
        assertEquals(1, stranger.got.size(), "its answer will tell whether it is who it says: no ping");
        assertNull(node.routingTable().get(stranger.id));
        stranger.gate.complete(null);
        assertNotNull(cluster.run(asked).join());
        assertNotNull(node.routingTable().get(stranger.id), "in with its answer");
        assertEquals(1, stranger.got.size());
    }

    @Test
    void shouldPingAStrangerWhoseAnswerToUsNeverCameOnceOurRequestTimesOut() {
        Peer stranger = new Peer(node.id().randomWithPrefix(0, false, cluster.random));
        CompletableFuture<Message> asked = pingHeld(stranger);
        stranger.greet();
        stranger.gate = null;
        cluster.scheduler.advance(cluster.config.rpcTimeoutMillis() + 200);
        assertTrue(asked.isCompletedExceptionally(), "our request got no answer");
        assertEquals(2, stranger.got.size(), "then its own request is looked at again: pinged");
        assertNotNull(node.routingTable().get(stranger.id));
    }

    @Test
    void shouldLookAgainAtAStrangerWhoseAnswerWeGaveUpOnAndNotLeaveItsLaterRequestsWaiting() {
        // A lookup that ends cancels the requests it still waits for. The stranger's request that was left to the
        // answer must then be looked at (pinged), and a later request of its own must not be left to an answer
        // that will never come.
        Peer stranger = new Peer(node.id().randomWithPrefix(0, false, cluster.random));
        CompletableFuture<Message> asked = pingHeld(stranger);
        stranger.greet();
        cluster.scheduler.advance(100);
        assertEquals(1, stranger.got.size(), "left to the answer on the way");
        asked.cancel(false);
        stranger.gate = null;
        cluster.scheduler.advance(cluster.config.rpcTimeoutMillis());
        assertEquals(2, stranger.got.size(), "given up on, its request is looked at: pinged");
        assertNotNull(node.routingTable().get(stranger.id));
        node.routingTable().remove(stranger.id);
        stranger.greet();
        cluster.scheduler.advance(cluster.config.rpcTimeoutMillis());
        assertEquals(3, stranger.got.size(), "a later request is not left to the cancelled one's answer");
        assertNotNull(node.routingTable().get(stranger.id));
    }

    @Test
    void shouldPingANewcomerWhoseBucketHasRoomAndLetItIn() {
        Peer stranger = new Peer(node.id().randomWithPrefix(0, false, cluster.random));
        stranger.greet();
        cluster.scheduler.advance(2 * cluster.config.rpcTimeoutMillis());
        assertEquals(1, stranger.got.size());
        assertNotNull(node.routingTable().get(stranger.id));
    }
}
