package drogulus.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.Version;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** A real node on a real socket, fed what a hostile peer might send; it answers or closes, and keeps serving. */
@Timeout(60)
class HostileInputTest {
    /** Now: a node refuses items stamped more than a few minutes in the future. */
    private static final double NOW = System.currentTimeMillis() / 1000.0;
    private final NetResources resources = new NetResources(2, 4);
    private final Random random = new Random(21);
    private final NodeId peer = NodeId.random(random);
    private final Identity alice = NetNodeTest.identity("alice");
    private NetNode node;
    private Item kept;

    @BeforeEach
    void start() throws IOException {
        node = new NetNode(NodeId.random(random), "127.0.0.1", 0, NetNodeTest.CONFIG,
            new NetConfig(2_000, 256, 32, 16, 500, 60_000, 500), new MemoryStore(), resources);
        kept = alice.signItem("kept", "precious", NOW, -1, Map.of());
        try (Socket s = socket()) {
            s.getOutputStream().write(Frames.of(new Message.Store("k", peer, "0", 1, kept)));
            assertInstanceOf(Message.Pong.class, TcpTransportTest.readFrame(s.getInputStream()));
        }
    }

    @AfterEach
    void stop() throws IOException {
        try (Socket s = socket()) {
            s.getOutputStream().write(Frames.of(new Message.FindValue("after", peer, "0", 1,
                NodeId.of(kept.key()))));
            Message m = TcpTransportTest.readFrame(s.getInputStream());
            assertInstanceOf(Message.Value.class, m, "the node still serves and still holds what it stored");
        } finally {
            node.close();
            resources.close();
        }
    }

    private Socket socket() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), node.bound().getPort());
        s.setSoTimeout(10_000);
        return s;
    }

    /** Sends the bytes, then reads the error answered and checks the connection is closed after it. */
    private int errorThenClosed(byte[] bytes) throws IOException {
        try (Socket s = socket()) {
            try {
                s.getOutputStream().write(bytes);
            } catch (SocketException e) {
                return -1;
            }
            InputStream in = s.getInputStream();
            Message.ErrorReply e = (Message.ErrorReply) TcpTransportTest.readFrame(in);
            assertEquals(-1, readOrReset(in), "closed after the error");
            return e.code();
        }
    }

    private static int readOrReset(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException e) {
            return -1;
        }
    }

    @Test
    void shouldAnswerAndCloseOnRandomBytes() throws IOException {
        for (int round = 0; round < 20; round++) {
            byte[] junk = new byte[1 + random.nextInt(2_000)];
            random.nextBytes(junk);
            junk[0] = (byte) ('a' + random.nextInt(20));
            assertEquals(1, errorThenClosed(junk));
        }
    }

    @Test
    void shouldRefuseATwoGigabyteFrameWithoutReadingIt() throws IOException {
        assertEquals(4, errorThenClosed("2147483647:".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(4, errorThenClosed("99999999999999999999:xx".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void shouldCloseATruncatedFrameThatStalls() throws IOException {
        byte[] frame = Frames.of(new Message.Ping("t", peer, "0", 1));
        byte[] half = java.util.Arrays.copyOf(frame, frame.length / 2);
        assertEquals(1, errorThenClosed(half));
    }

    /** The fields of each request type, valid. */
    private Map<String, Map<String, Object>> requests() {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        for (String type : List.of("ping", "findnode", "findvalue")) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("message", type);
            f.put("uuid", "u-" + type);
            f.put("node", peer.hex());
            f.put("version", "0");
            f.put("port", 1908L);
            if (!type.equals("ping")) {
                f.put("key", NodeId.random(random).toBytes());
            }
            all.put(type, f);
        }
        return all;
    }

    private static byte[] pack(Map<String, Object> fields) throws IOException {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(fields.size());
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                p.packString(e.getKey());
                Object v = e.getValue();
                if (v instanceof String s) {
                    p.packString(s);
                } else if (v instanceof Long n) {
                    p.packLong(n);
                } else if (v instanceof byte[] b) {
                    p.packBinaryHeader(b.length).writePayload(b);
                } else if (v instanceof Double d) {
                    p.packDouble(d);
                } else if (v instanceof Boolean b) {
                    p.packBoolean(b);
                } else {
                    p.packNil();
                }
            }
            return p.toByteArray();
        }
    }

    @Test
    void shouldAnswerBadRequestForAWrongTypeInEveryFieldAndKeepTheConnection() throws IOException {
        List<Object> wrongs = List.of(42L, "text", new byte[3], 1.5, true, new Object());
        try (Socket s = socket()) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (Map<String, Object> valid : requests().values()) {
                for (String field : valid.keySet()) {
                    for (Object wrong : wrongs) {
                        Object right = valid.get(field);
                        if (right.getClass().equals(wrong.getClass()) && !field.equals("node")
                            && !field.equals("key") && !field.equals("message")) {
                            continue;
                        }
                        Map<String, Object> bad = new LinkedHashMap<>(valid);
                        bad.put(field, wrong);
                        out.write(Frames.netstring(pack(bad)));
                        Message m = TcpTransportTest.readFrame(in);
                        assertInstanceOf(Message.ErrorReply.class, m, field + " = " + wrong);
                        int code = ((Message.ErrorReply) m).code();
                        assertTrue(code == 1 || (field.equals("message") && code == 2), field + ": " + code);
                    }
                }
            }
            out.write(Frames.of(new Message.Ping("still", peer, "0", 1)));
            assertEquals("still", TcpTransportTest.readFrame(in).uuid(), "the connection still serves");
        }
    }

    @Test
    void shouldRefuseIdsOfTheWrongLength() throws IOException {
        try (Socket s = socket()) {
            Map<String, Object> f = requests().get("findvalue");
            f.put("key", new byte[63]);
            s.getOutputStream().write(Frames.netstring(pack(f)));
            assertEquals(1, ((Message.ErrorReply) TcpTransportTest.readFrame(s.getInputStream())).code());
            f = requests().get("ping");
            f.put("node", peer.hex().substring(2));
            s.getOutputStream().write(Frames.netstring(pack(f)));
            assertEquals(1, ((Message.ErrorReply) TcpTransportTest.readFrame(s.getInputStream())).code());
        }
    }

    @Test
    void shouldRefuseAValueWhoseSignatureFails() throws IOException {
        Item good = alice.signItem("forged", "original", NOW, -1, Map.of());
        Item forged = new Item(good.key(), "changed", good.timestamp(), good.expires(), good.name(), good.meta(),
            good.createdWith(), good.publicKey(), good.sig());
        try (Socket s = socket()) {
            s.getOutputStream().write(Frames.of(new Message.Store("f", peer, "0", 1, forged)));
            assertEquals(6, ((Message.ErrorReply) TcpTransportTest.readFrame(s.getInputStream())).code());
            s.getOutputStream().write(Frames.of(new Message.FindValue("g", peer, "0", 1, NodeId.of(good.key()))));
            assertInstanceOf(Message.Nodes.class, TcpTransportTest.readFrame(s.getInputStream()), "nothing stored");
        }
    }

    @Test
    void shouldSurviveAFloodOfAbandonedConnections() throws IOException {
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                try {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), node.bound().getPort());
                    s.getOutputStream().write("12:".getBytes(StandardCharsets.US_ASCII));
                    flood.add(s);
                } catch (IOException e) {
                    break;
                }
            }
            assertTrue(node.node().isRunning());
        } finally {
            for (Socket s : flood) {
                s.close();
            }
        }
        long deadline = System.currentTimeMillis() + 5_000;
        TcpTransport transport = transportOf(node);
        while (transport.openConnections() > 0 && System.currentTimeMillis() < deadline) {
            sleep(10);
        }
        assertEquals(0, transport.openConnections(), "abandoned connections are all released");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TcpTransport transportOf(NetNode n) {
        return n.transport();
    }

    @Test
    void shouldNotBeBrokenByAPeerAnsweringWithThousandsOfBogusContacts() throws Exception {
        TcpTransport liar = new TcpTransport(NodeId.random(random), Version.getVersion(), "127.0.0.1", 0,
            NetNodeTest.NET, resources);
        List<drogulus.dht.Contact> bogus = new ArrayList<>();
        bogus.add(new drogulus.dht.Contact(node.id(), "127.0.0.1", node.bound().getPort(), "0"));
        for (int i = 0; i < 3_000; i++) {
            bogus.add(new drogulus.dht.Contact(NodeId.random(random), i % 2 == 0 ? "0.0.0.0" : "203.0.113." + (i % 250),
                i % 65_536, "0"));
        }
        NodeId liarId = NodeId.random(random);
        liar.listen((r, from) -> java.util.concurrent.CompletableFuture.completedFuture(
            new Message.Nodes(r.uuid(), liarId, "0", bogus))).join();
        try {
            Object outcome = node.node().join(List.of("127.0.0.1:" + liar.port())).handle((n, e) -> e == null ? n
                : e.getCause()).join();
            assertTrue(outcome instanceof Integer || outcome instanceof drogulus.dht.DhtException, String.valueOf(
                outcome));
            for (drogulus.dht.Contact c : node.node().routingTable().contacts()) {
                assertTrue(!c.id().equals(node.id()) && !c.address().equals("0.0.0.0")
                    && !c.address().startsWith("203.0.113."), "only peers that answered join the table: " + c);
            }
        } finally {
            liar.close().join();
        }
    }
}
