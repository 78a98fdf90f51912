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
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connection bounds over real sockets: per-address and total caps refuse the connections over them while other
 * addresses (Linux routes all of 127.0.0.0/8 to loopback) are served, and a peer that pipelines without reading
 * its answers is no longer read from, instead of costing us memory, while everyone else is answered.
 */
@Timeout(60)
class ConnectionBoundsTest {
    private static final double NOW = System.currentTimeMillis() / 1000.0;
    private final NetResources resources = new NetResources(2, 4);
    private final Random random = new Random(31);
    private final NodeId peer = NodeId.random(random);
    private final List<Socket> sockets = new ArrayList<>();
    private NetNode node;

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (node != null) {
            node.close();
        }
        resources.close();
    }

    private void start(NetConfig config) {
        node = new NetNode(NodeId.random(random), "127.0.0.1", 0, NetNodeTest.CONFIG, config, new MemoryStore(),
            resources);
    }

    private Socket from(String address) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), node.bound().getPort(),
            InetAddress.getByName(address), 0);
        s.setSoTimeout(5_000);
        sockets.add(s);
        return s;
    }

    private boolean served(Socket s) throws IOException {
        try {
            s.getOutputStream().write(Frames.of(new Message.Ping("p", peer, "0", 1)));
            return TcpTransportTest.readFrame(s.getInputStream()) instanceof Message.Pong;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean closedUnanswered(Socket s) throws IOException {
        try {
            s.getOutputStream().write(Frames.of(new Message.Ping("p", NodeId.of(new byte[64]), "0", 1)));
            return s.getInputStream().read() == -1;
        } catch (SocketException e) {
            return true;
        }
    }

    @Test
    void shouldRefuseConnectionsOverTheCapsAndServeOtherAddresses() throws Exception {
        start(new NetConfig(2_000, 5, 3, 16, 5_000, 60_000, 500));
        for (int i = 0; i < 3; i++) {
            assertTrue(served(from("127.0.0.1")), "connection " + i + " is within the per-address cap");
        }
        assertTrue(closedUnanswered(from("127.0.0.1")), "a fourth from the same address is refused");
        assertTrue(served(from("127.0.0.2")), "another address is still served");
        assertTrue(served(from("127.0.0.2")), "five in all");
        assertTrue(closedUnanswered(from("127.0.0.3")), "a sixth is over the total cap, whatever its address");

        sockets.get(0).close();
        long deadline = System.currentTimeMillis() + 5_000;
        while (node.transport().openConnections() > 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(served(from("127.0.0.1")), "a closed connection gives its place back");
    }

    @Test
    void shouldStopReadingAPeerThatNeverReadsItsAnswers() throws Exception {
        start(new NetConfig(2_000, 64, 32, 16, 5_000, 60_000, 500));
        Identity alice = NetNodeTest.identity("alice");
        Item big = alice.signItem("big", "v".repeat(16_000), NOW, -1, Map.of());
        Socket writer = from("127.0.0.1");
        writer.getOutputStream().write(Frames.of(new Message.Store("s", peer, "0", 1, big)));
        assertInstanceOf(Message.Pong.class, TcpTransportTest.readFrame(writer.getInputStream()));

        // 64 MB of findvalue requests, each answered with 16 kB: far more than socket buffers hold.
        Socket flooder = from("127.0.0.1");
        flooder.setSendBufferSize(32 * 1024);
        byte[] one = Frames.of(new Message.FindValue("f", peer, "0", 1, NodeId.of(big.key())));
        byte[] batch = new byte[one.length * 1_000];
        for (int i = 0; i < 1_000; i++) {
            System.arraycopy(one, 0, batch, i * one.length, one.length);
        }
        long total = 64L * 1024 * 1024 / batch.length * batch.length;
        AtomicLong sent = new AtomicLong();
        Thread flood = new Thread(() -> {
            try {
                OutputStream out = flooder.getOutputStream();
                while (sent.get() < total) {
                    out.write(batch);
                    sent.addAndGet(batch.length);
                }
            } catch (IOException e) {
                // Closed at the end of the test while blocked: the point of it.
            }
        });
        flood.setDaemon(true);
        flood.start();

        long last = -1;
        long deadline = System.currentTimeMillis() + 20_000;
        while (sent.get() != last && System.currentTimeMillis() < deadline) {
            last = sent.get();
            Thread.sleep(1_000);
        }
        assertTrue(sent.get() < total, "the node stopped reading: " + sent.get() + " of " + total + " bytes taken");
        long unsent = node.transport().unsentBytes();
        assertTrue(unsent < 2 * 1024 * 1024, "answers held for the peer are bounded: " + unsent + " bytes");

        Socket other = from("127.0.0.2");
        other.setSoTimeout(2_000);
        assertTrue(served(other), "another peer is answered promptly");
        other.getOutputStream().write(Frames.of(new Message.FindValue("g", peer, "0", 1, NodeId.of(big.key()))));
        assertEquals(big, ((Message.Value) TcpTransportTest.readFrame(other.getInputStream())).item());

        InputStream in = flooder.getInputStream();
        for (int i = 0; i < 200; i++) {
            Message m = TcpTransportTest.readFrame(in);
            assertInstanceOf(Message.Value.class, m, "the flooder's answers resume once it reads");
            assertEquals("f", m.uuid());
        }
    }
}
