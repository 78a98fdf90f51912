package drogulus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class UtilsTest {
    @Test
    void shouldReadHexAsAnUnsignedInteger() {
        assertEquals(BigInteger.valueOf(255), Utils.hexToLong("ff"));
        assertEquals(BigInteger.ONE.shiftLeft(512).subtract(BigInteger.ONE), Utils.hexToLong("ff".repeat(64)));
        assertEquals(BigInteger.ZERO, Utils.hexToLong("0000"));
    }

    @Test
    void shouldWriteIntegersAsHexOfWholeBytes() {
        assertEquals("0f", Utils.longToHex(BigInteger.valueOf(15)));
        assertEquals("0100", Utils.longToHex(BigInteger.valueOf(256)));
        assertEquals("00".repeat(63) + "01", Utils.longToHex(BigInteger.ONE, 64));
        assertThrows(IllegalArgumentException.class, () -> Utils.longToHex(BigInteger.valueOf(-1)));
        assertThrows(IllegalArgumentException.class, () -> Utils.longToHex(BigInteger.valueOf(256), 1));
    }

    @Test
    void shouldRoundTripBytesThroughLowercaseHex() {
        byte[] bytes = {0, 1, -1, 127, -128};
        assertEquals("0001ff7f80", Utils.toHex(bytes));
        assertArrayEquals(bytes, Utils.fromHex("0001FF7f80"));
        assertThrows(IllegalArgumentException.class, () -> Utils.fromHex("abc"));
        assertThrows(IllegalArgumentException.class, () -> Utils.fromHex("zz"));
    }

    @Test
    void shouldMeasureDistanceAsXorReadUnsigned() {
        byte[] a = new byte[64];
        byte[] b = new byte[64];
        a[0] = (byte) 0x80;
        b[63] = 1;
        BigInteger expected = BigInteger.ONE.shiftLeft(511).add(BigInteger.ONE);
        assertEquals(expected, Utils.distance(a, b));
        assertEquals(expected, Utils.distance(Utils.toHex(a), Utils.toHex(b)));
        assertEquals(BigInteger.ZERO, Utils.distance(a, a));
        assertEquals(Utils.distance(a, b), Utils.distance(b, a));
    }

    @Test
    void shouldGiveTheSeedsVersionAndConstants() {
        assertEquals(pomVersion(), Version.getVersion());
        assertEquals(List.of(0, 1, 0, "final", 0), Version.tuple("0.1.0"));
        assertEquals(List.of(1, 2, 0, "alpha", 0), Version.tuple("1.2-SNAPSHOT"));
        assertEquals(20, Constants.K);
        assertEquals(3, Constants.ALPHA);
        assertEquals("Unverifiable provenance", Constants.ERRORS.get(Constants.UNVERIFIABLE_PROVENANCE));
        assertEquals("Superceded value", Constants.ERRORS.get(8));
        assertEquals(8, Constants.ERRORS.size());
    }

    /** The project's own version, read from the pom: the one place it is written. */
    private static String pomVersion() {
        try {
            String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
            java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<artifactId>drogulus</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
            if (!m.find()) {
                throw new AssertionError("no version in pom.xml");
            }
            return m.group(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
