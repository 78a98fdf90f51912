package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

class MessageCodecTest {
    private final MessageCodec codec = new MessageCodec();
    private final Random random = new Random(9);
    private final NodeId node = NodeId.random(random);

    private Message roundTrip(Message m) {
        return codec.decode(codec.encode(m));
    }

    @Test
    void shouldRoundTripEveryMessageType() {
        List<Message> all = List.of(
            new Message.Ping("u1", node, "0.0.0", 1908),
            new Message.Pong("u1", node, "0.0.0"),
            new Message.FindNode("u2", node, "0.0.0", 1908, NodeId.random(random)),
            new Message.FindValue("u3", node, "0.0.0", 1, NodeId.random(random)),
            new Message.Nodes("u2", node, "0.0.0", List.of(
                new Contact(NodeId.random(random), "192.168.0.1", 1908, "0.0.0"),
                new Contact(NodeId.random(random), "::1", 65_535, "0.1.0"))),
            new Message.ErrorReply("u4", node, "0.0.0", 6, "Unverifiable provenance", Map.of("why", "bad sig")));
        for (Message m : all) {
            assertEquals(m, roundTrip(m));
        }
    }

    @Test
    void shouldRoundTripItemsCarryingLogosValues() {
        drogulus.crypto.Identity alice = SimCluster.identity("alice");
        Object value = drogulus.logos.data.LVector.from(java.util.List.of(drogulus.logos.data.Keyword.of("k"), 1L,
            new java.math.BigInteger("123456789012345678901234567890"), "s", 2.5));
        drogulus.crypto.Item item = alice.signItem("lib", value, 1_700_000_000.25, -1, Map.of("type", "logos"));
        Message store = new Message.Store("u", node, "0", 1908, item);
        Message back = roundTrip(store);
        assertEquals(store, back);
        assertEquals(0, drogulus.crypto.Items.validate(((Message.Store) back).item()));
        Message v = new Message.Value("u", node, "0", item);
        assertEquals(v, roundTrip(v));
        assertEquals(List.of(), ((Message.Value) roundTrip(v)).nodes(), "no nodes field: none");
        Message near = new Message.Value("u", node, "0", item, null, List.of(new Contact(node, "10.0.0.1", 9999,
            "0")));
        assertEquals(near, roundTrip(near), "a value answer may name the holder's nearest contacts");
    }

    @Test
    void shouldRejectAStoreMissingAnItemField() throws IOException {
        MessageException e = reject(map("message", "store", "uuid", "s1", "node", node.hex(), "version", "0",
            "port", 1, "key", new byte[64]));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertEquals("s1", e.uuid());
    }

    private static byte[] map(Object... kv) throws IOException {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(kv.length / 2);
            for (Object o : kv) {
                if (o instanceof String s) {
                    p.packString(s);
                } else if (o instanceof Integer i) {
                    p.packInt(i);
                } else if (o instanceof byte[] b) {
                    p.packBinaryHeader(b.length);
                    p.writePayload(b);
                }
            }
            return p.toByteArray();
        }
    }

    private MessageException reject(byte[] bytes) {
        return assertThrows(MessageException.class, () -> codec.decode(bytes));
    }

    @Test
    void shouldRejectBytesThatAreNotAMessageAsMalformed() throws IOException {
        assertEquals(ErrorCode.BAD_REQUEST, reject(new byte[] {(byte) 0xc1}).code());
        assertEquals(ErrorCode.BAD_REQUEST, reject(new byte[] {(byte) 0x93, 1, 2, 3}).code());
        assertEquals(ErrorCode.BAD_REQUEST, reject(new byte[] {(byte) 0x82, (byte) 0xa1}).code());
        byte[] truncated = codec.encode(new Message.Ping("u", node, "0", 1));
        assertEquals(ErrorCode.BAD_REQUEST, reject(java.util.Arrays.copyOf(truncated, truncated.length - 3)).code());
        byte[] trailing = java.util.Arrays.copyOf(truncated, truncated.length + 1);
        assertEquals(ErrorCode.BAD_REQUEST, reject(trailing).code());
    }

    @Test
    void shouldSayInItsOwnWordsWhyBytesAreNotMsgpack() throws IOException {
        // The sender reads the reason in the error answer: not msgpack's internals, never "null".
        assertEquals("Malformed message: byte 0xc1 at offset 0, which msgpack never uses",
            reject(new byte[] {(byte) 0xc1, (byte) 0xc1}).getMessage());
        assertEquals("Malformed message: byte 0xc1 at offset 2, which msgpack never uses",
            reject(new byte[] {(byte) 0x81, (byte) 0xa0, (byte) 0xc1}).getMessage());
        assertEquals("Malformed message: a value of 4294967295 bytes is announced, more than the message holds",
            reject(new byte[] {(byte) 0x81, (byte) 0xdb, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff})
                .getMessage());
        assertEquals("Malformed message: it ends inside a value",
            reject(new byte[] {(byte) 0x81, (byte) 0xa5, 'a', 'b'}).getMessage());
        byte[] ping = codec.encode(new Message.Ping("u", node, "0", 1));
        assertEquals("Malformed message: it ends inside a value",
            reject(java.util.Arrays.copyOf(ping, ping.length - 3)).getMessage());
    }

    @Test
    void shouldNameTheUuidOfAMessageWithABadField() throws IOException {
        MessageException e = reject(map("message", "findnode", "uuid", "abc", "node", node.hex(), "version", "0",
            "port", 1, "key", new byte[12]));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertEquals("abc", e.uuid());
        assertEquals(ErrorCode.BAD_REQUEST, reject(map("message", "ping", "uuid", "abc", "node", "NOT-HEX",
            "version", "0", "port", 1)).code());
        assertEquals(ErrorCode.BAD_REQUEST, reject(map("message", "ping", "uuid", "abc", "node", node.hex(),
            "version", "0")).code());
        assertEquals(ErrorCode.BAD_REQUEST, reject(map("message", "ping", "uuid", "abc", "node", node.hex(),
            "version", "0", "port", 70_000)).code());
    }

    @Test
    void shouldRejectAnUnknownTypeWithCodeTwo() throws IOException {
        MessageException e = reject(map("message", "gossip", "uuid", "x1", "node", node.hex(), "version", "0"));
        assertEquals(ErrorCode.UNKNOWN_REQUEST, e.code());
        assertEquals("x1", e.uuid());
    }

    @Test
    void shouldRejectAnOversizedPayloadWithCodeFour() {
        MessageException e = reject(new byte[MessageCodec.MAX_PAYLOAD + 1]);
        assertEquals(ErrorCode.REQUEST_TOO_BIG, e.code());
        assertNull(e.uuid());
    }

    @Test
    void shouldWriteIdsAsLowercaseHexAndKeysAsBytes() throws IOException {
        NodeId key = NodeId.random(random);
        byte[] bytes = codec.encode(new Message.FindValue("u", node, "0", 5, key));
        try (var in = MessagePack.newDefaultUnpacker(bytes)) {
            var map = in.unpackValue().asMapValue().map();
            assertEquals(node.hex(), map.get(org.msgpack.value.ValueFactory.newString("node")).asStringValue()
                .asString());
            assertEquals(key, NodeId.of(map.get(org.msgpack.value.ValueFactory.newString("key")).asBinaryValue()
                .asByteArray()));
        }
    }

    @Test
    void shouldAnswerErrorOneForAFieldNestedTooDeep() throws IOException {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(5);
            p.packString("message").packString("ping");
            p.packString("uuid").packString("deep");
            p.packString("node").packString(node.hex());
            p.packString("version").packString("0.0.0");
            p.packString("padding");
            for (int i = 0; i < 200_000; i++) {
                p.packArrayHeader(1);
            }
            p.packNil();
            byte[] bytes = p.toByteArray();
            MessageException e = assertThrows(MessageException.class, () -> codec.decode(bytes));
            assertEquals(ErrorCode.BAD_REQUEST, e.code());
        }
    }

    @Test
    void shouldKeepAnUnknownFieldNestedWithinTheLimit() throws IOException {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(6);
            p.packString("message").packString("ping");
            p.packString("uuid").packString("shallow");
            p.packString("node").packString(node.hex());
            p.packString("version").packString("0.0.0");
            p.packString("port").packInt(1908);
            p.packString("extra");
            for (int i = 0; i < 100; i++) {
                p.packMapHeader(1).packString("k");
            }
            p.packNil();
            assertEquals(new Message.Ping("shallow", node, "0.0.0", 1908), codec.decode(p.toByteArray()));
        }
    }
}
