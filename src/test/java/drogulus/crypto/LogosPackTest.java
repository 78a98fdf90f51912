package drogulus.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import drogulus.Utils;
import drogulus.logos.data.Atom;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Builtin;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

class LogosPackTest {
    private static final JsonNode VECTORS = Vectors.load();

    @TestFactory
    Stream<DynamicTest> shouldEncodeKnownAnswerVectorsByteForByte() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode vector : VECTORS.get("values")) {
            tests.add(DynamicTest.dynamicTest(vector.get("label").asText(), () -> {
                byte[] encoded = LogosPack.encode(Vectors.value(vector.get("value"), false));
                if (vector.has("msgpack")) {
                    assertEquals(vector.get("msgpack").asText(), Utils.toHex(encoded));
                }
                assertEquals(vector.get("sha512").asText(), Utils.toHex(Items.sha512(encoded)));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldEncodeMapsBuiltInAnyOrderAlike() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode vector : VECTORS.get("values")) {
            tests.add(DynamicTest.dynamicTest(vector.get("label").asText(), () -> {
                byte[] forwards = LogosPack.encode(Vectors.value(vector.get("value"), false));
                byte[] backwards = LogosPack.encode(Vectors.value(vector.get("value"), true));
                assertArrayEquals(forwards, backwards);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldDecodeKnownAnswerVectorsToEqualValues() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode vector : VECTORS.get("values")) {
            if (vector.get("value").get(0).asText().equals("bin")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(vector.get("label").asText(), () -> {
                Object value = Vectors.value(vector.get("value"), false);
                Object decoded = LogosPack.decode(LogosPack.encode(value));
                assertEquals(value, decoded);
                assertEquals(value == null ? null : value.getClass(), decoded == null ? null : decoded.getClass());
            }));
        }
        return tests.stream();
    }

    @Test
    void shouldRoundTripEveryLogosTypeKeepingListsAndVectorsApart() {
        Object value = LVector.of(null, true, false, 42L, new BigInteger("123456789012345678901234567890"),
            3.5, "text", Keyword.of("k"), Symbol.of("s"), LList.of(1L, LList.EMPTY), LVector.EMPTY,
            LMap.of(Keyword.of("a"), LList.of(Symbol.of("x")), "b", LMap.EMPTY));
        Object decoded = LogosPack.decode(LogosPack.encode(value));
        assertEquals(value, decoded);
        LVector items = (LVector) decoded;
        assertInstanceOf(LList.class, items.nth(9));
        assertInstanceOf(LVector.class, items.nth(10));
        assertInstanceOf(LList.class, ((LMap) items.nth(11)).get(Keyword.of("a")));
        assertInstanceOf(BigInteger.class, items.nth(4));
        assertInstanceOf(Long.class, items.nth(3));
    }

    @Test
    void shouldRoundTripSetsAsExtensionFiveWhateverTheirOrder() {
        LSet set = LSet.of(3L, Keyword.of("a"), "s", LVector.of(1L));
        Object decoded = LogosPack.decode(LogosPack.encode(set));
        assertInstanceOf(LSet.class, decoded);
        assertEquals(set, decoded);
        LSet reversed = LSet.of(LVector.of(1L), "s", Keyword.of("a"), 3L);
        assertArrayEquals(LogosPack.encode(set), LogosPack.encode(reversed));
        assertArrayEquals(Utils.fromHex("d5059101"), LogosPack.encode(LSet.of(1L)));
    }

    @Test
    void shouldRejectSetsHoldingAnItemTwice() {
        LogosPackException e = assertThrows(LogosPackException.class,
            () -> LogosPack.decode(Utils.fromHex("c703059201 01".replace(" ", ""))));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void shouldNormaliseIntegersThatFitInALong() {
        byte[] encoded = LogosPack.encode(BigInteger.valueOf(-5));
        assertEquals("fb", Utils.toHex(encoded));
        assertEquals(-5L, LogosPack.decode(encoded));
        byte[] wideExt = Utils.fromHex("d60400000005");
        assertEquals(5L, LogosPack.decode(wideExt));
        assertEquals(new BigInteger("9223372036854775808"), LogosPack.decode(Utils.fromHex("cf8000000000000000")));
    }

    @Test
    void shouldDecodeBinaryAsLowercaseHex() {
        assertEquals("00ff10", LogosPack.decode(LogosPack.encode(new byte[] {0, -1, 16})));
    }

    @Test
    void shouldAcceptNonCanonicalWidthsFromOthers() {
        assertEquals(1L, LogosPack.decode(Utils.fromHex("d30000000000000001")));
        assertEquals(1.5, LogosPack.decode(Utils.fromHex("ca3fc00000")));
        assertEquals("a", LogosPack.decode(Utils.fromHex("d90161")));
    }

    @Test
    void shouldRefuseValuesThatCannotTravel() {
        assertThrows(LogosPackException.class, () -> LogosPack.encode(new Atom(1L)));
        assertThrows(LogosPackException.class,
            () -> LogosPack.encode(new Builtin("f", "", 0, 0, args -> null)));
        LogosPackException surrogate = assertThrows(LogosPackException.class, () -> LogosPack.encode("a\ud800b"));
        assertTrue(surrogate.getMessage().contains("surrogate"));
    }

    @Test
    void shouldRefuseNestingBeyondTheLimitWhenEncoding() {
        Object deep = LVector.EMPTY;
        for (int i = 0; i < LogosPack.MAX_DEPTH + 5; i++) {
            deep = LVector.of(deep);
        }
        Object tooDeep = deep;
        assertThrows(LogosPackException.class, () -> LogosPack.encode(tooDeep));
    }

    @Test
    @Timeout(10)
    void shouldRejectDeepNestingWhenDecoding() {
        byte[] deep = new byte[100_000];
        java.util.Arrays.fill(deep, (byte) 0x91);
        LogosPackException e = assertThrows(LogosPackException.class, () -> LogosPack.decode(deep));
        assertTrue(e.getMessage().contains("deep"), e.getMessage());
    }

    @Test
    @Timeout(10)
    void shouldRejectHugeClaimedLengthsWithoutAllocating() {
        for (String hostile : List.of("dbffffffff61", "c6ffffffff00", "ddffffffff", "dfffffffff", "c9ffffffff0100",
            "dd7fffffff", "c90000100003", "da0010")) {
            LogosPackException e = assertThrows(LogosPackException.class,
                () -> LogosPack.decode(Utils.fromHex(hostile)), hostile);
            assertTrue(e.getMessage().startsWith("Malformed msgpack"), e.getMessage());
        }
    }

    @Test
    void shouldRejectMalformedInput() {
        for (String bad : List.of("", "c1", "92", "a3616263ff", "c0c0", "d6ff00000000", "d50100", "c70005",
            "d40300", "d5039200", "820101 0102".replace(" ", ""), "a2c328", "d40180", "c40161c0")) {
            assertThrows(LogosPackException.class, () -> LogosPack.decode(Utils.fromHex(bad)), bad);
        }
    }

    @Test
    void shouldRejectDuplicateMapKeys() {
        LogosPackException e = assertThrows(LogosPackException.class,
            () -> LogosPack.decode(Utils.fromHex("82a161 01a161 02".replace(" ", ""))));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void shouldRejectUnknownExtensionTypes() {
        LogosPackException e = assertThrows(LogosPackException.class,
            () -> LogosPack.decode(Utils.fromHex("d40900")));
        assertTrue(e.getMessage().contains("extension type 9"), e.getMessage());
    }

    @Test
    void shouldWriteAndReadThroughStreamsOneValueAfterAnother() throws IOException {
        MessageBufferPacker out = MessagePack.newDefaultBufferPacker();
        LogosPack.write(out, Keyword.of("first"));
        LogosPack.write(out, LMap.of("b", 2L, "a", 1L));
        out.close();
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(out.toByteArray())) {
            assertEquals(Keyword.of("first"), LogosPack.read(in));
            assertEquals(LMap.of("a", 1L, "b", 2L), LogosPack.read(in));
        }
    }

    @Test
    void shouldRejectTruncatedStreams() throws IOException {
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(Utils.fromHex("93 01 02".replace(" ", "")))) {
            assertThrows(LogosPackException.class, () -> LogosPack.read(in));
        }
    }
}
