package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
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
}
