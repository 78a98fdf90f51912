package drogulus.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.dht.ErrorCode;
import drogulus.dht.Message;
import drogulus.dht.MessageCodec;
import drogulus.dht.NodeId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

class WireCodecTest {
    private final NodeId id = NodeId.random(new Random(4));

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new NetstringDecoder(MessageCodec.MAX_PAYLOAD, 0),
            new WireCodec(new MessageCodec()));
    }

    @Test
    void shouldDecodeMessagesSplitAcrossReads() {
        EmbeddedChannel ch = channel();
        Message ping = new Message.Ping("u1", id, "0.1", 1908);
        byte[] frame = Frames.of(ping);
        for (byte b : frame) {
            ch.writeInbound(Frames.buf(new byte[] {b}));
        }
        assertEquals(ping, ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void shouldEncodeAMessageAsOneNetstring() {
        EmbeddedChannel ch = channel();
        Message pong = new Message.Pong("u1", id, "0.1");
        ch.writeOutbound(pong);
        ByteBuf out = ch.readOutbound();
        assertEquals(pong, Frames.decode(ByteBufUtil.getBytes(out)));
        out.release();
        assertFalse(ch.finish());
    }

    @Test
    void shouldTurnAMalformedPayloadIntoARejectionAndGoOn() throws IOException {
        EmbeddedChannel ch = channel();
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packMapHeader(5).packString("message").packString("ping").packString("uuid").packString("u9")
            .packString("node").packString("not hex").packString("version").packString("0")
            .packString("port").packInt(1);
        ch.writeInbound(Frames.buf(Frames.netstring(p.toByteArray()), Frames.of(new Message.Ping("u2", id, "0", 1))));
        Rejected r = ch.readInbound();
        assertEquals(ErrorCode.BAD_REQUEST, r.code());
        assertEquals("u9", r.uuid());
        assertEquals(new Message.Ping("u2", id, "0", 1), ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void shouldRejectAnUnknownTypeWithCodeTwo() throws IOException {
        EmbeddedChannel ch = channel();
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packMapHeader(4).packString("message").packString("gossip").packString("uuid").packString("u3")
            .packString("node").packString(id.hex()).packString("version").packString("0");
        ch.writeInbound(Frames.buf(Frames.netstring(p.toByteArray())));
        Rejected r = ch.readInbound();
        assertEquals(ErrorCode.UNKNOWN_REQUEST, r.code());
        assertEquals("u3", r.uuid());
        assertFalse(ch.finish());
    }

    @Test
    void shouldRejectBytesThatAreNotMsgpack() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Frames.buf(Frames.netstring(new byte[] {(byte) 0xc1, 1, 2, 3})));
        Rejected r = ch.readInbound();
        assertEquals(ErrorCode.BAD_REQUEST, r.code());
        assertFalse(ch.finish());
    }

    @Test
    void shouldRejectAStringThatIsNotUtf8() throws IOException {
        EmbeddedChannel ch = channel();
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packMapHeader(5).packString("message").packRawStringHeader(4).writePayload(new byte[] {'p', 'i', (byte) 0xff,
            'g'});
        p.packString("uuid").packString("u5").packString("node").packString(id.hex()).packString("version")
            .packString("0").packString("port").packInt(1);
        ch.writeInbound(Frames.buf(Frames.netstring(p.toByteArray())));
        Rejected r = ch.readInbound();
        assertEquals(ErrorCode.BAD_REQUEST, r.code());
        assertFalse(ch.finish());
    }

    @Test
    void shouldWriteValueAnswersFromTemplatesExactlyAsTheCodecDoes() {
        MessageCodec codec = new MessageCodec();
        ValueTemplates templates = new ValueTemplates(codec);
        drogulus.crypto.Item item = NetNodeTest.identity("alice").signItem("t", "templated", 1_700_000_000.0, -1,
            java.util.Map.of("k", "v"));
        drogulus.crypto.Item other = NetNodeTest.identity("alice").signItem("t", "newer", 1_700_000_001.0, -1,
            java.util.Map.of());
        NodeId otherNode = NodeId.random(new Random(5));
        String[] uuids = {"", "u", "x".repeat(31), "y".repeat(32), "z".repeat(255), "w".repeat(256),
            "é".repeat(70_000), "\u0001drogulus: the uuid of a value answer goes here\u0002"};
        for (String uuid : uuids) {
            for (Message.Value v : java.util.List.of(new Message.Value(uuid, id, "0.1", item),
                new Message.Value(uuid, otherNode, "0.1", item), new Message.Value(uuid, id, "0.2", item),
                new Message.Value(uuid, id, "0.1", other))) {
                ByteBuf out = templates.frame(io.netty.buffer.UnpooledByteBufAllocator.DEFAULT, v);
                assertEquals(java.util.Arrays.toString(Frames.netstring(codec.encode(v))),
                    java.util.Arrays.toString(ByteBufUtil.getBytes(out)), "uuid of " + uuid.length() + " chars");
                out.release();
            }
        }
        assertTrue(templates.held() >= 1, "the answers were written from templates");
    }
}
