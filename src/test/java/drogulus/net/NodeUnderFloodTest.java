package drogulus.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import drogulus.dht.Message;
import drogulus.dht.NodeId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code node} process with a 64 MiB heap, flooded from twenty loopback addresses at once: connections opened
 * and abandoned, connections held idle, slow senders stalled in the middle of large frames, huge declared lengths,
 * and pipelined requests for a 200 kB item whose answers are never read. It must stay alive, free of
 * OutOfMemoryError, answer a well-behaved client promptly and still hold what it stored.
 */
@Timeout(120)
class NodeUnderFloodTest {
    private static final double NOW = System.currentTimeMillis() / 1000.0;
    private static final int ADDRESSES = 20;
    private final Random random = new Random(41);
    private final NodeId peer = NodeId.random(random);
    private final List<Socket> held = new ArrayList<>();
    private NodeProcess node;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws IOException {
        for (Socket s : held) {
            s.close();
        }
        if (node != null) {
            node.process().destroyForcibly();
        }
    }

    /** A connection from 127.0.0.(10 + i % 20), so the flood stays within the per-address cap it is not testing. */
    private Socket attacker(int i) throws IOException {
        return connect("127.0.0." + (10 + i % ADDRESSES));
    }

    private Socket connect(String from) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), node.port(), InetAddress.getByName(from), 0);
        s.setSoTimeout(10_000);
        return s;
    }

    private Message ask(Socket s, Message.Request request) throws IOException {
        s.getOutputStream().write(Frames.of(request));
        return TcpTransportTest.readFrame(s.getInputStream());
    }

    @Test
    void shouldStayAliveBoundedAndServingUnderAFlood() throws Exception {
        node = NodeProcess.start(dir, "flooded", List.of("-Xmx64m"), List.of("--rate-per-address", "0",
            "--rate-total", "0"));
        Identity alice = NetNodeTest.identity("alice");
        Item big = alice.signItem("big", "v".repeat(200_000), NOW, -1, Map.of());
        Item small = alice.signItem("small", "kept", NOW, -1, Map.of());
        try (Socket s = connect("127.0.0.2")) {
            assertInstanceOf(Message.Pong.class, ask(s, new Message.Store("a", peer, "0", 1, big)));
            assertInstanceOf(Message.Pong.class, ask(s, new Message.Store("b", peer, "0", 1, small)));
        }

        for (int i = 0; i < 600; i++) {
            attacker(i).close();
        }
        for (int i = 0; i < 300; i++) {
            held.add(attacker(i));
        }
        // More than the heap (and so Netty's direct memory) in frames begun and never finished.
        byte[] partial = new byte[900 * 1024];
        byte[] head = "1000000:".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, partial, 0, head.length);
        for (int i = 0; i < 120; i++) {
            Socket s = attacker(i);
            held.add(s);
            try {
                s.getOutputStream().write(partial);
            } catch (IOException e) {
                // Refused once the budget for frames arriving was spent.
            }
        }
        for (int i = 0; i < 50; i++) {
            try (Socket s = attacker(i)) {
                s.getOutputStream().write("2000000000:".getBytes(StandardCharsets.US_ASCII));
                Message.ErrorReply e = (Message.ErrorReply) TcpTransportTest.readFrame(s.getInputStream());
                assertEquals(4, e.code());
            }
        }
        byte[] one = Frames.of(new Message.FindValue("f", peer, "0", 1, NodeId.of(big.key())));
        byte[] batch = new byte[one.length * 200];
        for (int i = 0; i < 200; i++) {
            System.arraycopy(one, 0, batch, i * one.length, one.length);
        }
        for (int i = 0; i < 20; i++) {
            Socket s = attacker(i);
            held.add(s);
            Thread t = new Thread(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    while (true) {
                        out.write(batch);
                    }
                } catch (IOException e) {
                    // Closed at the end of the test, most likely while blocked.
                }
            });
            t.setDaemon(true);
            t.start();
        }
        Thread.sleep(3_000);

        try (Socket s = connect("127.0.0.2")) {
            s.setSoTimeout(3_000);
            assertInstanceOf(Message.Pong.class, ask(s, new Message.Ping("p", peer, "0", 1)),
                "a well-behaved client is answered within 3 s");
            assertEquals(small, ((Message.Value) ask(s, new Message.FindValue("g", peer, "0", 1,
                NodeId.of(small.key())))).item());
            s.setSoTimeout(10_000);
            assertEquals(big, ((Message.Value) ask(s, new Message.FindValue("h", peer, "0", 1,
                NodeId.of(big.key())))).item());
        }
        assertTrue(node.process().isAlive());
        String log = Files.readString(node.err(), StandardCharsets.UTF_8);
        assertFalse(log.contains("OutOfMemoryError"), log.substring(0, Math.min(log.length(), 4_000)));
        assertFalse(Files.readString(node.out()).contains("OutOfMemoryError"));
    }
}
