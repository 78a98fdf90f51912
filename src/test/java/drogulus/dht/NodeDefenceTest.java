package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The observations of issue 14, each reproduced against the node: they must no longer happen. */
@Timeout(60)
class NodeDefenceTest {
    private static Identity alice;

    private final SimCluster cluster = new SimCluster(33, NodeConfig.defaults(), false).grow(30);

    @BeforeAll
    static void keys() {
        alice = SimCluster.identity("alice");
    }

    private Item item(String name, Object value, double timestamp) {
        return alice.signItem(name, value, timestamp, -1, Map.of());
    }

    private double now() {
        return cluster.scheduler.now() / 1000.0;
    }

    private List<Node> nearest(NodeId key, int n) {
        return cluster.nodes.stream().filter(Node::isRunning)
            .sorted(Comparator.comparing(Node::id, key.byDistance())).limit(n).collect(Collectors.toList());
    }

    @Test
    void shouldKeepARealNodeWhenAnAnswerPairsItsIdWithAnotherAddress() {
        Node asker = cluster.nodes.get(0);
        Node real = cluster.nodes.get(1);
        Node elsewhere = cluster.nodes.get(2);
        asker.routingTable().addContact(real.contact());
        Contact lie = new Contact(real.id(), elsewhere.contact().address(), elsewhere.contact().port(), "0");
        CompletableFuture<Message> f = cluster.run(asker.rpc(lie, new Message.Ping("p", asker.id(), "0", 1)));
        assertTrue(f.isCompletedExceptionally(), "the answer came from another node: not the one asked for");
        assertEquals(real.contact().endpoint(), asker.routingTable().get(real.id()).endpoint());
    }

    @Test
    void shouldCapAndCheckTheContactsOfOneAnswer() {
        Node n = cluster.nodes.get(0);
        NodeId answerer = cluster.nodes.get(1).id();
        List<Contact> offered = new ArrayList<>();
        offered.add(new Contact(n.id(), "10.9.9.1", 1, "0"));
        offered.add(new Contact(answerer, "10.9.9.2", 1, "0"));
        offered.add(new Contact(NodeId.random(cluster.random), "0.0.0.0", 1, "0"));
        offered.add(new Contact(NodeId.random(cluster.random), "10.9.9.3", 0, "0"));
        Contact twice = new Contact(NodeId.random(cluster.random), "10.9.9.4", 1, "0");
        offered.add(twice);
        offered.add(twice);
        for (int i = 0; i < 200; i++) {
            offered.add(new Contact(NodeId.random(cluster.random), "10.8." + (i % 250) + ".1", 1, "0"));
        }
        List<Contact> sane = n.peers().sane(offered, answerer);
        assertEquals(NodeConfig.defaults().k(), sane.size());
        assertEquals(twice, sane.get(0), "our own id, the answerer's, bad addresses and ports are left out");
        assertEquals(sane.size(), sane.stream().map(Contact::id).distinct().count());
    }

    @Test
    void shouldReturnTheNewestVersionAndRepairStaleHolders() {
        Item old = item("versions", "old", now());
        NodeId key = NodeId.of(old.key());
        assertEquals(20, cluster.await(cluster.nodes.get(0).put(old, 20)));
        cluster.scheduler.advance(5_000);
        Item newer = item("versions", "new", now());
        List<Node> holders = nearest(key, 20);
        for (int i = 0; i < holders.size(); i += 2) {
            Node h = holders.get(i);
            h.store().put(new StoredItem(newer, "test", 100, cluster.scheduler.now(), Long.MAX_VALUE));
        }
        int stale = 0;
        for (int i = 0; i < 60; i++) {
            Node from = cluster.nodes.get(cluster.random.nextInt(cluster.nodes.size()));
            if (!cluster.await(from.findValue(key)).value().equals(newer)) {
                stale++;
            }
            cluster.scheduler.advance(2_000);
        }
        assertTrue(stale <= 3, stale + " of 60 gets returned the old version (the seed's node: about a quarter)");
        long repaired = holders.stream().filter(h -> newer.equals(h.store().get(key).item())).count();
        assertTrue(repaired >= 18, "read repair brought the newer version to " + repaired + " of the 20 holders");
    }

    @Test
    void shouldFailAPutThatFewerThanAMajorityAcknowledged() {
        SimCluster small = new SimCluster(7, NodeConfig.defaults(), false);
        NodeConfig refusing = NodeConfig.defaults().withQuotas(64, 64, 64);
        for (int i = 0; i < 10; i++) {
            Node n = small.newNode(i < 7 ? refusing : small.config);
            if (i > 0) {
                small.await(n.join(List.of(small.nodes.get(0).contact().endpoint())));
            }
            small.nodes.add(n);
        }
        Item item = item("lonely", "v", small.scheduler.now() / 1000.0);
        CompletableFuture<Integer> f = small.run(small.nodes.get(9).put(item, 10));
        CompletionException e = assertThrows(CompletionException.class, f::join);
        DhtException.TooFewCopies few = assertInstanceOf(DhtException.TooFewCopies.class, e.getCause());
        assertEquals(3, few.acks());
        assertEquals(10, few.asked());
        assertTrue(few.getMessage().startsWith("3 of the 10 nodes"), few.getMessage());
    }

    @Test
    void shouldHandItemsToANewNodeNearerTheirKey() {
        Item item = item("handed", "v", now());
        NodeId key = NodeId.of(item.key());
        cluster.await(cluster.nodes.get(0).put(item, 5));
        Node farthestHolder = nearest(key, 5).get(4);
        Node newcomer;
        do {
            newcomer = cluster.newNode();
            if (key.compareDistance(newcomer.id(), farthestHolder.id()) >= 0) {
                newcomer.stop();
                newcomer = null;
            }
        } while (newcomer == null);
        cluster.await(newcomer.join(List.of(cluster.nodes.get(3).contact().endpoint())));
        cluster.nodes.add(newcomer);
        cluster.scheduler.advance(30_000);
        assertNotNull(newcomer.store().get(key), "a holder handed the item over when it met the newcomer");
    }

    @Test
    void shouldTakeTheNewerVersionFromAPeerThatRefusesTheOlderOneHandedToIt() {
        // A node that missed an update hands the old version to the nodes it meets next to the key; the one that
        // refuses it as superseded has the newer version, which the node then takes, so it stops spreading the old.
        Item old = item("updated", "v1", now() - 60);
        Item newer = item("updated", "v2", now());
        NodeId key = NodeId.of(old.key());
        List<Node> near = nearest(key, 2);
        Node missed = near.get(0);
        Node updated = near.get(1);
        assertNull(missed.handler().store(old, "10.0.0.1", false));
        assertNull(updated.handler().store(newer, "10.0.0.1", false));
        missed.handOffs().offer(updated.contact());
        cluster.scheduler.advance(30_000);
        assertEquals(0, Node.NEWER.compare(newer, updated.store().get(key).item()), "the peer kept its version");
        assertEquals(0, Node.NEWER.compare(newer, missed.store().get(key).item()),
            "the node that handed over the old version took the newer one from the peer that refused it");
    }

    @Test
    void shouldProveIdsAndRankProvenContactsFirst() {
        Node n = cluster.nodes.get(5);
        List<Contact> known = n.routingTable().contacts();
        assertTrue(known.stream().allMatch(c -> n.routingTable().isProven(c.id())), "every honest peer proved its id");
        NodeId target = NodeId.random(cluster.random);
        Contact impostor = new Contact(target, "10.77.0.1", 1, "0");
        n.routingTable().offer(impostor, false);
        List<Contact> closest = n.routingTable().findClosest(target, known.size() + 1, null);
        assertEquals(impostor, closest.get(closest.size() - 1), "an id nobody proved ranks after proven ones");
    }
}
