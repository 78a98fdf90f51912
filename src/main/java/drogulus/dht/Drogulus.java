package drogulus.dht;

import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import drogulus.crypto.Items;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The seed's {@code Drogulus} class: a person's view of the DHT. Values are stored under keys made from the
 * owner's public key and a name, signed with the owner's identity, so nobody can overwrite another's keys.
 * Every operation returns a future that fails with a {@link DhtException} saying what went wrong: nobody
 * reachable, not found, refused or timed out.
 */
public final class Drogulus {
    private final Identity identity;
    private final Node node;

    public Drogulus(Identity identity, Node node) {
        this.identity = identity;
        this.node = node;
    }

    /** Joins the network through peers given as "host:port"; completes with the number of contacts known. */
    public CompletableFuture<Integer> join(List<String> seeds) {
        return node.join(seeds);
    }

    /** The item {@code name} published under {@code publicKey}, checked against its signature and key. */
    public CompletableFuture<Item> get(String publicKey, String name) {
        NodeId key = NodeId.of(Items.constructKey(publicKey, name));
        return node.findValue(key).handle((r, e) -> {
            if (e != null) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (cause instanceof DhtException.NotFound) {
                    throw new DhtException.NotFound("No value named '" + name + "' was found for that public key");
                }
                throw cause instanceof DhtException d ? d : new DhtException("Could not get '" + name + "': "
                    + cause.getMessage(), cause);
            }
            return r.value();
        });
    }

    /**
     * Signs {@code value} under {@code name} and stores it at the {@code duplicate} nodes nearest its key;
     * completes with how many acknowledged. {@code expires} is a duration in seconds from now, or -1 for never.
     */
    public CompletableFuture<Integer> set(String name, Object value, int duplicate, Map<String, String> meta,
                                         double expires) {
        if (duplicate < 1) {
            return CompletableFuture.failedFuture(new DhtException("duplicate must be at least 1, not " + duplicate));
        }
        if (expires != -1 && expires <= 0) {
            return CompletableFuture.failedFuture(new DhtException(
                "expires must be a positive number of seconds or -1 for never, not " + expires));
        }
        double timestamp = node.scheduler().now() / 1000.0;
        Item item = identity.signItem(name, value, timestamp, expires == -1 ? -1 : timestamp + expires,
            meta == null ? Map.of() : meta);
        int size = ItemFields.size(item);
        if (size > node.config().maxItemBytes()) {
            return CompletableFuture.failedFuture(new DhtException("The value for '" + name + "' is " + size
                + " bytes encoded; the most a node accepts is " + node.config().maxItemBytes()));
        }
        return node.put(item, duplicate);
    }

    /** {@link #set} with the seed's defaults: DUPLICATION_COUNT copies, no meta, never expiring. */
    public CompletableFuture<Integer> set(String name, Object value) {
        return set(name, value, node.config().duplicationCount(), Map.of(), -1);
    }

    /** What the owner of {@code publicKey} published about themselves: the item under the empty name. */
    public CompletableFuture<Item> whois(String publicKey) {
        return get(publicKey, "");
    }

    public Identity identity() {
        return identity;
    }

    public Node node() {
        return node;
    }
}
