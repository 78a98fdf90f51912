package drogulus.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.dht.Message;
import drogulus.dht.MessageCodec;
import drogulus.dht.NodeId;
import drogulus.dht.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RequestDispatcherTest {
    private final NodeId self = NodeId.random(new Random(1));
    private final NodeId peer = NodeId.random(new Random(2));
    private final NetResources resources = new NetResources(1, 2);
    private final TcpTransport transport = new TcpTransport(self, "0.1", "127.0.0.1", 0, NetConfig.defaults(),
        resources);

    @AfterEach
    void stop() {
        resources.close();
    }

    private EmbeddedChannel channel(Transport.RequestHandler handler, int maxInFlight) {
        return new EmbeddedChannel(new NetstringDecoder(MessageCodec.MAX_PAYLOAD, 0),
            new WireCodec(new MessageCodec()), new RequestDispatcher(handler, transport, maxInFlight));
    }

    private static Transport.RequestHandler pong(NodeId self) {
        return (r, from) -> CompletableFuture.completedFuture(new Message.Pong(r.uuid(), self, "0.1"));
    }

    /** Runs the channel's tasks until {@code n} answers were written, and returns them. */
    private static List<Message> answers(EmbeddedChannel ch, int n) throws InterruptedException {
        List<Message> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (out.size() < n && System.currentTimeMillis() < deadline) {
            ch.runPendingTasks();
            ByteBuf b = ch.readOutbound();
            if (b == null) {
                Thread.sleep(2);
                continue;
            }
            out.add(Frames.decode(ByteBufUtil.getBytes(b)));
            b.release();
        }
        return out;
    }

    @Test
    void shouldAnswerPipelinedRequestsEachWithItsUuid() throws Exception {
        EmbeddedChannel ch = channel(pong(self), 128);
        ch.writeInbound(Frames.buf(Frames.of(new Message.Ping("a", peer, "0", 1)),
            Frames.of(new Message.Ping("b", peer, "0", 1)), Frames.of(new Message.Ping("c", peer, "0", 1))));
        Set<String> uuids = new HashSet<>();
        for (Message m : answers(ch, 3)) {
            assertTrue(m instanceof Message.Pong);
            uuids.add(m.uuid());
        }
        assertEquals(Set.of("a", "b", "c"), uuids);
        assertTrue(ch.isOpen());
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldAnswerTooBigAndCloseOnAHugeDeclaredLength() throws Exception {
        EmbeddedChannel ch = channel(pong(self), 128);
        ch.writeInbound(Frames.buf("2000000000:".getBytes(StandardCharsets.US_ASCII)));
        Message.ErrorReply e = (Message.ErrorReply) answers(ch, 1).get(0);
        assertEquals(4, e.code());
        assertFalse(ch.isOpen());
    }

    @Test
    void shouldAnswerBadRequestAndCloseOnBrokenFraming() throws Exception {
        EmbeddedChannel ch = channel(pong(self), 128);
        ch.writeInbound(Frames.buf("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII)));
        Message.ErrorReply e = (Message.ErrorReply) answers(ch, 1).get(0);
        assertEquals(1, e.code());
        assertFalse(ch.isOpen());
    }

    @Test
    void shouldAnswerAnAnswerWithUnknownRequestAndGoOn() throws Exception {
        EmbeddedChannel ch = channel(pong(self), 128);
        ch.writeInbound(Frames.buf(Frames.of(new Message.Pong("p", peer, "0")),
            Frames.of(new Message.Ping("q", peer, "0", 1))));
        List<Message> got = answers(ch, 2);
        assertEquals(2, ((Message.ErrorReply) got.get(0)).code());
        assertEquals("p", got.get(0).uuid());
        assertEquals("q", got.get(1).uuid());
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldStopReadingAtTheInFlightCap() throws Exception {
        List<CompletableFuture<Message>> held = new CopyOnWriteArrayList<>();
        EmbeddedChannel ch = channel((r, from) -> {
            CompletableFuture<Message> f = new CompletableFuture<>();
            held.add(f);
            return f.thenApply(m -> new Message.Pong(r.uuid(), self, "0"));
        }, 2);
        for (int i = 0; i < 5; i++) {
            ch.writeInbound(Frames.buf(Frames.of(new Message.Ping("r" + i, peer, "0", 1))));
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (held.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
        Thread.sleep(50);
        assertEquals(2, held.size(), "only two requests are handled at once");
        assertFalse(ch.config().isAutoRead());
        held.get(0).complete(null);
        assertEquals(1, answers(ch, 1).size());
        while (held.size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(3, held.size(), "a finished request lets the next waiting one in");
        for (int i = 1; i < 5; i++) {
            while (held.size() <= i && System.currentTimeMillis() < deadline) {
                ch.runPendingTasks();
                Thread.sleep(2);
            }
            held.get(i).complete(null);
        }
        assertEquals(4, answers(ch, 4).size());
        assertTrue(ch.config().isAutoRead());
        assertNull(ch.readOutbound());
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldGiveTheHandlerTheSourceAddress() throws Exception {
        List<java.net.InetAddress> from = new CopyOnWriteArrayList<>();
        EmbeddedChannel ch = channel((r, a) -> {
            from.add(a);
            return CompletableFuture.completedFuture(null);
        }, 4);
        ch.writeInbound(Frames.buf(Frames.of(new Message.Ping("s", peer, "0", 1))));
        long deadline = System.currentTimeMillis() + 5_000;
        while (from.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
        assertTrue(from.get(0).isLoopbackAddress());
        ch.runPendingTasks();
        assertNull(ch.readOutbound(), "a null answer sends nothing");
        ch.finishAndReleaseAll();
    }
}
