package drogulus.crypto;

import drogulus.logos.data.Cost;
import java.io.IOException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * Canonical msgpack for Logos values, the form in which they are hashed, signed and sent (DESIGN.md, "A Logos
 * value travels as msgpack"). Encoding is canonical so that two implementations produce the same bytes:
 * integers in their smallest form, floats always float64 (NaN as 0x7ff8000000000000), strings as str (strict
 * UTF-8), byte arrays as bin, map entries sorted by the unsigned bytes of their encoded keys.
 *
 * <p>Integers from -2^63 to 2^64-1 are msgpack integers (so 2^63 and above are uint64, as msgpack's own
 * implementations write them); beyond that they are ext 4, minimal two's-complement big-endian. Keywords are
 * ext 1 and symbols ext 2 (the UTF-8 name), lists ext 3 (the msgpack array of their items). Besides Logos
 * values, encoding accepts {@code byte[]} (bin), {@code Integer} and {@code Float}, and Java maps and lists
 * (as maps and arrays), for callers such as the item's meta.
 *
 * <p>Decoding gives back an equal Logos value. Logos has no byte type, so bin decodes to a string of
 * lowercase hex. Input that is malformed or hostile (truncated, trailing bytes, lengths beyond the input,
 * nesting deeper than {@value #MAX_DEPTH}, duplicate map keys, invalid UTF-8, unknown ext types) raises a
 * {@link LogosPackException} instead of exhausting memory or the stack.
 */
public final class LogosPack {
    /** The deepest nesting of collections written or read. */
    public static final int MAX_DEPTH = 512;
    /** The largest string, bin or ext payload read from a stream of unknown length. */
    public static final int MAX_PAYLOAD = 16 * 1024 * 1024;

    static final byte EXT_KEYWORD = 1;
    static final byte EXT_SYMBOL = 2;
    static final byte EXT_LIST = 3;
    static final byte EXT_BIG_INTEGER = 4;
    static final byte EXT_SET = 5;

    private LogosPack() {
    }

    /** The canonical msgpack bytes of a Logos value. */
    public static byte[] encode(Object logosValue) {
        return encode(logosValue, null);
    }

    /**
     * The canonical msgpack bytes of a Logos value, charging {@code budget} (if not null) a step for each value
     * and the memory used, so a sandboxed program cannot make a value whose encoding outgrows its limits.
     */
    public static byte[] encode(Object logosValue, Cost budget) {
        PackWriter writer = new PackWriter(64, budget);
        writer.write(logosValue, 0);
        return writer.toByteArray();
    }

    /** The Logos value encoded in exactly these bytes. */
    public static Object decode(byte[] bytes) {
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
            LogosUnpack reader = new LogosUnpack(in, bytes.length);
            Object value = reader.read(0);
            if (in.hasNext()) {
                throw new LogosPackException("Malformed msgpack: " + (bytes.length - in.getTotalReadBytes())
                    + " bytes left over after the value");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw LogosUnpack.wrap(e);
        }
    }

    /** Writes one Logos value canonically. */
    public static void write(MessagePacker out, Object logosValue) throws IOException {
        out.writePayload(encode(logosValue));
    }

    /** Reads one Logos value; see the class comment for what is rejected. */
    public static Object read(MessageUnpacker in) throws IOException {
        try {
            return new LogosUnpack(in, -1).read(0);
        } catch (IOException | RuntimeException e) {
            throw LogosUnpack.wrap(e);
        }
    }
}
