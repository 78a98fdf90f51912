package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NodeIdTest {
    private final Random random = new Random(7);

    @Test
    void shouldRoundTripThroughHexAndBytes() {
        for (int i = 0; i < 50; i++) {
            NodeId id = NodeId.random(random);
            assertEquals(128, id.hex().length());
            assertEquals(id, NodeId.fromHex(id.hex()));
            assertEquals(id, NodeId.of(id.toBytes()));
            assertEquals(new BigInteger(1, id.toBytes()).toString(16), new BigInteger(id.hex(), 16).toString(16));
        }
    }

    @Test
    void shouldRejectMalformedIds() {
        String hex = NodeId.random(random).hex();
        assertThrows(IllegalArgumentException.class, () -> NodeId.fromHex(hex.substring(2)));
        assertThrows(IllegalArgumentException.class, () -> NodeId.fromHex(hex.toUpperCase(java.util.Locale.ROOT)
            .replace('0', 'A')));
        assertThrows(IllegalArgumentException.class, () -> NodeId.of(new byte[63]));
    }

    @Test
    void shouldMeasureDistanceAsUnsignedXor() {
        for (int i = 0; i < 200; i++) {
            NodeId t = NodeId.random(random);
            NodeId a = NodeId.random(random);
            NodeId b = NodeId.random(random);
            BigInteger da = new BigInteger(1, t.toBytes()).xor(new BigInteger(1, a.toBytes()));
            BigInteger db = new BigInteger(1, t.toBytes()).xor(new BigInteger(1, b.toBytes()));
            assertEquals(da, t.distance(a));
            assertEquals(Integer.signum(da.compareTo(db)), Integer.signum(t.compareDistance(a, b)));
            assertEquals(NodeId.BITS - da.bitLength(), t.commonPrefixLength(a));
        }
    }

    @Test
    void shouldMakeRandomIdsInsideTheAskedPrefixRange() {
        NodeId self = NodeId.random(random);
        for (int prefix = 0; prefix < NodeId.BITS; prefix += 37) {
            assertEquals(prefix, self.commonPrefixLength(self.randomWithPrefix(prefix, false, random)));
            NodeId deep = self.randomWithPrefix(prefix, true, random);
            assertEquals(true, self.commonPrefixLength(deep) >= prefix);
        }
        assertNotEquals(self, self.randomWithPrefix(0, false, random));
    }
}
