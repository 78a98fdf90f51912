package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DrogulusTest {
    private final SimCluster cluster = new SimCluster(8, NodeConfig.defaults(), false).grow(30);
    private final Identity alice = SimCluster.identity("alice");
    private final Identity bob = SimCluster.identity("bob");
    private final Drogulus aliceApi = new Drogulus(alice, cluster.nodes.get(4));
    private final Drogulus bobApi = new Drogulus(bob, cluster.nodes.get(25));

    private <T> T await(CompletableFuture<T> f) {
        return cluster.await(f);
    }

    private Throwable failure(CompletableFuture<?> f) {
        return assertThrows(CompletionException.class, () -> cluster.run(f).join()).getCause();
    }

    @Test
    void shouldGetWhatAnotherPersonSet() {
        assertEquals(20, await(aliceApi.set("motto", "be kind")));
        Item item = await(bobApi.get(alice.publicKeyPem(), "motto"));
        assertEquals("be kind", item.value());
        assertEquals(alice.publicKeyPem(), item.publicKey());
        assertEquals(-1.0, item.expires());
    }

    @Test
    void shouldStoreTheGivenNumberOfCopiesWithMetaAndExpiry() {
        assertEquals(3, await(aliceApi.set("short", 7L, 3, Map.of("kind", "number"), 3600)));
        Item item = await(bobApi.get(alice.publicKeyPem(), "short"));
        assertEquals(Map.of("kind", "number"), item.meta());
        assertEquals(item.timestamp() + 3600, item.expires());
    }

    @Test
    void shouldAnswerWhoisWithTheEmptyName() {
        await(aliceApi.set("", "Alice, who writes Logos"));
        assertEquals("Alice, who writes Logos", await(bobApi.whois(alice.publicKeyPem())).value());
    }

    @Test
    void shouldReplaceAValueWithANewerOne() {
        await(aliceApi.set("status", "busy"));
        cluster.scheduler.advance(1_000);
        await(aliceApi.set("status", "free"));
        assertEquals("free", await(bobApi.get(alice.publicKeyPem(), "status")).value());
    }

    @Test
    void shouldFailWithNotFoundForANameNobodySet() {
        Throwable e = failure(bobApi.get(alice.publicKeyPem(), "nothing"));
        assertInstanceOf(DhtException.NotFound.class, e);
        assertTrue(e.getMessage().contains("'nothing'"), e.getMessage());
    }

    @Test
    void shouldNotLetSomeoneElseOverwriteAValue() {
        await(aliceApi.set("motto", "be kind"));
        Item forged = bob.signItem("motto", "be mean", cluster.scheduler.now() / 1000.0 + 10, -1, Map.of());
        Item misplaced = new Item(alice.signItem("motto", "x", 0, -1, Map.of()).key(), forged.value(),
            forged.timestamp(), forged.expires(), forged.name(), forged.meta(), forged.createdWith(),
            forged.publicKey(), forged.sig());
        Throwable e = failure(cluster.nodes.get(9).put(misplaced, 20));
        assertTrue(e.getMessage().contains("Key mismatch"), e.getMessage());
        assertEquals("be kind", await(bobApi.get(alice.publicKeyPem(), "motto")).value());
    }

    @Test
    void shouldRefuseAValueOverTheSizeLimitBeforeSendingIt() {
        Throwable e = failure(aliceApi.set("huge", "x".repeat(600 * 1024)));
        assertTrue(e.getMessage().contains("the most a node accepts is 524288"), e.getMessage());
    }

    @Test
    void shouldFailWithATimeoutWhenTheLookupTakesTooLong() {
        NodeConfig d = NodeConfig.defaults();
        Node hasty = cluster.newNode(new NodeConfig(d.k(), d.alpha(), d.allowedRpcFails(), d.duplicationCount(),
            d.rpcTimeoutMillis(), 30, d.replicateIntervalMillis(), d.refreshIntervalMillis(),
            d.refreshTimeoutMillis(), d.maxItemBytes(), d.storageQuotaBytes(), d.sourceQuotaBytes(),
            d.ratePerAddress(), d.rateTotal()));
        for (Node n : cluster.nodes) {
            hasty.routingTable().addContact(n.contact());
        }
        CompletableFuture<Item> f = new Drogulus(alice, hasty).get(bob.publicKeyPem(), "x");
        cluster.scheduler.runUntil(f::isDone);
        Throwable e = assertThrows(CompletionException.class, f::join).getCause();
        assertInstanceOf(DhtException.Timeout.class, e);
    }

    @Test
    void shouldJoinThroughASeedGivenAsHostAndPort() {
        Node fresh = cluster.newNode();
        int known = await(new Drogulus(bob, fresh).join(List.of(cluster.nodes.get(0).contact().endpoint())));
        assertTrue(known >= 20, "knows " + known);
        Throwable e = failure(new Drogulus(bob, cluster.newNode()).join(List.of("no-port")));
        assertTrue(e.getMessage().contains("host:port"), e.getMessage());
    }
}
