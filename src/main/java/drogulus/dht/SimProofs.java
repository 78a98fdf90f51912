package drogulus.dht;

import drogulus.crypto.Items;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

/**
 * Id proofs for simulated nodes, where making thousands of RSA keys would cost minutes. Each simulated node gets
 * a random "public key" whose SHA-512 is its id, as with RSA, and a secret only this registry and the node know;
 * a signature is SHA-512(secret || data), which the registry checks. Like a signature, it cannot be made for a key
 * without its secret, so a simulated adversary can claim an id but never prove it; only the cost of RSA is not
 * simulated.
 */
public final class SimProofs {
    private final Map<String, byte[]> secrets = new HashMap<>();
    /** The id of each simulated key, hashed once: every proof checked hashes the key to compare it with the id. */
    private final Map<String, NodeId> ids = new HashMap<>();
    private final Random random;
    private final MessageDigest sha512;

    public SimProofs(Random random) {
        this.random = random;
        try {
            this.sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-512", e);
        }
    }

    /** A new simulated identity; its id is {@code proofs.idOf(proofs.publicKey())}. */
    public synchronized IdProofs newIdentity() {
        byte[] key = new byte[24];
        byte[] secret = new byte[24];
        random.nextBytes(key);
        random.nextBytes(secret);
        String publicKey = "sim-key " + HexFormat.of().formatHex(key);
        secrets.put(publicKey, secret);
        return new IdProofs() {
            @Override
            public String publicKey() {
                return publicKey;
            }

            @Override
            public byte[] sign(byte[] data) {
                return mac(secret, data);
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
        byte[] secret = secrets.get(publicKey);
        return secret != null && Arrays.equals(mac(secret, data), sig);
    }

    private static final byte[] NEWLINE = "\n".getBytes(StandardCharsets.US_ASCII);

    /** One digest for the whole simulation (it runs on one thread; the lock keeps it safe if not). */
    private synchronized byte[] mac(byte[] secret, byte[] data) {
        sha512.update(secret);
        sha512.update(NEWLINE);
        return sha512.digest(data);
    }
}
