package drogulus.dht;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Section 2.5 of the paper: a newly met contact that is among the K nearest we know to a key we hold, when no
 * contact we know is nearer to that key than we are, gets the item from us; so the nodes that join next to a
 * key come to hold its items without waiting for the hourly republish. A newcomer that refuses the item as older
 * than its own tells us we missed an update, and we take the newer version from it.
 */
final class HandOffs {
    private final Node node;
    /** Keys whose newer version we are fetching from a peer that refused ours as superseded. */
    private final Set<NodeId> catchingUp = new HashSet<>();

    HandOffs(Node node) {
        this.node = node;
    }

    /** Hands the newcomer the items it should hold that no contact we know nearer their keys than us would. */
    void offer(Contact newcomer) {
        if (!node.isRunning()) {
            return;
        }
        long now = node.scheduler().now();
        int k = node.config().k();
        RoutingTable table = node.routingTable();
        NodeId self = node.id();
        for (StoredItem s : node.store().items()) {
            NodeId key = s.key();
            int nearerThanUs = key.compareDistance(newcomer.id(), self) < 0 ? 1 : 0;
            if (s.isCached() || s.expired(now) || table.countCloser(key, 2) > nearerThanUs
                || table.countCloserThan(key, newcomer.id(), k) >= k) {
                continue;
            }
            CompletableFuture<?> unused = node.peers().store(newcomer, s.item(), false).exceptionally(e -> {
                if (Peers.unwrap(e) instanceof Peers.DhtRefusal r && r.code() == ErrorCode.SUPERSEDED_VALUE) {
                    catchUp(newcomer, key);
                }
                return null;
            });
        }
    }

    /**
     * The holder refused our version of the item as superseded: we missed an update (a newcomer next to the key
     * is handed the old version by a node that had it before the update's put knew of the newcomer), so we take
     * the newer one from the holder. Otherwise we would go on handing the old version to each newcomer next to
     * the key, and the nearest nodes, newcomers all, could come to hold only it and answer gets with it
     * (bench/dht/README.md, "cancelled requests settled").
     */
    private void catchUp(Contact holder, NodeId key) {
        synchronized (catchingUp) {
            if (!catchingUp.add(key)) {
                return;
            }
        }
        Message.FindValue ask = new Message.FindValue(node.uuid(), node.id(), node.version(), node.port(), key);
        CompletableFuture<?> unused = node.peers().call(holder, ask).handle((r, e) -> {
            synchronized (catchingUp) {
                catchingUp.remove(key);
            }
            // The store checks the signature, expiry and version as for any store; the key asked for is ours to check.
            if (r != null && r.message() instanceof Message.Value v
                    && Arrays.equals(v.item().key(), key.toBytes())) {
                node.handler().store(v.item(), node.transport().address(), false);
            }
            return null;
        });
    }
}
