package drogulus.crypto;

import drogulus.logos.Keyword;
import drogulus.logos.LList;
import drogulus.logos.LMap;
import drogulus.logos.LVector;
import drogulus.logos.Printer;
import drogulus.logos.Symbol;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
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

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private LogosPack() {
    }

    /** The canonical msgpack bytes of a Logos value. */
    public static byte[] encode(Object logosValue) {
        MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
        try {
            write(packer, logosValue, 0);
            packer.close();
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
        return packer.toByteArray();
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
        write(out, logosValue, 0);
    }

    /** Reads one Logos value; see the class comment for what is rejected. */
    public static Object read(MessageUnpacker in) throws IOException {
        try {
            return new LogosUnpack(in, -1).read(0);
        } catch (IOException | RuntimeException e) {
            throw LogosUnpack.wrap(e);
        }
    }

    private static void write(MessagePacker out, Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new LogosPackException("Can't encode a value nested more than " + MAX_DEPTH + " deep");
        }
        if (value == null) {
            out.packNil();
        } else if (value instanceof Boolean b) {
            out.packBoolean(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
            || value instanceof Byte) {
            out.packLong(((Number) value).longValue());
        } else if (value instanceof BigInteger n) {
            writeInteger(out, n);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.packDouble(Double.isNaN(d) ? Double.NaN : d);
        } else if (value instanceof String s) {
            byte[] utf8 = utf8(s);
            out.packRawStringHeader(utf8.length);
            out.writePayload(utf8);
        } else if (value instanceof byte[] bytes) {
            out.packBinaryHeader(bytes.length);
            out.writePayload(bytes);
        } else if (value instanceof Keyword k) {
            writeExt(out, EXT_KEYWORD, utf8(k.name()));
        } else if (value instanceof Symbol s) {
            writeExt(out, EXT_SYMBOL, utf8(s.name()));
        } else if (value instanceof LList list) {
            MessageBufferPacker inner = MessagePack.newDefaultBufferPacker();
            writeArray(inner, list, list.count(), depth);
            inner.close();
            writeExt(out, EXT_LIST, inner.toByteArray());
        } else if (value instanceof LVector vector) {
            writeArray(out, vector, vector.count(), depth);
        } else if (value instanceof List<?> list) {
            writeArray(out, list, list.size(), depth);
        } else if (value instanceof LMap map) {
            writeMap(out, map, map.count(), depth);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(out, map.entrySet(), map.size(), depth);
        } else {
            throw new LogosPackException("Can't encode " + Printer.describe(value)
                + " as msgpack: only nil, booleans, numbers, strings, keywords, symbols and collections travel");
        }
    }

    private static void writeInteger(MessagePacker out, BigInteger n) throws IOException {
        if (n.bitLength() <= 63) {
            out.packLong(n.longValue());
        } else if (n.signum() > 0 && n.compareTo(UINT64_MAX) <= 0) {
            out.packBigInteger(n);
        } else {
            writeExt(out, EXT_BIG_INTEGER, n.toByteArray());
        }
    }

    private static void writeExt(MessagePacker out, byte type, byte[] payload) throws IOException {
        out.packExtensionTypeHeader(type, payload.length);
        out.writePayload(payload);
    }

    private static void writeArray(MessagePacker out, Iterable<?> items, int count, int depth) throws IOException {
        out.packArrayHeader(count);
        for (Object item : items) {
            write(out, item, depth + 1);
        }
    }

    private static void writeMap(MessagePacker out, Iterable<? extends Map.Entry<?, ?>> entries, int count,
                                 int depth) throws IOException {
        byte[][] keys = new byte[count][];
        Object[] values = new Object[count];
        Integer[] order = new Integer[count];
        int i = 0;
        for (Map.Entry<?, ?> entry : entries) {
            MessageBufferPacker key = MessagePack.newDefaultBufferPacker();
            write(key, entry.getKey(), depth + 1);
            key.close();
            keys[i] = key.toByteArray();
            values[i] = entry.getValue();
            order[i] = i;
            i++;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(keys[a], keys[b]));
        out.packMapHeader(count);
        for (int k = 0; k < count; k++) {
            if (k > 0 && Arrays.equals(keys[order[k - 1]], keys[order[k]])) {
                throw new LogosPackException("Can't encode a map with two keys that encode alike: "
                    + Printer.describe(decode(keys[order[k]])));
            }
            out.writePayload(keys[order[k]]);
            write(out, values[order[k]], depth + 1);
        }
    }

    /** The string as UTF-8; an unpaired surrogate has no UTF-8 form, and replacing it would change the hash. */
    static byte[] utf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                try {
                    ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .encode(CharBuffer.wrap(s));
                    byte[] out = new byte[encoded.remaining()];
                    encoded.get(out);
                    return out;
                } catch (CharacterCodingException e) {
                    throw new LogosPackException("Can't encode a string with an unpaired surrogate as UTF-8");
                }
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
