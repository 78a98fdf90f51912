package drogulus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
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
        assertEquals("0.0.0.alpha.0", Version.getVersion());
        assertEquals(20, Constants.K);
        assertEquals(3, Constants.ALPHA);
        assertEquals("Unverifiable provenance", Constants.ERRORS.get(Constants.UNVERIFIABLE_PROVENANCE));
        assertEquals("Superceded value", Constants.ERRORS.get(8));
        assertEquals(8, Constants.ERRORS.size());
    }
}
