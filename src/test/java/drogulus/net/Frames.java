package drogulus.net;

import drogulus.dht.Message;
import drogulus.dht.MessageCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** Netstrings for tests, built by hand from DESIGN.md rather than by the code under test. */
final class Frames {
    private static final MessageCodec CODEC = new MessageCodec();

    private Frames() {
    }

    static byte[] netstring(byte[] payload) {
        byte[] head = (payload.length + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + payload.length + 1];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(payload, 0, out, head.length, payload.length);
        out[out.length - 1] = ',';
        return out;
    }

    static byte[] of(Message m) {
        return netstring(CODEC.encode(m));
    }

    static ByteBuf buf(byte[]... parts) {
        return Unpooled.wrappedBuffer(parts);
    }

    /** Decodes one netstring's payload from the start of the bytes. */
    static Message decode(byte[] frame) {
        int colon = 0;
        while (frame[colon] != ':') {
            colon++;
        }
        int length = Integer.parseInt(new String(frame, 0, colon, StandardCharsets.US_ASCII));
        byte[] payload = new byte[length];
        System.arraycopy(frame, colon + 1, payload, 0, length);
        if (frame[colon + 1 + length] != ',') {
            throw new IllegalStateException("no comma after the payload");
        }
        return CODEC.decode(payload);
    }
}
