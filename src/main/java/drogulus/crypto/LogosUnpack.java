package drogulus.crypto;

import drogulus.Utils;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.Symbol;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Reads one Logos value from msgpack, distrusting every length: a header may not claim more bytes or items than
 * the input still holds, payloads are capped, and nesting is bounded, so hostile input fails fast and cheaply.
 */
final class LogosUnpack {
    private final MessageUnpacker in;
    /** Total bytes of input, or -1 when reading a stream of unknown length. */
    private final long size;

    LogosUnpack(MessageUnpacker in, long size) {
        this.in = in;
        this.size = size;
    }

    /** Any failure while reading as a {@link LogosPackException} that says what was wrong. */
    static LogosPackException wrap(Exception e) {
        if (e instanceof LogosPackException pack) {
            return pack;
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.io.EOFException || e instanceof org.msgpack.core.MessageInsufficientBufferException) {
            detail = "the input ends in the middle of a value";
        }
        return new LogosPackException("Malformed msgpack: " + detail);
    }

    Object read(int depth) throws IOException {
        if (depth > LogosPack.MAX_DEPTH) {
            throw new LogosPackException("Malformed msgpack: nested more than " + LogosPack.MAX_DEPTH + " deep");
        }
        MessageFormat format = in.getNextFormat();
        if (format == MessageFormat.NEVER_USED) {
            throw new LogosPackException("Malformed msgpack: byte 0xc1 is never used");
        }
        ValueType type = format.getValueType();
        switch (type) {
            case NIL -> {
                in.unpackNil();
                return null;
            }
            case BOOLEAN -> {
                return in.unpackBoolean();
            }
            case INTEGER -> {
                if (format == MessageFormat.UINT64) {
                    return normalise(in.unpackBigInteger());
                }
                return in.unpackLong();
            }
            case FLOAT -> {
                return in.unpackDouble();
            }
            case STRING -> {
                return utf8(payload(in.unpackRawStringHeader()), "string");
            }
            case BINARY -> {
                return Utils.toHex(payload(in.unpackBinaryHeader()));
            }
            case ARRAY -> {
                return LVector.from(readItems(in.unpackArrayHeader(), depth));
            }
            case MAP -> {
                return readMap(in.unpackMapHeader(), depth);
            }
            case EXTENSION -> {
                return readExtension(depth);
            }
            default -> throw new LogosPackException("Malformed msgpack: unexpected " + type);
        }
    }

    private long remaining() {
        return size < 0 ? Long.MAX_VALUE : size - in.getTotalReadBytes();
    }

    private byte[] payload(int length) throws IOException {
        if (length < 0 || length > LogosPack.MAX_PAYLOAD || length > remaining()) {
            throw new LogosPackException("Malformed msgpack: a payload claims " + Integer.toUnsignedString(length)
                + " bytes, more than the input holds");
        }
        return in.readPayload(length);
    }

    private void checkCount(int count, int bytesPerItem) {
        if (count < 0 || (long) count * bytesPerItem > remaining()) {
            throw new LogosPackException("Malformed msgpack: a collection claims " + Integer.toUnsignedString(count)
                + " items, more than the input holds");
        }
    }

    private List<Object> readItems(int count, int depth) throws IOException {
        checkCount(count, 1);
        List<Object> items = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            items.add(read(depth + 1));
        }
        return items;
    }

    private LMap readMap(int count, int depth) throws IOException {
        checkCount(count, 2);
        LMap.Builder map = LMap.builder();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            Object key = read(depth + 1);
            if (!seen.add(key)) {
                throw new LogosPackException("Malformed msgpack: a map holds the key " + key + " twice");
            }
            map.put(key, read(depth + 1));
        }
        return map.build();
    }

    private Object readExtension(int depth) throws IOException {
        var header = in.unpackExtensionTypeHeader();
        byte type = header.getType();
        byte[] data = payload(header.getLength());
        switch (type) {
            case LogosPack.EXT_KEYWORD -> {
                return Keyword.of(utf8(data, "keyword"));
            }
            case LogosPack.EXT_SYMBOL -> {
                return Symbol.of(utf8(data, "symbol"));
            }
            case LogosPack.EXT_LIST -> {
                return LList.from(readArrayExt(data, depth, "list"));
            }
            case LogosPack.EXT_SET -> {
                List<Object> items = readArrayExt(data, depth, "set");
                LSet set = LSet.from(items);
                if (set.count() != items.size()) {
                    throw new LogosPackException("Malformed msgpack: a set holds an item twice");
                }
                return set;
            }
            case LogosPack.EXT_BIG_INTEGER -> {
                if (data.length == 0) {
                    throw new LogosPackException("Malformed msgpack: an integer extension with no bytes");
                }
                return normalise(new BigInteger(data));
            }
            default -> throw new LogosPackException("Malformed msgpack: unknown extension type " + type);
        }
    }

    private List<Object> readArrayExt(byte[] data, int depth, String what) throws IOException {
        try (MessageUnpacker inner = MessagePack.newDefaultUnpacker(data)) {
            LogosUnpack reader = new LogosUnpack(inner, data.length);
            if (!inner.hasNext() || inner.getNextFormat().getValueType() != ValueType.ARRAY) {
                throw new LogosPackException("Malformed msgpack: a " + what + " extension must hold an array");
            }
            List<Object> items = reader.readItems(inner.unpackArrayHeader(), depth);
            if (inner.hasNext()) {
                throw new LogosPackException("Malformed msgpack: bytes left over inside a " + what + " extension");
            }
            return items;
        } catch (MessagePackException e) {
            throw wrap(e);
        }
    }

    private static Object normalise(BigInteger n) {
        return n.bitLength() <= 63 ? (Object) n.longValue() : n;
    }

    private static String utf8(byte[] data, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(data))
                .toString();
        } catch (CharacterCodingException e) {
            throw new LogosPackException("Malformed msgpack: a " + what + " is not valid UTF-8");
        }
    }
}
