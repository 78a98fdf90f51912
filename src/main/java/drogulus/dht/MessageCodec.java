package drogulus.dht;

import drogulus.crypto.Item;
import drogulus.crypto.LogosPack;
import drogulus.logos.data.LogosError;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageFormatException;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageSizeException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;
import org.msgpack.value.ValueFactory;
import org.msgpack.value.ValueType;

/**
 * Messages to and from msgpack maps, the payload of a netstring on the wire. Decoding never trusts the
 * input: anything that is not a well-formed message of a known type raises a {@link MessageException} with
 * the seed's code, and the caller answers with it and goes on serving.
 */
public final class MessageCodec {
    /** The largest payload accepted, 1 MiB: an item's value is at most 512 KiB. */
    public static final int MAX_PAYLOAD = 1 << 20;
    /** How deeply a field the codec does not know may nest, as LogosPack bounds an item's value. */
    static final int MAX_DEPTH = LogosPack.MAX_DEPTH;
    private static final int MAX_CHALLENGE = 256;
    private static final Set<String> TYPES = Set.of("ping", "pong", "store", "findnode", "findvalue", "nodes",
        "value", "error");

    public MessageCodec() {
    }

    /** The msgpack bytes of the message. */
    public byte[] encode(Message message) {
        Map<String, Writer> fields = new TreeMap<>();
        fields.put("message", p -> p.packString(message.type()));
        fields.put("uuid", p -> p.packString(message.uuid()));
        fields.put("node", p -> p.packString(message.node().hex()));
        fields.put("version", p -> p.packString(message.version()));
        if (message instanceof Message.Request r) {
            fields.put("port", p -> p.packInt(r.port()));
            if (r.challenge() != null) {
                fields.put("challenge", p -> p.packString(r.challenge()));
            }
        }
        if (message instanceof Message.Answer a && a.proof() != null) {
            fields.put("id_key", p -> p.packString(a.proof().publicKey()));
            fields.put("id_sig", p -> {
                byte[] sig = a.proof().sig();
                p.packBinaryHeader(sig.length);
                p.writePayload(sig);
            });
        }
        if (message instanceof Message.Store st && st.cache()) {
            fields.put("cache", p -> p.packBoolean(true));
        }
        if (message instanceof Message.FindNode f) {
            fields.put("key", p -> packId(p, f.key()));
        } else if (message instanceof Message.FindValue f) {
            fields.put("key", p -> packId(p, f.key()));
        } else if (message instanceof Message.Nodes n) {
            fields.put("nodes", p -> packContacts(p, n.nodes()));
        } else if (message instanceof Message.Value v && !v.nodes().isEmpty()) {
            fields.put("nodes", p -> packContacts(p, v.nodes()));
        } else if (message instanceof Message.ErrorReply e) {
            fields.put("code", p -> p.packInt(e.code()));
            fields.put("title", p -> p.packString(e.title()));
            fields.put("details", p -> packStrings(p, e.details()));
        }
        Item item = null;
        if (message instanceof Message.Store st) {
            item = st.item();
        } else if (message instanceof Message.Value v) {
            item = v.item();
        }
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packMapHeader(fields.size() + (item == null ? 0 : ItemFields.NAMES.length));
            for (Map.Entry<String, Writer> f : fields.entrySet()) {
                packer.packString(f.getKey());
                f.getValue().write(packer);
            }
            if (item != null) {
                ItemFields.write(packer, item);
            }
            return packer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not encode a " + message.type() + " message", e);
        }
    }

    private static void packContacts(MessageBufferPacker p, List<Contact> contacts) throws IOException {
        p.packArrayHeader(contacts.size());
        for (Contact c : contacts) {
            p.packArrayHeader(4);
            p.packString(c.id().hex());
            p.packString(c.address());
            p.packInt(c.port());
            p.packString(c.version());
        }
    }

    /** The message in the bytes, or a {@link MessageException} saying what is wrong with them. */
    public Message decode(byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new MessageException(ErrorCode.REQUEST_TOO_BIG, "A message of " + payload.length
                + " bytes exceeds the limit of " + MAX_PAYLOAD, null);
        }
        MessageUnpacker in = MessagePack.newDefaultUnpacker(payload);
        try (in) {
            Fields f = read(in);
            if (in.hasNext()) {
                throw malformed("trailing bytes after the message", f.uuid);
            }
            // Inside the try: a string field's UTF-8 is checked only when build reads it.
            return f.build();
        } catch (IOException | MessagePackException | IllegalArgumentException | LogosError e) {
            throw new MessageException(ErrorCode.BAD_REQUEST, "Malformed message: "
                + unreadable(e, payload, in.getTotalReadBytes()), null);
        }
    }

    /**
     * Why the bytes could not be read, for the sender to act on: msgpack's own messages name its internals ("Cannot
     * convert NEVER_USED to ValueType") or are null (bytes that end inside a value).
     */
    private static String unreadable(Exception e, byte[] payload, long at) {
        if (e instanceof MessageFormatException && at < payload.length && payload[(int) at] == (byte) 0xc1) {
            return "byte 0xc1 at offset " + at + ", which msgpack never uses";
        }
        if (e instanceof MessageSizeException big) {
            return "a value of " + big.getSize() + " bytes is announced, more than the message holds";
        }
        if (e instanceof MessageInsufficientBufferException || e instanceof EOFException) {
            return "it ends inside a value";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Fields read(MessageUnpacker in) throws IOException {
        if (in.getNextFormat().getValueType() != ValueType.MAP) {
            throw new MessageException(ErrorCode.BAD_REQUEST, "Malformed message: not a msgpack map", null);
        }
        int n = in.unpackMapHeader();
        Fields f = new Fields();
        for (int i = 0; i < n; i++) {
            if (in.getNextFormat().getValueType() != ValueType.STRING) {
                throw malformed("field names must be strings", f.uuid);
            }
            String name = in.unpackString();
            if (f.raw.containsKey(name)) {
                throw malformed("field '" + name + "' appears twice", f.uuid);
            }
            f.raw.put(name, readField(in, name, f));
            if (name.equals("uuid") && f.raw.get(name) instanceof Value v && v.isStringValue()) {
                f.uuid = v.asStringValue().asString();
            }
        }
        return f;
    }

    private static Object readField(MessageUnpacker in, String name, Fields f) throws IOException {
        if (ItemFields.isItemField(name)) {
            return ItemFields.read(in, name);
        }
        return switch (name) {
            case "nodes" -> readNodes(in, f);
            case "details" -> readStrings(in, name, f);
            default -> readValue(in, 0, f);
        };
    }

    /**
     * A field this codec has no reader for, read with a bound on nesting: msgpack's own reader recurses once per
     * level, so a small message nested deeply would overflow the stack instead of answering error 1.
     */
    private static Value readValue(MessageUnpacker in, int depth, Fields f) throws IOException {
        if (depth > MAX_DEPTH) {
            throw malformed("nested deeper than " + MAX_DEPTH + " levels", f.uuid);
        }
        MessageFormat format = in.getNextFormat();
        switch (format.getValueType()) {
            case ARRAY -> {
                int n = in.unpackArrayHeader();
                List<Value> items = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    items.add(readValue(in, depth + 1, f));
                }
                return ValueFactory.newArray(items);
            }
            case MAP -> {
                int n = in.unpackMapHeader();
                Map<Value, Value> entries = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    Value k = readValue(in, depth + 1, f);
                    entries.put(k, readValue(in, depth + 1, f));
                }
                return ValueFactory.newMap(entries);
            }
            default -> {
                return in.unpackValue();
            }
        }
    }

    private static List<Contact> readNodes(MessageUnpacker in, Fields f) throws IOException {
        if (in.getNextFormat().getValueType() != ValueType.ARRAY) {
            throw malformed("'nodes' must be an array", f.uuid);
        }
        int n = in.unpackArrayHeader();
        List<Contact> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            if (in.getNextFormat().getValueType() != ValueType.ARRAY || in.unpackArrayHeader() != 4) {
                throw malformed("each node must be [id, address, port, version]", f.uuid);
            }
            NodeId id = NodeId.fromHex(in.unpackString());
            String address = in.unpackString();
            int port = in.unpackInt();
            String version = in.unpackString();
            out.add(new Contact(id, address, port, version));
        }
        return out;
    }

    private static Map<String, String> readStrings(MessageUnpacker in, String name, Fields f) throws IOException {
        if (in.getNextFormat() == MessageFormat.NIL) {
            in.unpackNil();
            return Map.of();
        }
        if (in.getNextFormat().getValueType() != ValueType.MAP) {
            throw malformed("'" + name + "' must be a map of strings", f.uuid);
        }
        int n = in.unpackMapHeader();
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(in.unpackString(), in.unpackString());
        }
        return out;
    }

    private static void packId(MessageBufferPacker p, NodeId id) throws IOException {
        byte[] b = id.toBytes();
        p.packBinaryHeader(b.length);
        p.writePayload(b);
    }

    private static void packStrings(MessageBufferPacker p, Map<String, String> map) throws IOException {
        Map<String, String> sorted = new TreeMap<>(map);
        p.packMapHeader(sorted.size());
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            p.packString(e.getKey());
            p.packString(e.getValue());
        }
    }

    static MessageException malformed(String why, String uuid) {
        return new MessageException(ErrorCode.BAD_REQUEST, "Malformed message: " + why, uuid);
    }

    @FunctionalInterface
    private interface Writer {
        void write(MessageBufferPacker packer) throws IOException;
    }

    /** The fields read so far, checked and turned into a message once all are in. */
    private static final class Fields {
        final Map<String, Object> raw = new HashMap<>();
        String uuid;

        Message build() {
            String type = string("message");
            if (!TYPES.contains(type)) {
                throw new MessageException(ErrorCode.UNKNOWN_REQUEST, "Unknown message type '" + type + "'", uuid);
            }
            String id = string("uuid");
            NodeId node = id("node");
            String version = string("version");
            return switch (type) {
                case "ping" -> new Message.Ping(id, node, version, port(), challenge());
                case "pong" -> new Message.Pong(id, node, version, proof());
                case "store" -> new Message.Store(id, node, version, port(), item(), challenge(), flag("cache"));
                case "value" -> new Message.Value(id, node, version, item(), proof(),
                    raw.containsKey("nodes") ? list() : List.of());
                case "findnode" -> new Message.FindNode(id, node, version, port(), key(), challenge());
                case "findvalue" -> new Message.FindValue(id, node, version, port(), key(), challenge());
                case "nodes" -> new Message.Nodes(id, node, version, list(), proof());
                default -> new Message.ErrorReply(id, node, version, (int) integer("code"), string("title"),
                    strings("details"));
            };
        }

        private Object required(String name) {
            Object v = raw.get(name);
            if (v == null) {
                throw malformed("missing field '" + name + "'", uuid);
            }
            return v;
        }

        String string(String name) {
            Object v = required(name);
            if (v instanceof Value m && m.isStringValue()) {
                return m.asStringValue().asString();
            }
            throw malformed("'" + name + "' must be a string", uuid);
        }

        /** The optional challenge: at most 256 characters, so answering it costs a bounded signature. */
        String challenge() {
            if (!raw.containsKey("challenge")) {
                return null;
            }
            String c = string("challenge");
            if (c.isEmpty() || c.length() > MAX_CHALLENGE) {
                throw malformed("'challenge' must be 1 to " + MAX_CHALLENGE + " characters", uuid);
            }
            return c;
        }

        boolean flag(String name) {
            Object v = raw.get(name);
            if (v == null) {
                return false;
            }
            if (v instanceof Value m && m.isBooleanValue()) {
                return m.asBooleanValue().getBoolean();
            }
            throw malformed("'" + name + "' must be a boolean", uuid);
        }

        /** The optional proof of id; both fields or neither. */
        Message.IdProof proof() {
            if (!raw.containsKey("id_key") && !raw.containsKey("id_sig")) {
                return null;
            }
            String key = string("id_key");
            Object sig = required("id_sig");
            if (sig instanceof Value m && m.isBinaryValue()) {
                return new Message.IdProof(key, m.asBinaryValue().asByteArray());
            }
            throw malformed("'id_sig' must be bytes", uuid);
        }

        long integer(String name) {
            Object v = required(name);
            if (v instanceof Value m && m.isIntegerValue() && m.asIntegerValue().isInLongRange()) {
                return m.asIntegerValue().toLong();
            }
            throw malformed("'" + name + "' must be an integer", uuid);
        }

        int port() {
            long p = integer("port");
            if (p < 0 || p > 65_535) {
                throw malformed("port " + p + " is out of range", uuid);
            }
            return (int) p;
        }

        NodeId id(String name) {
            try {
                return NodeId.fromHex(string(name));
            } catch (IllegalArgumentException e) {
                throw malformed("'" + name + "': " + e.getMessage(), uuid);
            }
        }

        NodeId key() {
            Object v = required("key");
            if (v instanceof byte[] b && b.length == NodeId.BYTES) {
                return NodeId.of(b);
            }
            throw malformed("'key' must be " + NodeId.BYTES + " bytes", uuid);
        }

        Item item() {
            try {
                return ItemFields.build(raw);
            } catch (IllegalArgumentException e) {
                throw malformed(e.getMessage(), uuid);
            }
        }

        @SuppressWarnings("unchecked")
        List<Contact> list() {
            return (List<Contact>) required("nodes");
        }

        @SuppressWarnings("unchecked")
        Map<String, String> strings(String name) {
            Object v = raw.get(name);
            return v == null ? Map.of() : (Map<String, String>) v;
        }
    }
}
