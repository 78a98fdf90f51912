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
    void shouldAcknowledgeButNotKeepAnExpiredItem() {
        Item expired = alice.signItem("gone", "v", now() - 100, now() - 10, Map.of());
        assertInstanceOf(Message.Pong.class, store(expired));
        assertNull(node.store().get(NodeId.of(expired.key())));
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
    void shouldEnforceTheStorageQuotaAcrossSources() {
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
        assertEquals(4, errorCode(store(item("four", value, now()))));
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
    void shouldAddTheSenderToTheRoutingTable() {
        send(new Message.Ping("p", strangerId, "0", 9));
        assertEquals(new Contact(strangerId, stranger.address(), 9, "0"), node.routingTable().get(strangerId));
    }
}
