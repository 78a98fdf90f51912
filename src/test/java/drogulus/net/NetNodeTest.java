package drogulus.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.crypto.Identity;
import drogulus.dht.Drogulus;
import drogulus.dht.MemoryStore;
import drogulus.dht.NodeConfig;
import drogulus.dht.NodeId;
import drogulus.dht.SqliteStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class NetNodeTest {
    static final NodeConfig CONFIG = NodeConfig.defaults().withRates(0, 0);
    static final NetConfig NET = new NetConfig(2_000, 256, 64, 64, 5_000, 60_000, 1_000);

    private final NetResources resources = new NetResources(2, 4);
    private final Random random = new Random(11);
    private final List<NetNode> nodes = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        for (NetNode n : nodes) {
            n.close();
        }
        resources.close();
    }

    static Identity identity(String name) {
        try (InputStream in = NetNodeTest.class.getResourceAsStream("/dht/" + name + ".pem")) {
            return Identity.fromPrivateKeyPem(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private NetNode node(drogulus.dht.Store store) {
        NetNode n = new NetNode(NodeId.random(random), "127.0.0.1", 0, CONFIG, NET, store, resources);
        nodes.add(n);
        return n;
    }

    @Test
    void shouldStoreOnOneNodeAndFindFromAnotherOverTcp() {
        NetNode first = node(new MemoryStore());
        for (int i = 0; i < 4; i++) {
            assertTrue(node(new MemoryStore()).join(List.of(first.endpoint())).join() >= 1);
        }
        Identity alice = identity("alice");
        Drogulus writer = nodes.get(1).drogulus(alice);
        int acks = writer.set("greeting", "hello", 3, Map.of(), -1).join();
        assertEquals(3, acks);
        NetNode reader = node(new MemoryStore());
        reader.join(List.of(nodes.get(2).endpoint())).join();
        assertEquals("hello", reader.drogulus(alice).get(alice.publicKeyPem(), "greeting").join().value());
    }

    @Test
    void shouldComeBackWithItsItemsAndRejoinThroughItsSavedContacts() {
        NetNode seed = node(new MemoryStore());
        Path db = dir.resolve("node.db");
        NetNode durable = new NetNode(NodeId.random(random), "127.0.0.1", 0, CONFIG, NET, new SqliteStore(db),
            resources);
        durable.join(List.of(seed.endpoint())).join();
        Identity bob = identity("bob");
        assertTrue(seed.drogulus(bob).set("note", "kept", 2, Map.of(), -1).join() >= 1);
        NodeId id = durable.id();
        durable.close();
        NetNode again = new NetNode(id, "127.0.0.1", 0, CONFIG, NET, new SqliteStore(db), resources);
        nodes.add(again);
        assertEquals(1, again.node().store().items().size(), "the acknowledged item is still held");
        assertTrue(again.join(List.of()).join() >= 1, "it rejoins through the contacts it saved");
        assertNotNull(seed.node().routingTable().get(id), "and its old peer knows it again");
    }
}
