package drogulus.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.Version;
import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import drogulus.dht.Drogulus;
import drogulus.dht.MemoryStore;
import drogulus.dht.Message;
import drogulus.dht.NodeId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Five {@code drogulus node} processes on loopback; one is killed with SIGKILL mid-burst and restarted. */
@Timeout(180)
class NodeProcessesTest {
    /** Now: a node refuses items stamped more than a few minutes in the future. */
    private static final double NOW = System.currentTimeMillis() / 1000.0;

    private final List<Process> processes = new ArrayList<>();
    private final NetResources resources = new NetResources(2, 4);
    private final List<NetNode> clients = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        for (NetNode c : clients) {
            c.close();
        }
        resources.close();
        for (Process p : processes) {
            p.destroyForcibly();
        }
    }

    private static List<String> java(String... args) {
        return NodeProcess.java(List.of("-Xmx128m"), args);
    }

    private NodeProcess start(String name, List<String> seeds) throws Exception {
        List<String> options = new ArrayList<>(List.of("--rate-per-address", "0", "--rate-total", "0"));
        for (String s : seeds) {
            options.add("--seed");
            options.add(s);
        }
        NodeProcess p = NodeProcess.start(dir, name, List.of("-Xmx128m"), options);
        processes.add(p.process());
        return p;
    }

    private NetNode client(String seed) {
        // The default RPC timeout (5 s): five JVMs starting on a busy machine answer slowly at first.
        NetNode c = new NetNode(NodeId.random(new Random()), "127.0.0.1", 0, NetNodeTest.CONFIG, NetConfig.defaults(),
            new MemoryStore(), resources);
        clients.add(c);
        c.join(List.of(seed)).join();
        return c;
    }

    @Test
    void shouldKeepEveryAcknowledgedItemThroughASigkill() throws Exception {
        NodeProcess first = start("n0", List.of());
        List<NodeProcess> all = new ArrayList<>(List.of(first));
        for (int i = 1; i < 5; i++) {
            all.add(start("n" + i, List.of(first.endpoint())));
        }
        Identity alice = NetNodeTest.identity("alice");
        Drogulus writer = client(first.endpoint()).drogulus(alice);
        for (int i = 0; i < 10; i++) {
            int acks = writer.set("before-" + i, "value " + i, 20, Map.of(), -1).join();
            assertTrue(acks >= 2, "at least one copy besides the victim's, so the rest can still find it: " + acks);
        }

        NodeProcess victim = all.get(3);
        TcpTransport direct = new TcpTransport(NodeId.random(new Random(3)), Version.getVersion(), "127.0.0.1", 0,
            NetNodeTest.NET, resources);
        List<Item> acknowledged = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Message>> burst = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Item item = alice.signItem("burst-" + i, "payload " + i, NOW + i, -1, Map.of());
            CompletableFuture<Message> f = direct.send("127.0.0.1", victim.port(), new Message.Store("s" + i,
                NodeId.random(new Random(i)), Version.getVersion(), 1, item));
            burst.add(f.whenComplete((m, e) -> {
                if (m instanceof Message.Pong) {
                    acknowledged.add(item);
                }
            }));
            if (i == 150) {
                while (acknowledged.size() < 20) {
                    Thread.sleep(5);
                }
                victim.process().destroyForcibly();
            }
        }
        victim.process().waitFor(10, TimeUnit.SECONDS);
        for (CompletableFuture<Message> f : burst) {
            f.handle((m, e) -> null).join();
        }
        direct.close().join();
        assertTrue(acknowledged.size() >= 20 && acknowledged.size() < 300, "killed mid-burst: "
            + acknowledged.size());

        Drogulus reader = client(all.get(1).endpoint()).drogulus(alice);
        for (int i = 0; i < 10; i++) {
            assertEquals("value " + i, reader.get(alice.publicKeyPem(), "before-" + i).join().value(),
                "found from the nodes still running");
        }

        NodeProcess back = start("n3", List.of(first.endpoint()));
        TcpTransport asker = new TcpTransport(NodeId.random(new Random(4)), Version.getVersion(), "127.0.0.1", 0,
            NetConfig.defaults(), resources);
        try {
            for (Item item : acknowledged) {
                Message m = asker.send("127.0.0.1", back.port(), new Message.FindValue("f" + item.name(),
                    NodeId.random(new Random(5)), Version.getVersion(), 1, NodeId.of(item.key()))).join();
                assertInstanceOf(Message.Value.class, m, item.name() + " was acknowledged before the kill");
                assertEquals(item.value(), ((Message.Value) m).item().value());
            }
        } finally {
            asker.close().join();
        }
        String log = Files.readString(dir.resolve("n3.err"), StandardCharsets.UTF_8);
        assertTrue(log.contains("items held"), log);
    }


    @Test
    void shouldStopCleanlyOnSigterm() throws Exception {
        NodeProcess node = start("solo", List.of());
        node.process().destroy();
        assertTrue(node.process().waitFor(30, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("solo.err"), StandardCharsets.UTF_8);
        assertTrue(err.contains("drogulus node: stopped"), err);
        NodeProcess again = start("solo", List.of());
        assertTrue(again.port() > 0, "the database was closed and unlocked");
    }

    @Test
    void shouldRunADevnetOnDistinctLoopbackAddresses() throws Exception {
        Path out = dir.resolve("devnet.out");
        Process p = new ProcessBuilder(java("devnet", "--nodes", "3", "--distinct-addresses"))
            .redirectOutput(out.toFile()).redirectError(dir.resolve("devnet.err").toFile()).start();
        processes.add(p);
        long deadline = System.currentTimeMillis() + 60_000;
        String text = "";
        while (!text.contains("devnet: 3 nodes joined") && System.currentTimeMillis() < deadline && p.isAlive()) {
            Thread.sleep(50);
            text = Files.readString(out);
        }
        assertTrue(text.contains("devnet: 3 nodes joined"), text + Files.readString(dir.resolve("devnet.err")));
        Matcher m = Pattern.compile("^node (\\d)  (127\\.0\\.0\\.\\d+):(\\d+)  ", Pattern.MULTILINE).matcher(text);
        TcpTransport asker = new TcpTransport(NodeId.random(new Random(6)), Version.getVersion(), "127.0.0.1", 0,
            NetNodeTest.NET, resources);
        try {
            int seen = 0;
            while (m.find()) {
                int i = Integer.parseInt(m.group(1));
                assertEquals("127.0.0." + (i + 1), m.group(2));
                Message answer = asker.send(m.group(2), Integer.parseInt(m.group(3)), new Message.Ping("d" + i,
                    NodeId.random(new Random(i)), "0", 1)).join();
                assertInstanceOf(Message.Pong.class, answer);
                seen++;
            }
            assertEquals(3, seen);
        } finally {
            asker.close().join();
        }
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }
}
