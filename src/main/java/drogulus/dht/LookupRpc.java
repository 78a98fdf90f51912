package drogulus.dht;

import java.util.concurrent.CompletableFuture;

/**
 * The one call a lookup makes: ask a peer about the target. Keeping the lookup behind this interface, not the
 * transport, lets its tests complete the futures by hand and step the algorithm one answer at a time.
 */
@FunctionalInterface
public interface LookupRpc<V> {
    CompletableFuture<LookupReply<V>> query(Contact contact);
}
