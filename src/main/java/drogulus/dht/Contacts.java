package drogulus.dht;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The seed's {@code sort_contacts}: contacts ordered by distance to a target. */
public final class Contacts {
    private Contacts() {
    }

    /** The {@code limit} contacts nearest to {@code target}, nearest first; duplicates of an id are kept once. */
    public static List<Contact> sortContacts(Collection<Contact> contacts, NodeId target, int limit) {
        List<Contact> sorted = new ArrayList<>(contacts);
        sorted.sort((a, b) -> target.compareDistance(a.id(), b.id()));
        List<Contact> out = new ArrayList<>(Math.min(limit, sorted.size()));
        for (Contact c : sorted) {
            if (out.size() == limit) {
                break;
            }
            if (out.isEmpty() || !out.get(out.size() - 1).id().equals(c.id())) {
                out.add(c);
            }
        }
        return out;
    }
}
