package drogulus.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
}
