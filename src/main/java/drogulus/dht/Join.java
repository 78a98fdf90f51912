package drogulus.dht;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A node's way into the network (the paper's join): ping the seeds known only by address, look up our own id,
 * then refresh the buckets farther than our nearest neighbour so that we can route into every part of the id
 * space.
 */
final class Join {
    /** A seed is the one way in, so a lost ping to it is tried again before the join gives up. */
    private static final int PING_ATTEMPTS = 3;

    private final Node node;
    private final NodeId id;
    private final RoutingTable table;
    private final Transport transport;

    Join(Node node) {
        this.node = node;
        this.id = node.id();
        this.table = node.routingTable();
        this.transport = node.transport();
    }

    /**
     * Joins the network through peers known only by address: pings each, then looks up our own id, which fills
     * the routing table and tells our neighbours about us. Completes with the number of contacts then known; fails
     * when no seed answered, or when no node answered that lookup.
     */
    CompletableFuture<Integer> join(List<String> endpoints) {
        List<CompletableFuture<Boolean>> pings = new ArrayList<>();
        for (String endpoint : endpoints) {
            int colon = endpoint.lastIndexOf(':');
            if (colon < 1) {
                return CompletableFuture.failedFuture(new DhtException("A seed node must be given as host:port, not '"
                    + endpoint + "'"));
            }
            String address = endpoint.substring(0, colon);
            int port;
            try {
                port = Integer.parseInt(endpoint.substring(colon + 1));
            } catch (NumberFormatException e) {
                return CompletableFuture.failedFuture(new DhtException("The port in '" + endpoint
                    + "' is not a number"));
            }
            pings.add(pingSeed(address, port, PING_ATTEMPTS));
        }
        return CompletableFuture.allOf(pings.toArray(new CompletableFuture<?>[0])).thenCompose(v -> {
            if (table.size() == 0) {
                throw new DhtException("Could not reach any of the seed nodes " + endpoints);
            }
            return node.findNode(id);
        }).thenCompose(r -> {
            if (r.closest().isEmpty()) {
                // The seed answered the ping but nobody answered the lookup (the seed left, or every answer was
                // lost): a node that stopped here would know no one and be known by no one, so the join failed
                // and the caller may try another seed.
                throw new DhtException("No node answered the lookup of our own id through " + endpoints);
            }
            return refreshFartherBuckets(r.closest());
        }).thenApply(r -> table.size());
    }

    /** Pings a seed known only by its address, trying again when a ping goes unanswered. */
    private CompletableFuture<Boolean> pingSeed(String address, int port, int attempts) {
        CompletableFuture<Boolean> reached = new CompletableFuture<>();
        String challenge = node.uuid();
        CompletableFuture<?> unused = transport.send(address, port, new Message.Ping(node.uuid(), id, node.version(),
            transport.port(), challenge)).whenComplete((m, e) -> {
                if (e == null && !(m instanceof Message.ErrorReply)) {
                    boolean proven = m instanceof Message.Answer a
                        && node.proofs().holds(m.node(), a.proof(), challenge, id);
                    node.peers().answered(new Contact(m.node(), address, port, m.version()), proven);
                    reached.complete(true);
                } else if (attempts > 1) {
                    CompletableFuture<?> unusedRetry = pingSeed(address, port, attempts - 1)
                        .whenComplete((ok, e2) -> reached.complete(Boolean.TRUE.equals(ok)));
                } else {
                    reached.complete(false);
                }
            });
        return reached;
    }

    /**
     * How many contacts a join's refresh of a far bucket looks for: a quarter of K. The refresh is there so that a
     * new node can route into every part of the id space; a few contacts per far bucket are enough to start a
     * lookup there with ALPHA requests in flight and spares, and the rest of the bucket fills as any Kademlia table
     * fills, from the peers that ask us something (each pinged back once, while its bucket has room): one ping per
     * contact instead of a FindNode and the ping back of the node asked. The buckets that decide which keys we are
     * responsible for are the near ones, which the lookup of our own id fills whole. Measured with the simulator
     * (1,000 nodes, 30% churn per round, 5% loss): filling to K cost 0.82 M messages, to K/4 0.44 M, with the same
     * success and latency (bench/dht/README.md).
     */
    static int refreshFill(int k) {
        return Math.max(1, k / 4);
    }

    /**
     * The paper's last join step: a lookup of a random id in every bucket farther than our nearest neighbour that
     * holds fewer than {@link #refreshFill} contacts, so a new node's table is not thin. A bucket whose whole
     * range is nearer to us than the farthest of {@code selfLookup} (the K nearest nodes our own lookup found) is
     * left out: that lookup has already asked every node there it could find, and a lookup of an id in it would
     * ask the same nodes again. Each refresh wants that bucket's contacts, not the K nodes nearest its random id:
     * it asks only contacts in the bucket's range once it knows one, and stops when the bucket holds enough
     * contacts or nobody left in range could add one ({@link RefreshBounds}).
     */
    private CompletableFuture<Void> refreshFartherBuckets(List<Contact> selfLookup) {
        List<Contact> nearest = table.findClosest(id, 1, null);
        if (nearest.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        int shared = Math.min(id.commonPrefixLength(nearest.get(0).id()), table.bucketCount() - 1);
        int covered = NodeId.BITS;
        for (Contact c : selfLookup) {
            covered = Math.min(covered, id.commonPrefixLength(c.id()));
        }
        int enough = refreshFill(node.config().k());
        List<CompletableFuture<?>> lookups = new ArrayList<>();
        for (int i = 0; i < Math.min(shared, covered + 1); i++) {
            int bucket = i;
            if (table.bucketSize(bucket) < enough) {
                RefreshBounds fill = new RefreshBounds(c -> id.commonPrefixLength(c) == bucket,
                    () -> table.bucketSize(bucket) >= enough, c -> table.get(c) != null);
                NodeId target = id.randomWithPrefix(i, false, node.random());
                lookups.add(node.findNode(target, fill).exceptionally(e -> null));
            }
        }
        return CompletableFuture.allOf(lookups.toArray(new CompletableFuture<?>[0]));
    }
}
