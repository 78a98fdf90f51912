package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Requests sent to one node over the simulated wire (through the codec), as a stranger would. */
@Timeout(60)
class NodeHandlerTest {
    private static Identity alice;

    private final SimCluster cluster = new SimCluster(4, NodeConfig.defaults().withQuotas(2_000, 6_000, 4_000)
        .withRates(5, 100), true);
    private final Node node = cluster.grow(1).nodes.get(0);
    private final Transport stranger = cluster.network.newTransport();
    private final NodeId strangerId = NodeId.random(cluster.random);
    private int sent;

    @BeforeAll
    static void keys() {
        alice = SimCluster.identity("alice");
    }

    private Message send(Message.Request r) {
        CompletableFuture<Message> f = cluster.run(stranger.send(node.contact().address(), node.contact().port(), r));
        return f.isCompletedExceptionally() ? null : f.join();
    }

    private Message store(Item item) {
        cluster.scheduler.advance(1_000);
        return send(new Message.Store("s" + sent++, strangerId, "0", 9, item));
    }

    private int errorCode(Message m) {
        return assertInstanceOf(Message.ErrorReply.class, m).code();
    }

    private Item item(String name, Object value, double timestamp) {
        return alice.signItem(name, value, timestamp, -1, Map.of());
    }

    private double now() {
        return cluster.scheduler.now() / 1000.0;
    }

    @Test
    void shouldAcceptAValidItemAndServeIt() {
        Item item = item("a", "v", now());
        assertInstanceOf(Message.Pong.class, store(item));
        Message m = send(new Message.FindValue("f", strangerId, "0", 9, NodeId.of(item.key())));
        assertEquals(item, assertInstanceOf(Message.Value.class, m).item());
        Message other = send(new Message.FindValue("g", strangerId, "0", 9, NodeId.random(cluster.random)));
        assertInstanceOf(Message.Nodes.class, other);
    }

    @Test
    void shouldNameItsNearestContactsToTheKeyBesideTheValue() {
        Item item = item("near", "v", now());
        assertInstanceOf(Message.Pong.class, store(item));
        NodeId key = NodeId.of(item.key());
        for (int i = 0; i < 5; i++) {
            node.routingTable().addContact(new Contact(NodeId.random(cluster.random), "10.9." + (i + 1) + ".1", 9999,
                "0"));
        }
        Message.Value v = assertInstanceOf(Message.Value.class, send(new Message.FindValue("f", strangerId, "0", 9,
            key)));
        assertEquals(item, v.item());
        assertEquals(5, v.nodes().size(), "a get that reached us first must still hear of the nodes nearer the key");
        assertEquals(node.routingTable().findClosest(key, cluster.config.k(), strangerId), v.nodes());
    }

    @Test
    void shouldRefuseATamperedItemWithErrorSix() {
        Item good = item("a", "v", now());
        Item tampered = new Item(good.key(), "forged", good.timestamp(), good.expires(), good.name(), good.meta(),
            good.createdWith(), good.publicKey(), good.sig());
        assertEquals(6, errorCode(store(tampered)));
        assertNull(node.store().get(NodeId.of(good.key())));
    }

    @Test
    void shouldRefuseAnItemWithAGarbagePublicKeyWithErrorSix() {
        Item good = item("a", "v", now());
        Item garbage = new Item(good.key(), good.value(), good.timestamp(), good.expires(), good.name(), good.meta(),
            good.createdWith(), "-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----\n", good.sig());
        assertEquals(6, errorCode(store(garbage)));
    }

    @Test
    void shouldRefuseAnItemUnderTheWrongKeyWithErrorSeven() {
        Item good = item("a", "v", now());
        Item moved = new Item(NodeId.random(cluster.random).toBytes(), good.value(), good.timestamp(),
            good.expires(), good.name(), good.meta(), good.createdWith(), good.publicKey(), good.sig());
        assertEquals(7, errorCode(store(moved)));
    }

    @Test
    void shouldRefuseAnOlderVersionWithErrorEight() {
        Item older = item("a", "old", now());
        Item newer = item("a", "new", now() + 1);
        assertInstanceOf(Message.Pong.class, store(newer));
        assertEquals(8, errorCode(store(older)));
        assertEquals("new", node.store().get(NodeId.of(newer.key())).item().value());
        assertInstanceOf(Message.Pong.class, store(newer), "storing the same version again is fine");
    }

    @Test
    void shouldRefuseAnExpiredItemWithErrorOne() {
        Item expired = alice.signItem("gone", "v", now() - 100, now() - 10, Map.of());
        Message m = store(expired);
        assertEquals(1, errorCode(m));
        assertTrue(((Message.ErrorReply) m).details().get("message").contains("expired"));
        assertNull(node.store().get(NodeId.of(expired.key())));
    }

    @Test
    void shouldRefuseATimestampFarInTheFutureButAllowSomeClockSkew() {
        Item ahead = item("ahead", "v", now() + 3_600);
        assertEquals(1, errorCode(store(ahead)));
        assertNull(node.store().get(NodeId.of(ahead.key())), "a far-future version would lock the key for good");
        assertInstanceOf(Message.Pong.class, store(item("skewed", "v", now() + 60)));
    }

    @Test
    void shouldLetTheGreaterSignatureWinBetweenTwoVersionsWithOneTimestamp() {
        double t = now();
        Item a = item("tie", "a", t);
        Item b = item("tie", "b", t);
        Item winner = Node.NEWER.compare(a, b) > 0 ? a : b;
        Item loser = winner.equals(a) ? b : a;
        assertInstanceOf(Message.Pong.class, store(loser));
        assertInstanceOf(Message.Pong.class, store(winner));
        assertEquals(8, errorCode(store(loser)), "equal timestamps no longer overwrite each other back and forth");
        assertEquals(winner, node.store().get(NodeId.of(winner.key())).item());
    }

    @Test
    void shouldRefuseAnItemOverTheSizeLimitWithErrorFour() {
        Item big = item("big", "x".repeat(2_500), now());
        assertEquals(4, errorCode(store(big)));
    }

    @Test
    void shouldEnforceThePerSourceQuota() {
        String value = "x".repeat(1_000);
        assertInstanceOf(Message.Pong.class, store(item("one", value, now())));
        assertInstanceOf(Message.Pong.class, store(item("two", value, now())));
        assertEquals(4, errorCode(store(item("three", value, now()))));
        assertInstanceOf(Message.Pong.class, store(item("two", value + "y", now() + 5)),
            "replacing an item counts only its growth");
    }

    @Test
    void shouldMakeRoomForANearerKeyByDroppingTheFarthestWhenStorageIsFull() {
        String value = "x".repeat(900);
        Transport second = cluster.network.newTransport();
        Transport third = cluster.network.newTransport();
        assertInstanceOf(Message.Pong.class, store(item("one", value, now())));
        for (Transport t : List.of(second, third)) {
            Message m = cluster.run(t.send(node.contact().address(), node.contact().port(), new Message.Store("q",
                NodeId.random(cluster.random), "0", 9, item("from " + t.address(), value, now())))).join();
            assertInstanceOf(Message.Pong.class, m);
        }
        assertTrue(node.store().totalBytes() > 4_500);
        NodeId self = node.id();
        StoredItem farthest = null;
        for (StoredItem s : node.store().items()) {
            if (farthest == null || self.compareDistance(s.key(), farthest.key()) > 0) {
                farthest = s;
            }
        }
        Item nearer = null;
        Item fartherThanAll = null;
        for (int i = 0; nearer == null || fartherThanAll == null; i++) {
            Item candidate = item("n" + i, value, now());
            int c = self.compareDistance(NodeId.of(candidate.key()), farthest.key());
            if (c < 0 && nearer == null) {
                nearer = candidate;
            } else if (c > 0 && fartherThanAll == null) {
                fartherThanAll = candidate;
            }
        }
        assertEquals(4, errorCode(store(fartherThanAll)), "a newcomer farther than everything held is refused");
        assertInstanceOf(Message.Pong.class, store(nearer), "an honest store is not refused because storage is full");
        assertNotNull(node.store().get(NodeId.of(nearer.key())));
        assertNull(node.store().get(farthest.key()), "the item farthest from our id made room");
    }

    @Test
    void shouldDropRequestsOverTheRateLimit() {
        for (int i = 0; i < 5; i++) {
            assertNotNull(send(new Message.Ping("p" + i, strangerId, "0", 9)));
        }
        assertNull(send(new Message.Ping("p5", strangerId, "0", 9)), "silence: the request timed out");
        assertNotNull(send(new Message.Ping("p6", strangerId, "0", 9)), "a new second, a new allowance");
    }

    @Test
    void shouldAddASenderOnlyOnceItAnswersAPingUnderItsId() {
        send(new Message.Ping("p", strangerId, "0", stranger.port()));
        cluster.scheduler.advance(10_000);
        assertNull(node.routingTable().get(strangerId), "a sender that never answered stays out");
        cluster.await(stranger.listen((r, from) ->
            CompletableFuture.completedFuture(new Message.Pong(r.uuid(), strangerId, "0"))));
        send(new Message.Ping("p2", strangerId, "0", stranger.port()));
        cluster.scheduler.advance(10_000);
        assertEquals(new Contact(strangerId, stranger.address(), stranger.port(), "0"),
            node.routingTable().get(strangerId));
    }

    @Test
    void shouldNotLetAnotherAddressTakeOverAKnownIdWhileItsHolderAnswers() {
        cluster.await(stranger.listen((r, from) ->
            CompletableFuture.completedFuture(new Message.Pong(r.uuid(), strangerId, "0"))));
        send(new Message.Ping("p", strangerId, "0", stranger.port()));
        cluster.scheduler.advance(10_000);
        Contact holder = node.routingTable().get(strangerId);
        assertNotNull(holder);
        Transport thief = cluster.network.newTransport();
        cluster.await(thief.listen((r, from) ->
            CompletableFuture.completedFuture(new Message.Pong(r.uuid(), strangerId, "0"))));
        CompletableFuture<Message> f = thief.send(node.contact().address(), node.contact().port(),
            new Message.Ping("t", strangerId, "0", thief.port()));
        assertInstanceOf(Message.Pong.class, cluster.await(f));
        cluster.scheduler.advance(10_000);
        assertEquals(holder, node.routingTable().get(strangerId), "the holder answered its ping, so it keeps its id");
        cluster.await(stranger.close());
        CompletableFuture<Message> again = thief.send(node.contact().address(), node.contact().port(),
            new Message.Ping("t2", strangerId, "0", thief.port()));
        assertInstanceOf(Message.Pong.class, cluster.await(again));
        cluster.scheduler.advance(30_000);
        assertEquals(thief.address(), node.routingTable().get(strangerId).address(),
            "once the holder stopped answering, the id may move");
    }
}
