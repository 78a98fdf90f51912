package drogulus;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * Conversions between ids as bytes, lowercase hex and unsigned integers, and the XOR distance between ids.
 * Sorting contacts by distance lives with the contacts, in the DHT package.
 */
public final class Utils {
    private static final HexFormat HEX = HexFormat.of();

    private Utils() {
    }

    /** Lowercase hex of the bytes, two digits each. */
    public static String toHex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** The bytes written as hex (either case); an odd length or a non-hex digit is an error. */
    public static byte[] fromHex(String hex) {
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a hex string of whole bytes: " + abbreviate(hex), e);
        }
    }

    /** The unsigned integer written as hex, like the seed's hex_to_long. */
    public static BigInteger hexToLong(String hex) {
        return toUnsigned(fromHex(hex));
    }

    /** The non-negative integer as lowercase hex of whole bytes (even length), like the seed's long_to_hex. */
    public static String longToHex(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("Only non-negative integers have an id in hex, got " + value);
        }
        String hex = value.toString(16);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    /** The non-negative integer as lowercase hex padded with zeros to {@code bytes} bytes, as ids travel. */
    public static String longToHex(BigInteger value, int bytes) {
        String hex = longToHex(value);
        if (hex.length() > bytes * 2) {
            throw new IllegalArgumentException("Integer does not fit in " + bytes + " bytes: " + value);
        }
        return "0".repeat(bytes * 2 - hex.length()) + hex;
    }

    /** The bytes read as a big-endian unsigned integer. */
    public static BigInteger toUnsigned(byte[] bytes) {
        return new BigInteger(1, bytes);
    }

    /** The XOR of two ids read as an unsigned integer; ids of different lengths are aligned at the right. */
    public static BigInteger distance(byte[] one, byte[] two) {
        return toUnsigned(one).xor(toUnsigned(two));
    }

    /** The XOR distance between two ids given in hex. */
    public static BigInteger distance(String hexOne, String hexTwo) {
        return hexToLong(hexOne).xor(hexToLong(hexTwo));
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() > 40 ? "\"" + text.substring(0, 37) + "...\"" : "\"" + text + "\"";
    }
}
