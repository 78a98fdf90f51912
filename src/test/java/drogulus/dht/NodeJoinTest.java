package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a join leaves in the new node's routing table. */
@Timeout(60)
class NodeJoinTest {
    private final SimCluster cluster = new SimCluster(5, NodeConfig.defaults(), false).grow(120);

    @Test
    void shouldRefreshAFarBucketUntilItHoldsAQuarterOfKAndLeaveTheRestToThePeersThatAskUs() {
        Node n = cluster.newNode();
        cluster.await(n.join(List.of(cluster.nodes.get(0).contact().endpoint())));
        int k = cluster.config.k();
        long farNodes = cluster.nodes.stream().filter(o -> n.id().commonPrefixLength(o.id()) == 0).count();
        assertTrue(farNodes >= 2L * k, "the far half of the network could fill the bucket twice over: " + farNodes);
        int far = n.routingTable().bucketSize(0);
        assertTrue(far >= Join.refreshFill(k), "the refresh found enough contacts there: " + far);
        assertTrue(far < k, "and stopped long before the bucket was full: " + far);
    }

    @Test
    void shouldFillANearBucketWholeWithTheLookupOfItsOwnId() {
        Node n = cluster.newNode();
        cluster.await(n.join(List.of(cluster.nodes.get(0).contact().endpoint())));
        RoutingTable table = n.routingTable();
        int last = table.bucketCount() - 1;
        long near = cluster.nodes.stream().filter(o -> n.id().commonPrefixLength(o.id()) >= last).count();
        assertEquals(Math.min(near, cluster.config.k()), table.bucketSize(last),
            "every node that shares the last bucket's prefix, up to K, answered the lookup");
    }
}
