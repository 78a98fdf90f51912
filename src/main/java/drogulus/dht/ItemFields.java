package drogulus.dht;

import drogulus.crypto.Item;
import drogulus.crypto.LogosPack;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * An item's fields as msgpack map entries, the same in {@code store} and {@code value} messages and in the
 * SQLite store: key and sig as bin, value as Logos msgpack, timestamp and expires as float64, meta as a map of
 * strings.
 */
final class ItemFields {
    static final String[] NAMES = {"key", "value", "timestamp", "expires", "name", "meta", "created_with",
        "public_key", "sig"};

    private ItemFields() {
    }

    /** Writes the nine fields as entries of an enclosing map; the caller counts them in its header. */
    static void write(MessagePacker p, Item item) throws IOException {
        p.packString("key");
        bin(p, item.key());
        p.packString("value");
        LogosPack.write(p, item.value());
        p.packString("timestamp");
        p.packDouble(item.timestamp());
        p.packString("expires");
        p.packDouble(item.expires());
        p.packString("name");
        p.packString(item.name());
        p.packString("meta");
        Map<String, String> meta = new TreeMap<>(item.meta());
        p.packMapHeader(meta.size());
        for (Map.Entry<String, String> e : meta.entrySet()) {
            p.packString(e.getKey());
            p.packString(e.getValue());
        }
        p.packString("created_with");
        p.packString(item.createdWith());
        p.packString("public_key");
        p.packString(item.publicKey());
        p.packString("sig");
        bin(p, item.sig());
    }

    /** The item's encoded size in bytes, as quotas count it. */
    static int size(Item item) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(NAMES.length);
            write(p, item);
            return p.toByteArray().length;
        } catch (IOException e) {
            throw new IllegalStateException("Could not encode an item", e);
        }
    }

    /** The item as one msgpack map, as the SQLite store keeps it. */
    static byte[] encode(Item item) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(NAMES.length);
            write(p, item);
            return p.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not encode an item", e);
        }
    }

    /** The item in bytes made by {@link #encode}. */
    static Item decode(byte[] bytes) {
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
            int n = in.unpackMapHeader();
            Map<String, Object> fields = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.unpackString();
                fields.put(name, read(in, name));
            }
            return build(fields);
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not decode an item: " + e.getMessage(), e);
        }
    }

    private static void bin(MessagePacker p, byte[] b) throws IOException {
        p.packBinaryHeader(b.length);
        p.writePayload(b);
    }

    static boolean isItemField(String name) {
        for (String n : NAMES) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the value of one item field; the result goes to {@link #build}. */
    static Object read(MessageUnpacker in, String name) throws IOException {
        return switch (name) {
            case "key", "sig" -> {
                expect(in, ValueType.BINARY, name, "bytes");
                yield in.readPayload(in.unpackBinaryHeader());
            }
            case "value" -> new Boxed(LogosPack.read(in));
            case "timestamp", "expires" -> {
                ValueType t = in.getNextFormat().getValueType();
                if (t == ValueType.FLOAT) {
                    yield in.unpackDouble();
                }
                expect(in, ValueType.INTEGER, name, "a float");
                yield (double) in.unpackLong();
            }
            case "meta" -> {
                if (in.getNextFormat().getValueType() == ValueType.NIL) {
                    in.unpackNil();
                    yield Map.of();
                }
                expect(in, ValueType.MAP, name, "a map of strings");
                int n = in.unpackMapHeader();
                Map<String, String> meta = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    meta.put(in.unpackString(), in.unpackString());
                }
                yield meta;
            }
            default -> {
                expect(in, ValueType.STRING, name, "a string");
                yield in.unpackString();
            }
        };
    }

    private static void expect(MessageUnpacker in, ValueType type, String name, String what) throws IOException {
        if (in.getNextFormat().getValueType() != type) {
            throw new IllegalArgumentException("'" + name + "' must be " + what);
        }
    }

    /** The item from fields read by {@link #read}; a missing field is an IllegalArgumentException naming it. */
    @SuppressWarnings("unchecked")
    static Item build(Map<String, Object> fields) {
        for (String n : NAMES) {
            if (!fields.containsKey(n)) {
                throw new IllegalArgumentException("missing field '" + n + "'");
            }
        }
        byte[] key = (byte[]) fields.get("key");
        if (key.length != NodeId.BYTES) {
            throw new IllegalArgumentException("'key' must be " + NodeId.BYTES + " bytes");
        }
        return new Item(key, ((Boxed) fields.get("value")).value(), (Double) fields.get("timestamp"),
            (Double) fields.get("expires"), (String) fields.get("name"), (Map<String, String>) fields.get("meta"),
            (String) fields.get("created_with"), (String) fields.get("public_key"), (byte[]) fields.get("sig"));
    }

    /** A decoded value, boxed so that nil is told apart from a missing field. */
    record Boxed(Object value) {
    }
}
