package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
    private static final int K = 4;
    private final Random random = new Random(11);
    private final AtomicLong clock = new AtomicLong(1_000);
    private final NodeId self = NodeId.random(random);
    private final RoutingTable table = new RoutingTable(self, K, 3, clock::get);

    private Contact at(int prefix) {
        return ContactsTest.contact(self.randomWithPrefix(prefix, false, random));
    }

    @Test
    void shouldSplitOnlyTheBucketCoveringOwnId() {
        for (int i = 0; i < K; i++) {
            table.addContact(at(0));
        }
        assertEquals(1, table.bucketCount());
        table.addContact(at(3));
        assertEquals(2, table.bucketCount(), "the full bucket covered our id, so it split");
        assertEquals(K, table.bucketContacts(0).size());
        Contact extra = at(0);
        table.addContact(extra);
        assertEquals(2, table.bucketCount(), "bucket 0 no longer covers our id and never splits");
        assertEquals(K, table.bucketContacts(0).size());
        assertEquals(List.of(extra), table.replacementsOf(0));
        assertNull(table.get(extra.id()));
    }

    @Test
    void shouldMoveARecentlySeenContactToTheFreshEnd() {
        List<Contact> added = new ArrayList<>();
        for (int i = 0; i < K; i++) {
            added.add(at(0));
            table.addContact(added.get(i));
        }
        table.addContact(at(5));
        table.addContact(added.get(0));
        assertEquals(added.get(0), table.bucketContacts(0).get(K - 1));
        assertEquals(added.get(1), table.bucketContacts(0).get(0));
    }

    @Test
    void shouldEvictAfterAllowedFailuresAndPromoteTheNewestReplacement() {
        List<Contact> added = new ArrayList<>();
        for (int i = 0; i < K; i++) {
            added.add(at(0));
            table.addContact(added.get(i));
        }
        table.addContact(at(9));
        Contact older = at(0);
        Contact newer = at(0);
        table.addContact(older);
        table.addContact(newer);
        Contact victim = added.get(2);
        assertFalse(table.recordFailure(victim.id()));
        assertTrue(table.recordFailure(victim.id()), "with a replacement waiting, two failures in a row are enough");
        assertNull(table.get(victim.id()));
        assertEquals(newer, table.get(newer.id()));
        assertEquals(List.of(older), table.replacementsOf(0));
    }

    @Test
    void shouldForgiveFailuresWhenAContactIsHeardFromAgain() {
        Contact c = at(2);
        table.addContact(c);
        table.recordFailure(c.id());
        table.recordFailure(c.id());
        table.addContact(c);
        assertFalse(table.recordFailure(c.id()));
        assertEquals(c, table.get(c.id()));
    }

    @Test
    void shouldNeverHoldItself() {
        table.addContact(ContactsTest.contact(self));
        assertEquals(0, table.size());
    }

    @Test
    void shouldFindTheNearestContactsAcrossBucketBorders() {
        RoutingTable big = new RoutingTable(self, 20, 5, clock::get);
        List<Contact> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Contact c = ContactsTest.contact(self.randomWithPrefix(random.nextInt(14), false, random));
            big.addContact(c);
        }
        all.addAll(big.contacts());
        assertTrue(big.bucketCount() > 5);
        for (int i = 0; i < 200; i++) {
            NodeId target = i % 2 == 0 ? NodeId.random(random) : self.randomWithPrefix(random.nextInt(16), false,
                random);
            assertEquals(Contacts.sortContacts(all, target, 20), big.findClosest(target, 20, null));
        }
        Contact first = big.findClosest(self, 1, null).get(0);
        assertFalse(big.findClosest(self, 20, first.id()).contains(first));
    }

    @Test
    void shouldOfferRefreshTargetsOnlyForIdleBuckets() {
        for (int i = 0; i < 12; i++) {
            table.addContact(at(i % 3));
        }
        int buckets = table.bucketCount();
        assertEquals(0, table.refreshTargets(60_000, random).size());
        clock.addAndGet(60_000);
        NodeId touched = self.randomWithPrefix(0, false, random);
        table.touch(touched);
        List<NodeId> targets = table.refreshTargets(60_000, random);
        assertEquals(buckets - 1, targets.size());
        for (NodeId t : targets) {
            assertTrue(self.commonPrefixLength(t) > 0);
        }
    }

    @Test
    void shouldCountTheContactsNearerToAKeyThanUsAsAScanOfEveryContactWould() {
        for (int i = 0; i < 400; i++) {
            table.addContact(at(random.nextInt(12)));
        }
        List<NodeId> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            keys.add(self.randomWithPrefix(random.nextInt(14), false, random));
        }
        keys.add(self);
        for (NodeId key : keys) {
            int all = 0;
            for (Contact c : table.contacts()) {
                if (key.compareDistance(c.id(), self) < 0) {
                    all++;
                }
            }
            assertEquals(all, table.countCloser(key, 1_000));
            assertEquals(Math.min(all, 2), table.countCloser(key, 2));
            assertEquals(Math.min(all, 2), table.countCloserThan(key, self, 2));
        }
    }
    /** An id that starts with the given 64 bits and is random after them. */
    private NodeId withLead(long lead) {
        byte[] b = NodeId.random(random).toBytes();
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (lead >>> (56 - 8 * i));
        }
        return NodeId.of(b);
    }

    @Test
    void shouldRankContactsWhoseFirst64BitsTieByTheirWholeIds() {
        // Buckets rank members by their ids' first 64 bits; ids equal there must still come out in true order.
        RoutingTable big = new RoutingTable(self, 20, 5, clock::get);
        long lead = ~self.lead();
        List<Contact> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Contact c = ContactsTest.contact(withLead(i < 6 ? lead : lead ^ 1));
            all.add(c);
            big.offer(c, i % 3 != 0);
        }
        for (int i = 0; i < 20; i++) {
            NodeId target = i == 0 ? all.get(4).id() : withLead(i % 2 == 0 ? lead : lead ^ 3);
            List<Contact> expected = new ArrayList<>();
            List<Contact> unproven = new ArrayList<>();
            for (Contact c : Contacts.sortContacts(all, target, all.size())) {
                (all.indexOf(c) % 3 != 0 ? expected : unproven).add(c);
            }
            expected.addAll(unproven);
            assertEquals(expected.subList(0, 7), big.findClosest(target, 7, null));
            List<Contact> without = new ArrayList<>(expected);
            without.remove(all.get(4));
            assertEquals(without, big.findClosest(target, 20, all.get(4).id()));
            for (Contact than : all) {
                int nearer = 0;
                for (Contact c : all) {
                    if (!c.equals(than) && target.compareDistance(c.id(), than.id()) < 0) {
                        nearer++;
                    }
                }
                assertEquals(nearer, big.countCloserThan(target, than.id(), 100));
                assertEquals(Math.min(nearer, 3), big.countCloserThan(target, than.id(), 3));
            }
        }
    }
}
