package drogulus.crypto;

import drogulus.logos.data.Keyword;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSeq;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import drogulus.logos.data.Cost;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes canonical msgpack into a growing byte array. Hand-written rather than through MessagePacker so that
 * every byte of the canonical form is decided here, and because map keys and list payloads are encoded on
 * their own first (to sort them, or to know their length), which must be cheap.
 */
final class PackWriter {
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** Charged a step per value and the bytes of every growth, or null; so shared structure cannot blow up. */
    private final Cost budget;
    private byte[] buf;
    private int size;

    PackWriter(int capacity, Cost budget) {
        this.budget = budget;
        buf = new byte[Math.max(capacity, 16)];
        if (budget != null) {
            budget.allocate(buf.length);
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            long wanted = Math.max((long) buf.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new LogosPackException("Can't encode a value of more than 2 GiB");
            }
            if (budget != null) {
                budget.allocate(wanted - buf.length);
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    private void put(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    private void putBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    private void putBig(long value, int bytes) {
        ensure(bytes);
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (value >>> shift);
        }
    }

    void write(Object value, int depth) {
        if (budget != null) {
            budget.steps(1);
        }
        if (depth > LogosPack.MAX_DEPTH) {
            throw new LogosPackException("Can't encode a value nested more than " + LogosPack.MAX_DEPTH + " deep");
        }
        if (value == null) {
            put(0xc0);
        } else if (value instanceof Boolean b) {
            put(b ? 0xc3 : 0xc2);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
            || value instanceof Byte) {
            writeLong(((Number) value).longValue());
        } else if (value instanceof BigInteger n) {
            writeBigInteger(n);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            put(0xcb);
            putBig(Double.doubleToLongBits(d), 8);
        } else if (value instanceof String s) {
            writeRaw(0xa0, 0xd9, 0xda, 0xdb, utf8(s));
        } else if (value instanceof byte[] bytes) {
            writeRaw(-1, 0xc4, 0xc5, 0xc6, bytes);
        } else if (value instanceof Keyword k) {
            writeExt(LogosPack.EXT_KEYWORD, utf8(k.name()));
        } else if (value instanceof Symbol s) {
            writeExt(LogosPack.EXT_SYMBOL, utf8(s.name()));
        } else if (value instanceof LList list) {
            PackWriter inner = new PackWriter(16 + list.count() * 4, budget);
            inner.writeArray(list, list.count(), depth);
            writeExt(LogosPack.EXT_LIST, inner.toByteArray());
        } else if (value instanceof LSeq seq) {
            write(LList.fromIterable(seq), depth);
        } else if (value instanceof LVector vector) {
            writeArray(vector, vector.count(), depth);
        } else if (value instanceof List<?> list) {
            writeArray(list, list.size(), depth);
        } else if (value instanceof LMap map) {
            writeMap(map, map.count(), depth);
        } else if (value instanceof LSet set) {
            PackWriter inner = new PackWriter(16 + set.count() * 4, budget);
            inner.writeSorted(set, set.count(), depth);
            writeExt(LogosPack.EXT_SET, inner.toByteArray());
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map.entrySet(), map.size(), depth);
        } else {
            throw new LogosPackException("Can't encode " + Printer.describe(value)
                + " as msgpack: only nil, booleans, numbers, strings, keywords, symbols and collections travel");
        }
    }

    /** The smallest form: fixints, then unsigned types for non-negative values, signed types for negative. */
    private void writeLong(long n) {
        if (n >= 0) {
            if (n < 128) {
                put((int) n);
            } else if (n < 1L << 8) {
                put(0xcc);
                putBig(n, 1);
            } else if (n < 1L << 16) {
                put(0xcd);
                putBig(n, 2);
            } else if (n < 1L << 32) {
                put(0xce);
                putBig(n, 4);
            } else {
                put(0xcf);
                putBig(n, 8);
            }
        } else if (n >= -32) {
            put((int) n);
        } else if (n >= Byte.MIN_VALUE) {
            put(0xd0);
            putBig(n, 1);
        } else if (n >= Short.MIN_VALUE) {
            put(0xd1);
            putBig(n, 2);
        } else if (n >= Integer.MIN_VALUE) {
            put(0xd2);
            putBig(n, 4);
        } else {
            put(0xd3);
            putBig(n, 8);
        }
    }

    private void writeBigInteger(BigInteger n) {
        if (n.bitLength() <= 63) {
            writeLong(n.longValue());
        } else if (n.signum() > 0 && n.compareTo(UINT64_MAX) <= 0) {
            put(0xcf);
            putBig(n.longValue(), 8);
        } else {
            writeExt(LogosPack.EXT_BIG_INTEGER, n.toByteArray());
        }
    }

    /** str or bin: {@code fix} is the fixstr base, or -1 where there is no fix form. */
    private void writeRaw(int fix, int code8, int code16, int code32, byte[] bytes) {
        int n = bytes.length;
        if (fix >= 0 && n < 32) {
            put(fix | n);
        } else if (n < 1 << 8) {
            put(code8);
            putBig(n, 1);
        } else if (n < 1 << 16) {
            put(code16);
            putBig(n, 2);
        } else {
            put(code32);
            putBig(n, 4);
        }
        putBytes(bytes);
    }

    private void writeExt(byte type, byte[] payload) {
        int n = payload.length;
        switch (n) {
            case 1 -> put(0xd4);
            case 2 -> put(0xd5);
            case 4 -> put(0xd6);
            case 8 -> put(0xd7);
            case 16 -> put(0xd8);
            default -> {
                if (n < 1 << 8) {
                    put(0xc7);
                    putBig(n, 1);
                } else if (n < 1 << 16) {
                    put(0xc8);
                    putBig(n, 2);
                } else {
                    put(0xc9);
                    putBig(n, 4);
                }
            }
        }
        put(type);
        putBytes(payload);
    }

    private void writeHeader(int fix, int code16, int code32, int count) {
        if (count < 16) {
            put(fix | count);
        } else if (count < 1 << 16) {
            put(code16);
            putBig(count, 2);
        } else {
            put(code32);
            putBig(count, 4);
        }
    }

    private void writeArray(Iterable<?> items, int count, int depth) {
        writeHeader(0x90, 0xdc, 0xdd, count);
        for (Object item : items) {
            write(item, depth + 1);
        }
    }

    /** A set's items as an array in the order of their encodings, so equal sets encode (and hash) alike. */
    private void writeSorted(Iterable<Object> items, int count, int depth) {
        byte[][] encoded = new byte[count][];
        int i = 0;
        for (Object item : items) {
            PackWriter one = new PackWriter(32, budget);
            one.write(item, depth + 1);
            encoded[i++] = one.toByteArray();
        }
        Arrays.sort(encoded, Arrays::compareUnsigned);
        writeHeader(0x90, 0xdc, 0xdd, count);
        for (int k = 0; k < count; k++) {
            if (k > 0 && Arrays.equals(encoded[k - 1], encoded[k])) {
                throw new LogosPackException("Can't encode a set with two items that encode alike: "
                    + Printer.describe(LogosPack.decode(encoded[k])));
            }
            putBytes(encoded[k]);
        }
    }

    private void writeMap(Iterable<? extends Map.Entry<?, ?>> entries, int count, int depth) {
        byte[][] keys = new byte[count][];
        Object[] values = new Object[count];
        Integer[] order = new Integer[count];
        int i = 0;
        for (Map.Entry<?, ?> entry : entries) {
            PackWriter key = new PackWriter(32, budget);
            key.write(entry.getKey(), depth + 1);
            keys[i] = key.toByteArray();
            values[i] = entry.getValue();
            order[i] = i;
            i++;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(keys[a], keys[b]));
        writeHeader(0x80, 0xde, 0xdf, count);
        for (int k = 0; k < count; k++) {
            if (k > 0 && Arrays.equals(keys[order[k - 1]], keys[order[k]])) {
                throw new LogosPackException("Can't encode a map with two keys that encode alike: "
                    + Printer.describe(LogosPack.decode(keys[order[k]])));
            }
            putBytes(keys[order[k]]);
            write(values[order[k]], depth + 1);
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
