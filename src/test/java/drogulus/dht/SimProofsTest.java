package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The simulator's stand-in for RSA id proofs. */
class SimProofsTest {
    /** The key 00 01 .. 0f and the message 00 01 .. (n - 1), as SipHash's reference vectors use them. */
    private static long reference(int n) {
        byte[] message = new byte[n];
        for (int i = 0; i < n; i++) {
            message[i] = (byte) i;
        }
        return SimProofs.sipHash24(0x0706050403020100L, 0x0f0e0d0c0b0a0908L, message);
    }

    @Test
    void shouldComputeSipHashAsItsReferenceVectorsSay() {
        assertEquals(0x726fdb47dd0e0e31L, reference(0));
        assertEquals(0x74f839c593dc67fdL, reference(1));
        assertEquals(0xa129ca6149be45e5L, reference(15), "the example in SipHash's paper");
    }

    @Test
    void shouldAcceptAProofOnlyFromTheHolderOfTheKeyForTheChallengeItWasMadeFor() {
        SimProofs proofs = new SimProofs(new Random(3));
        IdProofs alice = proofs.newIdentity();
        IdProofs mallory = proofs.newIdentity();
        NodeId aliceId = alice.idOf(alice.publicKey());
        NodeId asker = mallory.idOf(mallory.publicKey());
        Message.IdProof proof = new Message.IdProof(alice.publicKey(),
            alice.sign(IdProofs.signedBytes("c1", asker, aliceId)));
        assertTrue(proofs.verifier().holds(aliceId, proof, "c1", asker));
        assertFalse(proofs.verifier().holds(aliceId, proof, "c2", asker), "made for another challenge");
        Message.IdProof forged = new Message.IdProof(alice.publicKey(),
            mallory.sign(IdProofs.signedBytes("c1", asker, aliceId)));
        assertFalse(proofs.verifier().holds(aliceId, forged, "c1", asker), "signed without Alice's secret");
    }
}
