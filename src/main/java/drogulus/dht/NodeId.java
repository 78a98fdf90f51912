package drogulus.dht;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

/**
 * A 512-bit node id or item key. Held as eight longs so that the XOR distance comparisons a lookup makes
 * millions of times cost a few machine instructions and no allocation; as eight fields rather than an array, so
 * that reading an id costs one trip to memory, not two (a simulation of thousands of nodes is bound by those trips).
 */
public final class NodeId {
    /** Length of an id in bytes (SHA-512). */
    public static final int BYTES = 64;
    /** Length of an id in bits. */
    public static final int BITS = 512;
    private static final int WORDS = 8;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final long w0;
    private final long w1;
    private final long w2;
    private final long w3;
    private final long w4;
    private final long w5;
    private final long w6;
    private final long w7;
    private final int hash;
    /** The hex form, made once when first asked for: every id proof signs two ids in hex. */
    private String hex;

    private NodeId(long[] words) {
        w0 = words[0];
        w1 = words[1];
        w2 = words[2];
        w3 = words[3];
        w4 = words[4];
        w5 = words[5];
        w6 = words[6];
        w7 = words[7];
        this.hash = Arrays.hashCode(words);
    }

    /** Word {@code i} of the eight, most significant first. */
    private long word(int i) {
        return switch (i) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            case 3 -> w3;
            case 4 -> w4;
            case 5 -> w5;
            case 6 -> w6;
            default -> w7;
        };
    }

    /**
     * The first 64 bits, most significant first. Two ids whose leading bits differ are ordered by distance to a
     * key by these alone, so tables can rank contacts from a copy of them without reading the ids.
     */
    long lead() {
        return w0;
    }

    /** The id whose big-endian bytes are given; rejects anything but 64 bytes. */
    public static NodeId of(byte[] bytes) {
        if (bytes == null || bytes.length != BYTES) {
            throw new IllegalArgumentException("A node id or key must be " + BYTES + " bytes, not "
                + (bytes == null ? "nothing" : bytes.length));
        }
        long[] w = new long[WORDS];
        for (int i = 0; i < BYTES; i++) {
            w[i / 8] = (w[i / 8] << 8) | (bytes[i] & 0xffL);
        }
        return new NodeId(w);
    }

    /** Parses 128 lowercase hexadecimal characters, the form ids take on the wire. */
    public static NodeId fromHex(String hex) {
        if (hex == null || hex.length() != BYTES * 2) {
            throw new IllegalArgumentException("A node id must be " + BYTES * 2 + " hex characters");
        }
        long[] w = new long[WORDS];
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else {
                throw new IllegalArgumentException("A node id must be lowercase hex, found '" + c + "'");
            }
            w[i / 16] = (w[i / 16] << 4) | d;
        }
        return new NodeId(w);
    }

    /** A uniformly random id, for simulated nodes and bucket refreshes. */
    public static NodeId random(Random random) {
        long[] w = new long[WORDS];
        for (int i = 0; i < WORDS; i++) {
            w[i] = random.nextLong();
        }
        return new NodeId(w);
    }

    /**
     * A random id that shares exactly its first {@code prefix} bits with this one and differs at the next, or
     * shares at least {@code prefix} bits when {@code atLeast} is set: an id inside one k-bucket's range.
     */
    NodeId randomWithPrefix(int prefix, boolean atLeast, Random random) {
        long[] w = new long[WORDS];
        for (int i = 0; i < WORDS; i++) {
            w[i] = random.nextLong();
        }
        for (int bit = 0; bit < prefix; bit++) {
            setBit(w, bit, bit(bit));
        }
        if (!atLeast && prefix < BITS) {
            setBit(w, prefix, 1 - bit(prefix));
        }
        return new NodeId(w);
    }

    private static void setBit(long[] w, int bit, int value) {
        long mask = 1L << (63 - bit % 64);
        if (value == 1) {
            w[bit / 64] |= mask;
        } else {
            w[bit / 64] &= ~mask;
        }
    }

    /** Bit {@code i} counted from the most significant, 0 or 1. */
    int bit(int i) {
        return (int) (word(i / 64) >>> (63 - i % 64)) & 1;
    }

    /** How many leading bits this id shares with the other; 512 when they are equal. */
    public int commonPrefixLength(NodeId other) {
        for (int i = 0; i < WORDS; i++) {
            long x = word(i) ^ other.word(i);
            if (x != 0) {
                return i * 64 + Long.numberOfLeadingZeros(x);
            }
        }
        return BITS;
    }

    /** The XOR distance to the other id, read as an unsigned integer. */
    public BigInteger distance(NodeId other) {
        byte[] b = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            long x = word(i / 8) ^ other.word(i / 8);
            b[i] = (byte) (x >>> (56 - 8 * (i % 8)));
        }
        return new BigInteger(1, b);
    }

    /** Negative when {@code a} is nearer to this id than {@code b}, by XOR distance. */
    public int compareDistance(NodeId a, NodeId b) {
        // a and b are at different distances in a word exactly where their words differ; unrolled, as it is the
        // comparison every shortlist and every sort of contacts makes.
        if (a.w0 != b.w0) {
            return Long.compareUnsigned(a.w0 ^ w0, b.w0 ^ w0);
        }
        if (a.w1 != b.w1) {
            return Long.compareUnsigned(a.w1 ^ w1, b.w1 ^ w1);
        }
        if (a.w2 != b.w2) {
            return Long.compareUnsigned(a.w2 ^ w2, b.w2 ^ w2);
        }
        if (a.w3 != b.w3) {
            return Long.compareUnsigned(a.w3 ^ w3, b.w3 ^ w3);
        }
        if (a.w4 != b.w4) {
            return Long.compareUnsigned(a.w4 ^ w4, b.w4 ^ w4);
        }
        if (a.w5 != b.w5) {
            return Long.compareUnsigned(a.w5 ^ w5, b.w5 ^ w5);
        }
        if (a.w6 != b.w6) {
            return Long.compareUnsigned(a.w6 ^ w6, b.w6 ^ w6);
        }
        return Long.compareUnsigned(a.w7 ^ w7, b.w7 ^ w7);
    }

    /** Orders ids by their distance to this one, nearest first. */
    public Comparator<NodeId> byDistance() {
        return this::compareDistance;
    }

    public byte[] toBytes() {
        byte[] b = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            b[i] = (byte) (word(i / 8) >>> (56 - 8 * (i % 8)));
        }
        return b;
    }

    /** The 128-character lowercase hex form used on the wire. */
    public String hex() {
        String h = hex;
        if (h == null) {
            h = makeHex();
            hex = h;
        }
        return h;
    }

    /** Writes the {@link #hex()} form's 128 characters as ASCII bytes into {@code out} from {@code at}. */
    void hexInto(byte[] out, int at) {
        for (int i = 0; i < BYTES * 2; i++) {
            out[at + i] = (byte) HEX[(int) (word(i / 16) >>> (60 - 4 * (i % 16))) & 0xf];
        }
    }

    private String makeHex() {
        char[] out = new char[BYTES * 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = HEX[(int) (word(i / 16) >>> (60 - 4 * (i % 16))) & 0xf];
        }
        return new String(out);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof NodeId other && hash == other.hash && w0 == other.w0 && w1 == other.w1
            && w2 == other.w2 && w3 == other.w3 && w4 == other.w4 && w5 == other.w5 && w6 == other.w6
            && w7 == other.w7);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** An abbreviated form for logs; {@link #hex()} gives the full id. */
    @Override
    public String toString() {
        return hex().substring(0, 12) + "…";
    }
}
