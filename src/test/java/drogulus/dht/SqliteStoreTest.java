package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SqliteStoreTest {
    @TempDir
    Path dir;

    private final Identity alice = SimCluster.identity("alice");
    private final Random random = new Random(2);

    private StoredItem stored(String name, Object value, String source) {
        Item item = alice.signItem(name, value, 1_700_000_000.5, -1, Map.of("m", "1"));
        return new StoredItem(item, source, ItemFields.size(item), 1_000, Long.MAX_VALUE);
    }

    @Test
    void shouldKeepItemsAndContactsAcrossARestart() {
        Path file = dir.resolve("node.db");
        StoredItem a = stored("a", "first", "10.0.0.1");
        StoredItem b = stored("b", List.of(1L, 2L), "10.0.0.2");
        Contact c = new Contact(NodeId.random(random), "10.0.0.9", 1908, "0.0.0.alpha.0");
        try (SqliteStore store = new SqliteStore(file)) {
            store.put(a);
            store.put(b);
            store.put(stored("a", "first", "10.0.0.1"));
            store.saveContacts(List.of(c));
        }
        try (SqliteStore store = new SqliteStore(file)) {
            assertEquals(a.item(), store.get(a.key()).item());
            assertEquals(a, store.get(a.key()));
            assertEquals(2, store.items().size());
            assertEquals(a.size() + b.size(), store.totalBytes());
            assertEquals(a.size(), store.bytesFrom("10.0.0.1"));
            assertEquals(List.of(c), store.loadContacts());
            store.remove(a.key());
            assertNull(store.get(a.key()));
            assertEquals(b.size(), store.totalBytes());
        }
    }

    @Test
    void shouldLetARestartedNodeServeWhatItAcknowledged() {
        SimCluster cluster = new SimCluster(6, NodeConfig.defaults(), true).grow(10);
        Path file = dir.resolve("restart.db");
        SqliteStore disk = new SqliteStore(file);
        Node node = new Node(NodeId.random(random), cluster.network.newTransport(), disk, cluster.scheduler,
            cluster.config, new Random(1), "0");
        node.start();
        cluster.await(node.join(List.of(cluster.nodes.get(0).contact().endpoint())));
        Item item = alice.signItem("kept", "v", cluster.scheduler.now() / 1000.0, -1, Map.of());
        Message ack = cluster.await(cluster.nodes.get(1).rpc(node.contact(), new Message.Store("s",
            cluster.nodes.get(1).id(), "0", 9999, item)));
        assertTrue(ack instanceof Message.Pong);
        node.stop();
        disk.close();
        try (SqliteStore reopened = new SqliteStore(file)) {
            Node again = new Node(node.id(), cluster.network.newTransport(), reopened, cluster.scheduler,
                cluster.config, new Random(2), "0");
            again.start();
            assertEquals(10, again.routingTable().size(), "contacts came back from disk");
            LookupResult<Item> r = cluster.await(again.findValue(NodeId.of(item.key())));
            assertEquals(item, r.value());
            assertEquals(0, r.messages(), "served from its own store");
            again.stop();
        }
    }

    @Test
    void shouldNameTheFileWhenItIsCorrupt() throws IOException {
        Path file = dir.resolve("corrupt.db");
        byte[] junk = new byte[8192];
        random.nextBytes(junk);
        Files.write(file, junk);
        DhtException e = assertThrows(DhtException.class, () -> new SqliteStore(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void shouldNameTheFileWhenAnotherNodeHoldsIt() {
        Path file = dir.resolve("shared.db");
        try (SqliteStore first = new SqliteStore(file)) {
            first.put(stored("a", "v", "x"));
            DhtException e = assertThrows(DhtException.class, () -> new SqliteStore(file));
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("locked"), e.getMessage());
        }
    }

    @Test
    void shouldAccountLikeTheMemoryStore() {
        MemoryStore memory = new MemoryStore();
        try (SqliteStore sqlite = new SqliteStore(dir.resolve("same.db"))) {
            for (Store s : List.<Store>of(memory, sqlite)) {
                s.put(stored("a", "v", "one"));
                s.put(stored("b", "vv", "two"));
                s.put(stored("a", "vvv", "two"));
            }
            assertEquals(memory.totalBytes(), sqlite.totalBytes());
            assertEquals(0, sqlite.bytesFrom("one"));
            assertEquals(memory.bytesFrom("two"), sqlite.bytesFrom("two"));
        }
    }

    @Test
    void shouldAnswerReadsWhileAWriterHoldsTheStoresLock() throws Exception {
        try (SqliteStore store = new SqliteStore(dir.resolve("busy.db"))) {
            StoredItem a = stored("a", "first", "10.0.0.1");
            store.put(a);
            java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread writer = new Thread(() -> {
                synchronized (store) {
                    locked.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            writer.start();
            locked.await();
            try {
                assertEquals(a, java.util.concurrent.CompletableFuture.supplyAsync(() -> store.get(a.key()))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS));
                assertEquals(1, java.util.concurrent.CompletableFuture.supplyAsync(() -> store.items().size())
                    .get(10, java.util.concurrent.TimeUnit.SECONDS));
            } finally {
                release.countDown();
                writer.join();
            }
        }
    }

    @Test
    void shouldNotShowAnItemThatCouldNotBeWritten() {
        SqliteStore store = new SqliteStore(dir.resolve("closed.db"));
        StoredItem a = stored("a", "first", "10.0.0.1");
        store.close();
        assertThrows(DhtException.class, () -> store.put(a));
        assertNull(store.get(a.key()), "only what is on disk is ever answered");
        assertEquals(0, store.totalBytes());
    }
}
