package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class NodeTest {
    private static Identity alice;

    private final SimCluster cluster = new SimCluster(21, NodeConfig.defaults(), true).grow(40);

    @BeforeAll
    static void keys() {
        alice = SimCluster.identity("alice");
    }

    private Item item(String name, Object value) {
        return alice.signItem(name, value, cluster.scheduler.now() / 1000.0, -1, Map.of());
    }

    private List<Node> nearest(NodeId key, int n) {
        return cluster.nodes.stream().filter(Node::isRunning)
            .sorted(Comparator.comparing(Node::id, key.byDistance())).limit(n).collect(Collectors.toList());
    }

    @Test
    void shouldStoreAtTheClosestNodesAndFindItFromAnyNode() {
        Item item = item("greeting", "hello");
        NodeId key = NodeId.of(item.key());
        assertEquals(5, cluster.await(cluster.nodes.get(7).put(item, 5)));
        assertEquals(nearest(key, 5).stream().map(Node::id).sorted(key.byDistance()).collect(Collectors.toList()),
            cluster.holders(key).stream().map(Node::id).sorted(key.byDistance()).collect(Collectors.toList()));
        Node far = nearest(key, 40).get(39);
        LookupResult<Item> r = cluster.await(far.findValue(key));
        assertEquals(item, r.value());
        assertTrue(r.messages() >= 1);
    }

    @Test
    void shouldCacheAFetchedItemAtTheNearestNodeThatLackedIt() {
        Item item = item("cached", 42L);
        NodeId key = NodeId.of(item.key());
        cluster.await(cluster.nodes.get(3).put(item, 3));
        List<Node> before = cluster.holders(key);
        LookupResult<Item> r = null;
        for (Node far : nearest(key, 40).subList(20, 40)) {
            r = cluster.await(far.findValue(key));
            if (!r.withoutValue().isEmpty()) {
                break;
            }
        }
        assertFalse(r.withoutValue().isEmpty(), "some lookup met a node without the item");
        cluster.scheduler.advance(1_000);
        List<Node> after = new ArrayList<>(cluster.holders(key));
        after.removeAll(before);
        assertEquals(List.of(r.withoutValue().get(0).id()), after.stream().map(Node::id).collect(Collectors.toList()));
    }

    @Test
    void shouldLetCachedCopiesFarFromTheKeyLapseBeforeResponsibleOnes() {
        Item item = item("lapsing", "v");
        NodeId key = NodeId.of(item.key());
        cluster.await(cluster.nodes.get(3).put(item, 2));
        Node far = nearest(key, 40).get(39);
        Node asker = nearest(key, 40).get(38);
        Message m = cluster.await(asker.rpc(far.contact(), new Message.Store("s", asker.id(), "0", 9999, item)));
        assertInstanceOf(Message.Pong.class, m);
        StoredItem copy = far.store().get(key);
        assertTrue(copy.isCached(), "the farthest node knows K nodes nearer to the key");
        assertTrue(copy.cacheExpiresAt() - cluster.scheduler.now() < cluster.config.replicateIntervalMillis());
        cluster.scheduler.advance(cluster.config.replicateIntervalMillis());
        assertNull(far.store().get(key));
        assertEquals(2, cluster.holders(key).size(), "the responsible copies remain");
        assertTrue(cluster.holders(key).stream().noneMatch(n -> n.store().get(key).isCached()));
    }

    @Test
    void shouldRepublishSoALostCopyComesBack() {
        Item item = item("durable", "v");
        NodeId key = NodeId.of(item.key());
        cluster.await(cluster.nodes.get(0).put(item, 4));
        Node loser = cluster.holders(key).get(0);
        loser.store().remove(key);
        cluster.scheduler.advance(cluster.config.replicateIntervalMillis() + cluster.config.refreshIntervalMillis());
        assertNotNull(loser.store().get(key), "republished by the other holders");
    }

    @Test
    void shouldDropExpiredItems() {
        double now = cluster.scheduler.now() / 1000.0;
        Item item = alice.signItem("brief", "v", now, now + 30, Map.of());
        NodeId key = NodeId.of(item.key());
        cluster.await(cluster.nodes.get(0).put(item, 4));
        assertEquals(4, cluster.holders(key).size());
        cluster.scheduler.advance(cluster.config.refreshIntervalMillis() + 1_000);
        assertEquals(List.of(), cluster.holders(key));
        CompletableFuture<LookupResult<Item>> f = cluster.run(cluster.nodes.get(5).findValue(key));
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
        assertInstanceOf(DhtException.NotFound.class, e.getCause());
    }

    @Test
    void shouldRefreshIdleBucketsOnTheRefreshTimeout() {
        Node n = cluster.nodes.get(10);
        cluster.scheduler.advance(cluster.config.refreshTimeoutMillis() - cluster.config.refreshIntervalMillis());
        long idle = cluster.config.refreshTimeoutMillis() - cluster.config.refreshIntervalMillis() - 1;
        assertFalse(n.routingTable().refreshTargets(idle, cluster.random).isEmpty());
        cluster.scheduler.advance(2 * cluster.config.refreshIntervalMillis());
        assertEquals(List.of(), n.routingTable().refreshTargets(cluster.config.refreshTimeoutMillis(),
            cluster.random));
    }

    @Test
    void shouldEvictAContactThatStopsAnswering() {
        Node a = cluster.nodes.get(1);
        Node gone = cluster.nodes.get(2);
        cluster.await(a.rpc(gone.contact(), new Message.Ping("p", a.id(), "0", 1)));
        assertNotNull(a.routingTable().get(gone.id()));
        gone.stop();
        for (int i = 0; i < cluster.config.allowedRpcFails(); i++) {
            CompletableFuture<Message> f = cluster.run(a.rpc(gone.contact(), new Message.Ping("p" + i, a.id(), "0",
                1)));
            assertTrue(f.isCompletedExceptionally());
        }
        assertNull(a.routingTable().get(gone.id()));
    }

    @Test
    void shouldTryASeedAgainWhenItsPingIsLost() {
        Transport inner = cluster.network.newTransport();
        int[] sends = new int[1];
        Transport flaky = new Transport() {
            @Override
            public CompletableFuture<Message> send(String address, int port, Message.Request request) {
                if (sends[0]++ == 0) {
                    return CompletableFuture.failedFuture(new DhtException.Timeout("lost"));
                }
                return inner.send(address, port, request);
            }

            @Override
            public CompletableFuture<java.net.InetSocketAddress> listen(RequestHandler handler) {
                return inner.listen(handler);
            }

            @Override
            public String address() {
                return inner.address();
            }

            @Override
            public int port() {
                return inner.port();
            }

            @Override
            public CompletableFuture<Void> close() {
                return inner.close();
            }
        };
        Node n = new Node(NodeId.random(cluster.random), flaky, new MemoryStore(), cluster.scheduler, cluster.config,
            new java.util.Random(3), "0");
        n.start();
        assertTrue(cluster.await(n.join(List.of(cluster.nodes.get(0).contact().endpoint()))) >= 20);
    }

    @Test
    void shouldFailToJoinWhenNoSeedAnswers() {
        Node lonely = cluster.newNode();
        CompletableFuture<Integer> f = cluster.run(lonely.join(List.of("10.99.99.99:1")));
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
        assertTrue(e.getCause().getMessage().contains("Could not reach any of the seed nodes"), e.getMessage());
    }

    @Test
    void shouldFailToJoinWhenTheSeedAnswersPingsButNobodyAnswersTheLookup() {
        Transport mute = cluster.network.newTransport();
        NodeId seedId = NodeId.random(cluster.random);
        CompletableFuture<?> unused = mute.listen((request, source) -> CompletableFuture.completedFuture(
            request instanceof Message.Ping ? new Message.Pong(request.uuid(), seedId, "0") : null));
        Node lonely = cluster.newNode();
        CompletableFuture<Integer> f = cluster.run(lonely.join(List.of(mute.address() + ":" + mute.port())));
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
        assertTrue(e.getCause().getMessage().contains("No node answered the lookup of our own id"), e.getMessage());
    }
}
