package drogulus.dht;

import drogulus.crypto.Items;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

/**
 * Id proofs for simulated nodes, where making thousands of RSA keys would cost minutes. Each simulated node gets
 * a random "public key" whose SHA-512 is its id, as with RSA, and a secret only this registry and the node know;
 * a signature is SipHash-2-4 of the data keyed with the secret (a keyed pseudo-random function made for short
 * inputs), which the registry checks. Like a signature, it cannot be made for a key without its secret, so a
 * simulated adversary can claim an id but never prove it; only the cost of RSA is not simulated. (It was a keyed
 * SHA-512 until a profile of the 10,000-node run found 8% of the time there: nearly every request carries a
 * challenge, so each costs one signature and one check.)
 */
public final class SimProofs {
    /** Each simulated key's secret, as the two 64-bit halves of SipHash's key. */
    private final Map<String, long[]> secrets = new HashMap<>();
    /** The id of each simulated key, hashed once: every proof checked hashes the key to compare it with the id. */
    private final Map<String, NodeId> ids = new HashMap<>();
    private final Random random;

    public SimProofs(Random random) {
        this.random = random;
    }

    /** A new simulated identity; its id is {@code proofs.idOf(proofs.publicKey())}. */
    public synchronized IdProofs newIdentity() {
        byte[] key = new byte[24];
        byte[] secret = new byte[24];
        random.nextBytes(key);
        random.nextBytes(secret);
        String publicKey = "sim-key " + HexFormat.of().formatHex(key);
        long[] sipKey = {littleEndian(secret, 0, 8), littleEndian(secret, 8, 8)};
        secrets.put(publicKey, sipKey);
        return new IdProofs() {
            @Override
            public String publicKey() {
                return publicKey;
            }

            @Override
            public byte[] sign(byte[] data) {
                return mac(sipKey, data);
            }

            @Override
            public boolean verify(String pk, byte[] data, byte[] sig) {
                return SimProofs.this.verify(pk, data, sig);
            }

            @Override
            public NodeId idOf(String pk) {
                return SimProofs.this.idOf(pk);
            }
        };
    }

    /** Proofs for a simulated node that cannot prove any id but checks the proofs of others. */
    public IdProofs verifier() {
        return new IdProofs() {
            @Override
            public String publicKey() {
                return null;
            }

            @Override
            public byte[] sign(byte[] data) {
                throw new IllegalStateException("This node has no key to prove an id with");
            }

            @Override
            public boolean verify(String pk, byte[] data, byte[] sig) {
                return SimProofs.this.verify(pk, data, sig);
            }

            @Override
            public NodeId idOf(String pk) {
                return SimProofs.this.idOf(pk);
            }
        };
    }

    /** As {@link IdProofs#idOf}, remembered for the simulation's own keys (anything else is hashed each time). */
    private synchronized NodeId idOf(String publicKey) {
        NodeId known = ids.get(publicKey);
        if (known == null) {
            known = NodeId.of(Items.constructKey(publicKey, ""));
            if (secrets.containsKey(publicKey)) {
                ids.put(publicKey, known);
            }
        }
        return known;
    }

    private synchronized boolean verify(String publicKey, byte[] data, byte[] sig) {
        long[] secret = secrets.get(publicKey);
        return secret != null && Arrays.equals(mac(secret, data), sig);
    }

    private static byte[] mac(long[] key, byte[] data) {
        long tag = sipHash24(key[0], key[1], data);
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (tag >>> (8 * i));
        }
        return out;
    }

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** {@code n} bytes from {@code at} read as a little-endian number, as SipHash reads its key and message. */
    private static long littleEndian(byte[] b, int at, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }

    /** SipHash-2-4 (Aumasson and Bernstein, 2012) of {@code data} under the 128-bit key (k0, k1). */
    static long sipHash24(long k0, long k1, byte[] data) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        int whole = data.length & ~7;
        // Each 8-byte word of the message, then a last word of the bytes left and the length, is mixed in with two
        // rounds; four more rounds finish. The rounds are written out so the state stays in registers.
        for (int at = 0; at <= whole; at += 8) {
            long m = at < whole ? (long) WORDS.get(data, at)
                : ((long) data.length << 56) | littleEndian(data, whole, data.length - whole);
            v3 ^= m;
            for (int r = 0; r < 2; r++) {
                v0 += v1;
                v1 = Long.rotateLeft(v1, 13) ^ v0;
                v0 = Long.rotateLeft(v0, 32);
                v2 += v3;
                v3 = Long.rotateLeft(v3, 16) ^ v2;
                v0 += v3;
                v3 = Long.rotateLeft(v3, 21) ^ v0;
                v2 += v1;
                v1 = Long.rotateLeft(v1, 17) ^ v2;
                v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= m;
        }
        v2 ^= 0xff;
        for (int r = 0; r < 4; r++) {
            v0 += v1;
            v1 = Long.rotateLeft(v1, 13) ^ v0;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v3;
            v3 = Long.rotateLeft(v3, 16) ^ v2;
            v0 += v3;
            v3 = Long.rotateLeft(v3, 21) ^ v0;
            v2 += v1;
            v1 = Long.rotateLeft(v1, 17) ^ v2;
            v2 = Long.rotateLeft(v2, 32);
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }
}
