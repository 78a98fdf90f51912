package drogulus.net;

import drogulus.crypto.Item;
import drogulus.dht.Message;
import drogulus.dht.MessageCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of {@code value} answers, encoded once per item held and reused for every findvalue that asks for it:
 * only the uuid differs between two answers of a node that carry no id proof, so it is spliced into the bytes the
 * codec made for a marker uuid. A popular item is asked for thousands of times a second, and encoding its public
 * key, signature and value each time was most of the cost of answering.
 *
 * <p>A small table indexed by the item's identity holds the templates; the store hands out the same {@link Item}
 * object for as long as it holds an item, so a replaced item misses and is encoded afresh. Large items are not
 * kept, which bounds the table's memory. Entries are immutable, so event loops share the table without locks (a
 * lost race costs one extra encoding).
 */
final class ValueTemplates {
    private static final int SLOTS = 64;
    /** Items whose answer is larger are encoded each time: copying dominates their cost anyway. */
    private static final int MAX_TEMPLATE = 32 * 1024;
    /** A uuid no peer sends, long enough to be found only where the uuid is. */
    private static final String MARK = "\u0001drogulus: the uuid of a value answer goes here\u0002";
    /** The msgpack of the string "uuid", the field's key. */
    private static final byte[] KEY = {(byte) 0xa4, 'u', 'u', 'i', 'd'};
    private static final byte[] MARK_FIELD = field(MARK);

    private final MessageCodec codec;
    private final Template[] slots = new Template[SLOTS];

    ValueTemplates(MessageCodec codec) {
        this.codec = codec;
    }

    /** The encoded answer before and after its uuid's value, for one item from one node and version. */
    // The arrays never leave this class and are never written after the template is made.
    @SuppressWarnings("ArrayRecordComponent")
    private record Template(Item item, Message.Value shape, byte[] before, byte[] after) {
        boolean fits(Message.Value v) {
            return item == v.item() && shape.node().equals(v.node()) && shape.version().equals(v.version());
        }
    }

    /** Whether {@link #frame} can write this answer from a template. */
    static boolean applies(Message m) {
        return m instanceof Message.Value v && v.proof() == null;
    }

    /** The answer as a whole netstring, as {@code WireCodec.frame(codec.encode(value))} would write it. */
    ByteBuf frame(ByteBufAllocator alloc, Message.Value value) {
        int slot = (System.identityHashCode(value.item()) & Integer.MAX_VALUE) % SLOTS;
        Template t = slots[slot];
        if (t == null || !t.fits(value)) {
            t = template(value);
            if (t == null) {
                return WireCodec.frame(alloc, codec.encode(value));
            }
            slots[slot] = t;
        }
        byte[] uuid = value.uuid().getBytes(StandardCharsets.UTF_8);
        int length = t.before.length + header(uuid.length) + uuid.length + t.after.length;
        String head = length + ":";
        ByteBuf buf = alloc.buffer(head.length() + length + 1);
        buf.writeCharSequence(head, StandardCharsets.US_ASCII);
        buf.writeBytes(t.before);
        writeHeader(buf, uuid.length);
        buf.writeBytes(uuid);
        buf.writeBytes(t.after);
        buf.writeByte(',');
        return buf;
    }

    /** How many templates are held now. */
    int held() {
        int n = 0;
        for (Template t : slots) {
            n += t == null ? 0 : 1;
        }
        return n;
    }

    private Template template(Message.Value value) {
        Message.Value shape = new Message.Value(MARK, value.node(), value.version(), value.item());
        byte[] bytes = codec.encode(shape);
        if (bytes.length > MAX_TEMPLATE) {
            return null;
        }
        int at = indexOf(bytes, MARK_FIELD, 0);
        if (at < 0 || indexOf(bytes, MARK_FIELD, at + 1) >= 0) {
            return null;
        }
        return new Template(value.item(), shape, Arrays.copyOfRange(bytes, 0, at + KEY.length),
            Arrays.copyOfRange(bytes, at + MARK_FIELD.length, bytes.length));
    }

    /** The msgpack of the key "uuid" followed by the string s. */
    private static byte[] field(String s) {
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        ByteBuf buf = Unpooled.buffer();
        buf.writeBytes(KEY);
        writeHeader(buf, text.length);
        buf.writeBytes(text);
        byte[] out = new byte[buf.readableBytes()];
        buf.readBytes(out);
        return out;
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The size of msgpack's smallest str header for n bytes. */
    private static int header(int n) {
        return n < 32 ? 1 : n < 256 ? 2 : n < 65_536 ? 3 : 5;
    }

    private static void writeHeader(ByteBuf buf, int n) {
        if (n < 32) {
            buf.writeByte(0xa0 | n);
        } else if (n < 256) {
            buf.writeByte(0xd9);
            buf.writeByte(n);
        } else if (n < 65_536) {
            buf.writeByte(0xda);
            buf.writeShort(n);
        } else {
            buf.writeByte(0xdb);
            buf.writeInt(n);
        }
    }
}
