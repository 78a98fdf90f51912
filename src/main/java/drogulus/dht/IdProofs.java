package drogulus.dht;

import drogulus.crypto.Identity;
import drogulus.crypto.Items;
import java.nio.charset.StandardCharsets;

/**
 * How a node proves that it holds its id, and checks the proofs of others (README, "Protocol"): a request may
 * carry a {@code challenge}; the answer then carries the answerer's public key ({@code id_key}) and its signature
 * ({@code id_sig}) over {@link #signedBytes}. The proof holds when the key hashes to the answerer's id and the
 * signature verifies.
 */
public interface IdProofs {
    /** The public key whose hash is this node's id, or null for a node that cannot prove its id. */
    String publicKey();

    /** The signature of {@code data} with the key behind {@link #publicKey()}. */
    byte[] sign(byte[] data);

    /** Whether {@code sig} is a signature of {@code data} by {@code publicKey}. */
    boolean verify(String publicKey, byte[] data, byte[] sig);

    /** The id a public key stands for: SHA-512 of the key, stripped, as DESIGN.md defines node ids. */
    default NodeId idOf(String publicKey) {
        return NodeId.of(Items.constructKey(publicKey, ""));
    }

    /** Whether the proof shows that {@code id} belongs to whoever answered our {@code challenge}. */
    default boolean holds(NodeId id, Message.IdProof proof, String challenge, NodeId challenger) {
        if (proof == null || challenge == null) {
            return false;
        }
        try {
            return idOf(proof.publicKey()).equals(id)
                && verify(proof.publicKey(), signedBytes(challenge, challenger, id), proof.sig());
        } catch (RuntimeException e) {
            // A malformed key is a failed proof, not a failed answer.
            return false;
        }
    }

    /**
     * What the answerer signs: a fixed label, the challenge, the challenger's id and the answerer's own id, so a
     * proof made for one asker or one id is worth nothing for another.
     */
    static byte[] signedBytes(String challenge, NodeId challenger, NodeId answerer) {
        // "drogulus-id-proof\n" + challenge + "\n" + challenger.hex() + "\n" + answerer.hex(), in UTF-8, written
        // into one array: two are made for every request that carries a challenge, one by each side.
        byte[] c = challenge.getBytes(StandardCharsets.UTF_8);
        int hex = 2 * NodeId.BYTES;
        int at = PROOF_LABEL.length();
        byte[] out = new byte[at + c.length + 2 + 2 * hex];
        for (int i = 0; i < at; i++) {
            out[i] = (byte) PROOF_LABEL.charAt(i);
        }
        System.arraycopy(c, 0, out, at, c.length);
        at += c.length;
        out[at++] = '\n';
        challenger.hexInto(out, at);
        at += hex;
        out[at++] = '\n';
        answerer.hexInto(out, at);
        return out;
    }

    /** The fixed start of what an id proof signs (ASCII). */
    String PROOF_LABEL = "drogulus-id-proof\n";

    /** Proofs made with the node's RSA identity, checked as item signatures are (SHA512withRSA). */
    static IdProofs rsa(Identity identity) {
        return new IdProofs() {
            @Override
            public String publicKey() {
                return identity == null ? null : identity.publicKeyPem();
            }

            @Override
            public byte[] sign(byte[] data) {
                return identity.sign(data);
            }

            @Override
            public boolean verify(String publicKey, byte[] data, byte[] sig) {
                return Items.verify(data, sig, publicKey);
            }
        };
    }
}
