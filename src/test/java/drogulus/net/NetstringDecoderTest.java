package drogulus.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NetstringDecoderTest {
    private static final int LIMIT = 1 << 20;

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new NetstringDecoder(LIMIT, 0));
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }

    private static String read(EmbeddedChannel ch) {
        ByteBuf b = ch.readInbound();
        try {
            return b.toString(StandardCharsets.ISO_8859_1);
        } finally {
            b.release();
        }
    }

    @Test
    void shouldSplitFramesFedInPieces() {
        EmbeddedChannel ch = channel();
        String stream = "5:hello,0:,3:abc,";
        for (int i = 0; i < stream.length(); i++) {
            ch.writeInbound(bytes(stream.substring(i, i + 1)));
        }
        assertEquals("hello", read(ch));
        assertEquals("", read(ch));
        assertEquals("abc", read(ch));
        assertFalse(ch.finish());
    }

    @Test
    void shouldSplitSeveralFramesArrivingTogether() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(bytes("2:ab,2:cd,1:"));
        assertEquals("ab", read(ch));
        assertEquals("cd", read(ch));
        assertNull(ch.readInbound());
        ch.writeInbound(bytes("e,"));
        assertEquals("e", read(ch));
        assertFalse(ch.finish());
    }

    @Test
    void shouldRefuseAnOversizedLengthBeforeItsBodyArrives() {
        EmbeddedChannel ch = channel();
        TooLongFrameException e = assertThrows(TooLongFrameException.class, () -> ch.writeInbound(bytes("2147483648")));
        assertEquals("a message of more than 1048576 bytes was announced; the limit is 1048576", e.getMessage());
        ch.writeInbound(bytes(":" + "x".repeat(1000)));
        assertNull(ch.readInbound(), "nothing after the error is read");
        assertFalse(ch.finish());
    }

    @Test
    void shouldAcceptAFrameOfExactlyTheLimit() {
        EmbeddedChannel ch = channel();
        byte[] body = new byte[LIMIT];
        ch.writeInbound(bytes(LIMIT + ":"));
        ch.writeInbound(Unpooled.wrappedBuffer(body));
        ch.writeInbound(bytes(","));
        ByteBuf b = ch.readInbound();
        assertArrayEquals(body, ByteBufUtil.getBytes(b));
        b.release();
        assertFalse(ch.finish());
    }

    @Test
    void shouldRefuseANonDigitLength() {
        assertThrows(CorruptedFrameException.class, () -> channel().writeInbound(bytes("12a:")));
        assertThrows(CorruptedFrameException.class, () -> channel().writeInbound(bytes("-1:")));
        assertThrows(CorruptedFrameException.class, () -> channel().writeInbound(bytes(":abc,")));
        assertThrows(CorruptedFrameException.class, () -> channel().writeInbound(bytes("00000000001:")));
    }

    @Test
    void shouldRefuseAPayloadNotEndedByAComma() {
        EmbeddedChannel ch = channel();
        CorruptedFrameException e = assertThrows(CorruptedFrameException.class, () -> ch.writeInbound(bytes("3:abc;")));
        assertEquals("a netstring's payload of 3 bytes must be followed by ','", e.getMessage());
        ch.writeInbound(bytes("1:a,"));
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void shouldGiveUpOnAFrameThatStalls() {
        EmbeddedChannel ch = new EmbeddedChannel(new NetstringDecoder(LIMIT, 50));
        ch.writeInbound(bytes("10:abc"));
        ch.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        Exception e = assertThrows(CorruptedFrameException.class, ch::checkException);
        assertInstanceOf(NetstringDecoder.StalledFrameException.class, e);
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldNotTimeOutAnIdleConnectionBetweenFrames() {
        EmbeddedChannel ch = new EmbeddedChannel(new NetstringDecoder(LIMIT, 50));
        ch.writeInbound(bytes("1:a,"));
        assertEquals("a", read(ch));
        ch.advanceTimeBy(1_000, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        ch.checkException();
        assertFalse(ch.finish());
    }

    @Test
    void shouldRefuseAFrameArrivingWhenOthersArrivingHoldTheWholeBudget() {
        FrameBudget budget = new FrameBudget(1_000);
        EmbeddedChannel first = new EmbeddedChannel(new NetstringDecoder(LIMIT, 0, budget));
        first.writeInbound(bytes("600:abc"));
        assertEquals(601, budget.used(), "a frame that did not arrive whole reserves its length");
        EmbeddedChannel second = new EmbeddedChannel(new NetstringDecoder(LIMIT, 0, budget));
        assertThrows(TooLongFrameException.class, () -> second.writeInbound(bytes("600:abc")));
        assertFalse(second.finish());
        EmbeddedChannel whole = new EmbeddedChannel(new NetstringDecoder(LIMIT, 0, budget));
        whole.writeInbound(bytes("5:hello,"));
        assertEquals("hello", read(whole), "a frame that arrives whole needs no budget");

        first.writeInbound(bytes("x".repeat(597) + ","));
        assertEquals(600, read(first).length());
        assertEquals(0, budget.used(), "a complete frame gives its reservation back");
        EmbeddedChannel third = new EmbeddedChannel(new NetstringDecoder(LIMIT, 0, budget));
        third.writeInbound(bytes("900:abc"));
        assertEquals(901, budget.used());
        third.close().syncUninterruptibly();
        assertEquals(0, budget.used(), "so does a connection that closes in the middle of one");
        assertFalse(first.finish());
        assertFalse(whole.finish());
    }
}
