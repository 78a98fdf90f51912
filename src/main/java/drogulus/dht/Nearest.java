package drogulus.dht;

import java.util.Arrays;
import java.util.List;

/**
 * A routing table's working set while it picks the contacts nearest a target: contacts with the first 64 bits of
 * their ids, as {@link KBucket} keeps them. Ordering by those bits reads no contact; only contacts whose leading
 * bits are equally far from the target (almost never) are compared by their whole ids. Not thread-safe: the
 * {@link RoutingTable} that owns it guards it.
 */
final class Nearest {
    private long[] leads = new long[32];
    private Contact[] contacts = new Contact[32];
    private int size;

    void add(Contact contact, long lead) {
        if (size == leads.length) {
            leads = Arrays.copyOf(leads, 2 * size);
            contacts = Arrays.copyOf(contacts, 2 * size);
        }
        leads[size] = lead;
        contacts[size] = contact;
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * Moves the contacts nearest to {@code target}, nearest first, to {@code out} until it holds {@code count}, and
     * empties this set. A selection: {@code count} passes over a few dozen contacts at most.
     */
    void takeInto(NodeId target, int count, List<Contact> out) {
        long t = target.lead();
        int wanted = Math.min(size, count - out.size());
        for (int j = 0; j < wanted; j++) {
            int best = j;
            long bestKey = leads[j] ^ t;
            for (int i = j + 1; i < size; i++) {
                long key = leads[i] ^ t;
                int c = Long.compareUnsigned(key, bestKey);
                if (c < 0 || (c == 0 && target.compareDistance(contacts[i].id(), contacts[best].id()) < 0)) {
                    best = i;
                    bestKey = key;
                }
            }
            swap(j, best);
            out.add(contacts[j]);
        }
        clear();
    }

    private void swap(int a, int b) {
        long lead = leads[a];
        leads[a] = leads[b];
        leads[b] = lead;
        Contact c = contacts[a];
        contacts[a] = contacts[b];
        contacts[b] = c;
    }

    void clear() {
        Arrays.fill(contacts, 0, size, null);
        size = 0;
    }
}
