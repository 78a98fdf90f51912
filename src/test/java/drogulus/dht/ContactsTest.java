package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ContactsTest {
    static Contact contact(NodeId id) {
        byte[] b = id.toBytes();
        return new Contact(id, "10." + (b[62] & 0xff) + "." + (b[63] & 0xff) + ".1", 9999, "0.1.0");
    }

    @Test
    void shouldReturnTheKNearestContactsNearestFirst() {
        Random random = new Random(3);
        NodeId target = NodeId.random(random);
        List<Contact> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(contact(NodeId.random(random)));
        }
        all.add(all.get(5));
        List<Contact> sorted = Contacts.sortContacts(all, target, 20);
        List<BigInteger> expected = all.stream().map(c -> target.distance(c.id())).distinct()
            .sorted(Comparator.naturalOrder()).limit(20).collect(Collectors.toList());
        assertEquals(expected, sorted.stream().map(c -> target.distance(c.id())).collect(Collectors.toList()));
    }
    @Test
    void shouldCompareContactsByAllFourPartsAndJudgeTheirAddresses() {
        NodeId id = NodeId.random(new Random(5));
        Contact a = new Contact(id, "10.0.0.1", 9999, "0.1.0");
        assertEquals(a, new Contact(id, "10.0.0.1", 9999, "0.1.0"));
        assertEquals(a.hashCode(), new Contact(id, "10.0.0.1", 9999, "0.1.0").hashCode());
        assertNotEquals(a, new Contact(id, "10.0.0.2", 9999, "0.1.0"));
        assertNotEquals(a, new Contact(id, "10.0.0.1", 9998, "0.1.0"));
        assertNotEquals(a, new Contact(id, "10.0.0.1", 9999, "0.1.1"));
        assertNotEquals(a, new Contact(NodeId.random(new Random(6)), "10.0.0.1", 9999, "0.1.0"));
        assertTrue(a.plausible());
        assertTrue(a.plausible(), "asked twice, the same answer");
        assertFalse(new Contact(id, "0.0.0.0", 9999, "0.1.0").plausible());
        assertFalse(new Contact(id, "10.0.0.1", 0, "0.1.0").plausible());
        assertFalse(new Contact(id, "evil host", 9999, "0.1.0").plausible());
        assertTrue(a.toString().startsWith("Contact[id="));
    }

    @Test
    void shouldSignTheSameBytesAsTheProofTextInUtf8() {
        Random random = new Random(8);
        NodeId challenger = NodeId.random(random);
        NodeId answerer = NodeId.random(random);
        for (String challenge : List.of("3f1b2c4d-0000-4000-8000-000000000001", "", "défi ✓")) {
            assertArrayEquals(("drogulus-id-proof\n" + challenge + "\n" + challenger.hex() + "\n" + answerer.hex())
                .getBytes(StandardCharsets.UTF_8), IdProofs.signedBytes(challenge, challenger, answerer));
        }
    }
}
