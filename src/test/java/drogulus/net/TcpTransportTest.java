package drogulus.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.dht.DhtException;
import drogulus.dht.Message;
import drogulus.dht.NodeId;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TcpTransportTest {
    private final NodeId serverId = NodeId.random(new Random(1));
    private final NodeId clientId = NodeId.random(new Random(2));
    private final NetResources resources = new NetResources(1, 2);
    private final NetConfig config = new NetConfig(1_000, 64, 3, 128, 300, 60_000, 200);
    private final List<TcpTransport> opened = new ArrayList<>();

    @AfterEach
    void stop() {
        for (TcpTransport t : opened) {
            t.close().join();
        }
        resources.close();
    }

    private TcpTransport transport(NodeId id) {
        TcpTransport t = new TcpTransport(id, "0.1", "127.0.0.1", 0, config, resources);
        opened.add(t);
        return t;
    }

    private TcpTransport pongServer() {
        TcpTransport server = transport(serverId);
        InetSocketAddress at = server.listen((r, from) ->
            CompletableFuture.completedFuture(new Message.Pong(r.uuid(), serverId, "0.1"))).join();
        assertEquals(server.port(), at.getPort());
        assertTrue(at.getPort() > 0, "port 0 binds a real port, known once bound");
        return server;
    }

    private Message.Ping ping(String uuid) {
        return new Message.Ping(uuid, clientId, "0.1", 1);
    }

    @Test
    void shouldCarryManyRequestsOverOnePooledConnection() {
        TcpTransport server = pongServer();
        TcpTransport client = transport(clientId);
        List<CompletableFuture<Message>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(client.send("127.0.0.1", server.port(), ping("u" + i)));
        }
        for (int i = 0; i < 50; i++) {
            assertEquals("u" + i, all.get(i).join().uuid());
        }
        assertEquals(1, server.openConnections());
    }

    @Test
    void shouldTimeOutASilentPeerAndForgetTheRequest() {
        TcpTransport server = transport(serverId);
        server.listen((r, from) -> new CompletableFuture<>()).join();
        TcpTransport client = transport(clientId);
        CompletableFuture<Message> f = client.send("127.0.0.1", server.port(), ping("slow"));
        CompletionException e = assertThrows(CompletionException.class, f::join);
        assertInstanceOf(DhtException.Timeout.class, e.getCause());
        CompletableFuture<Message> again = client.send("127.0.0.1", server.port(), ping("slow"));
        again.cancel(false);
        CompletableFuture<Message> third = client.send("127.0.0.1", server.port(), ping("slow"));
        assertInstanceOf(DhtException.Timeout.class, assertThrows(CompletionException.class, third::join).getCause(),
            "a cancelled or timed-out uuid is free for reuse");
    }

    @Test
    void shouldFreeATimedOutUuidBeforeTheCallerHearsOfTheTimeout() {
        NetConfig quick = new NetConfig(15, 64, 3, 128, 300, 60_000, 200);
        TcpTransport server = transport(serverId);
        server.listen((r, from) -> new CompletableFuture<>()).join();
        TcpTransport client = new TcpTransport(clientId, "0.1", "127.0.0.1", 0, quick, resources);
        opened.add(client);
        // The race was lost in about one attempt of sixty.
        for (int i = 0; i < 150; i++) {
            CompletableFuture<Message> f = client.send("127.0.0.1", server.port(), ping("same"));
            Throwable cause = assertThrows(CompletionException.class, f::join).getCause();
            assertInstanceOf(DhtException.Timeout.class, cause, "attempt " + i + ": " + cause.getMessage());
        }
    }

    @Test
    void shouldFailAtOnceWhenNobodyListens() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CompletableFuture<Message> f = transport(clientId).send("127.0.0.1", port, ping("x"));
        CompletionException e = assertThrows(CompletionException.class, f::join);
        assertTrue(e.getCause().getMessage().contains("Could not reach"), e.getCause().getMessage());
    }

    @Test
    void shouldFailWhatIsWaitingWhenClosed() {
        TcpTransport server = transport(serverId);
        server.listen((r, from) -> new CompletableFuture<>()).join();
        TcpTransport client = transport(clientId);
        CompletableFuture<Message> f = client.send("127.0.0.1", server.port(), ping("w"));
        client.close().join();
        CompletionException e = assertThrows(CompletionException.class, f::join);
        assertInstanceOf(DhtException.class, e.getCause());
        assertTrue(!(e.getCause() instanceof DhtException.Timeout), "closing fails the request before its timeout");
    }

    @Test
    void shouldFailToListenOnAPortInUse() {
        TcpTransport server = pongServer();
        TcpTransport second = new TcpTransport(serverId, "0.1", "127.0.0.1", server.port(), config, resources);
        CompletionException e = assertThrows(CompletionException.class,
            () -> second.listen((r, from) -> new CompletableFuture<>()).join());
        assertTrue(e.getCause().getMessage().startsWith("Could not listen on 127.0.0.1:" + server.port()));
    }

    @Test
    void shouldRefuseConnectionsOverThePerAddressLimit() throws Exception {
        TcpTransport server = pongServer();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                sockets.add(new Socket(java.net.InetAddress.getLoopbackAddress(), server.port()));
            }
            Socket fourth = sockets.get(3);
            fourth.setSoTimeout(5_000);
            assertEquals(-1, fourth.getInputStream().read(), "the fourth connection from one address is closed");
            Socket first = sockets.get(0);
            first.setSoTimeout(5_000);
            first.getOutputStream().write(Frames.of(ping("ok")));
            assertEquals("ok", readFrame(first.getInputStream()).uuid());
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void shouldCloseAConnectionThatStallsMidFrame() throws Exception {
        TcpTransport server = pongServer();
        try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write("100:abc".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Message.ErrorReply e = (Message.ErrorReply) readFrame(s.getInputStream());
            assertEquals(1, e.code());
            assertEquals(-1, s.getInputStream().read());
        }
    }

    static Message readFrame(InputStream in) throws java.io.IOException {
        StringBuilder digits = new StringBuilder();
        int c;
        while ((c = in.read()) != ':') {
            if (c < 0) {
                throw new java.io.EOFException("closed before a frame");
            }
            digits.append((char) c);
        }
        byte[] payload = in.readNBytes(Integer.parseInt(digits.toString()));
        byte[] frame = new byte[payload.length + digits.length() + 2];
        byte[] head = (digits + ":").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(payload, 0, frame, head.length, payload.length);
        frame[frame.length - 1] = (byte) in.read();
        return Frames.decode(frame);
    }
}
