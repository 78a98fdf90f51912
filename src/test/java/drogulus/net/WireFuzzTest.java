package drogulus.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import drogulus.dht.MemoryStore;
import drogulus.dht.Message;
import drogulus.dht.NodeId;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated frames at a real node for a bounded time: 3 s in {@code mvn verify}, longer with
 * {@code -Ddrogulus.fuzz.seconds=N} (bench/net/fuzz). Every connection ends in answers or a close, and the node
 * keeps answering and keeps what it stored.
 */
class WireFuzzTest {
    /** Now: a node refuses items stamped more than a few minutes in the future. */
    private static final double NOW = System.currentTimeMillis() / 1000.0;
    @Test
    @Timeout(value = 1, unit = java.util.concurrent.TimeUnit.HOURS)
    void shouldKeepServingWhateverArrives() throws Exception {
        long seconds = Long.getLong("drogulus.fuzz.seconds", 3);
        long seed = Long.getLong("drogulus.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        NodeId peer = NodeId.random(random);
        Identity alice = NetNodeTest.identity("alice");
        Item kept = alice.signItem("kept", "precious", NOW, -1, Map.of());
        List<byte[]> valid = List.of(
            Frames.of(new Message.Ping("p", peer, "0", 1)),
            Frames.of(new Message.FindNode("n", peer, "0", 1, NodeId.random(random))),
            Frames.of(new Message.FindValue("v", peer, "0", 1, NodeId.of(kept.key()))),
            Frames.of(new Message.Store("s", peer, "0", 1, kept)),
            Frames.of(new Message.Nodes("x", peer, "0", List.of())));
        try (NetResources resources = new NetResources(1, 2)) {
            NetNode node = new NetNode(NodeId.random(random), "127.0.0.1", 0, NetNodeTest.CONFIG,
                new NetConfig(2_000, 256, 64, 16, 200, 60_000, 200), new MemoryStore(), resources);
            try {
                int port = node.bound().getPort();
                assertInstanceOf(Message.Pong.class, ask(port, valid.get(3)), "seed " + seed);
                long end = System.currentTimeMillis() + seconds * 1_000;
                int connections = 0;
                while (System.currentTimeMillis() < end) {
                    fuzzOneConnection(port, valid, random);
                    connections++;
                }
                Message m = ask(port, valid.get(2));
                assertInstanceOf(Message.Value.class, m, "after " + connections + " connections, seed " + seed);
                assertEquals(kept.value(), ((Message.Value) m).item().value());
                assertTrue(node.node().isRunning());
            } finally {
                node.close();
            }
        }
    }

    private static Message ask(int port, byte[] frame) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(frame);
            return TcpTransportTest.readFrame(s.getInputStream());
        }
    }

    private static void fuzzOneConnection(int port, List<byte[]> valid, Random random) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(1_000);
            int frames = 1 + random.nextInt(4);
            for (int i = 0; i < frames; i++) {
                byte[] f = mutate(valid.get(random.nextInt(valid.size())), random);
                try {
                    s.getOutputStream().write(f);
                } catch (IOException e) {
                    return;
                }
            }
            drain(s.getInputStream());
        }
    }

    /** Reads until the node closes or goes quiet. */
    private static void drain(InputStream in) {
        byte[] buf = new byte[8_192];
        int n = 0;
        try {
            while (n >= 0) {
                n = in.read(buf);
            }
        } catch (SocketTimeoutException e) {
            return;
        } catch (IOException e) {
            return;
        }
    }

    private static byte[] mutate(byte[] frame, Random random) {
        byte[] out = frame.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            case 2 -> {
                int colon = indexOf(frame, (byte) ':');
                byte[] payload = Arrays.copyOfRange(frame, colon + 1, frame.length - 1);
                for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                    payload[random.nextInt(payload.length)] = (byte) random.nextInt(256);
                }
                out = Frames.netstring(payload);
            }
            case 3 -> {
                int colon = indexOf(frame, (byte) ':');
                byte[] payload = Arrays.copyOfRange(frame, colon + 1, frame.length - 1);
                out = Frames.netstring(Arrays.copyOf(payload, random.nextInt(payload.length + 1)));
            }
            default -> {
                out = new byte[random.nextInt(64)];
                random.nextBytes(out);
            }
        }
        return out;
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
