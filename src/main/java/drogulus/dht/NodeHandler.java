package drogulus.dht;

import drogulus.crypto.Item;
import drogulus.crypto.Items;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A node's answers to incoming requests: ping, store, findnode and findvalue. Every request first passes the
 * rate limits, and its sender joins the routing table.
 */
final class NodeHandler implements Transport.RequestHandler {
    /** How far cached copies are allowed to spread before their lifetime bottoms out. */
    private static final int CLOSER_LIMIT_BUCKETS = 8;
    private static final long MIN_CACHE_MILLIS = 60_000;

    private final Node node;
    private final RateLimiter limiter;

    NodeHandler(Node node, RateLimiter limiter) {
        this.node = node;
        this.limiter = limiter;
    }

    @Override
    public CompletableFuture<Message> handle(Message.Request request, InetAddress source) {
        return CompletableFuture.completedFuture(answerFrom(request, source.getHostAddress()));
    }

    private Message answerFrom(Message.Request request, String sourceAddress) {
        if (!limiter.allow(sourceAddress) || request.node().equals(node.id())) {
            return null;
        }
        try {
            node.routingTable().addContact(new Contact(request.node(), sourceAddress, request.port(),
                request.version()));
            return answer(request, sourceAddress);
        } catch (RuntimeException e) {
            // A bug or a failing disk must cost the asker one answer, never the node its transport thread.
            return error(request.uuid(), ErrorCode.INTERNAL_ERROR, String.valueOf(e.getMessage()));
        }
    }

    private Message answer(Message.Request request, String sourceAddress) {
        String uuid = request.uuid();
        if (request instanceof Message.Ping) {
            return new Message.Pong(uuid, node.id(), node.version());
        } else if (request instanceof Message.FindNode f) {
            return nodes(uuid, f.key(), request.node());
        } else if (request instanceof Message.FindValue f) {
            StoredItem held = node.store().get(f.key());
            if (held != null && !held.expired(node.scheduler().now())) {
                return new Message.Value(uuid, node.id(), node.version(), held.item());
            }
            return nodes(uuid, f.key(), request.node());
        } else if (request instanceof Message.Store s) {
            ErrorCode refused = store(s.item(), sourceAddress);
            return refused == null ? new Message.Pong(uuid, node.id(), node.version())
                : error(uuid, refused, refusal(refused));
        }
        return error(uuid, ErrorCode.UNKNOWN_REQUEST, "not a request this node answers");
    }

    private Message nodes(String uuid, NodeId key, NodeId asker) {
        return new Message.Nodes(uuid, node.id(), node.version(),
            node.routingTable().findClosest(key, node.config().k(), asker));
    }

    Message.ErrorReply error(String uuid, ErrorCode code, String why) {
        return new Message.ErrorReply(uuid, node.id(), node.version(), code.code(), code.title(),
            Map.of("message", why));
    }

    private String refusal(ErrorCode code) {
        return switch (code) {
            case UNVERIFIABLE_PROVENANCE -> "the signature does not match the item and its public key";
            case KEY_MISMATCH -> "the key is not the one the public key and name give";
            case SUPERSEDED_VALUE -> "a newer version of the item is held";
            case REQUEST_TOO_BIG -> "the item is over the size limit or the storage quota";
            default -> code.title();
        };
    }

    /**
     * Validates and keeps an item, or says why not. Expired items are acknowledged and dropped. Quotas count
     * the item's encoded size; a replacement only counts what it adds. A node that knows K nodes nearer to the
     * key holds a cached copy, which lapses sooner the more nodes lie between it and the key.
     */
    ErrorCode store(Item item, String source) {
        NodeConfig config = node.config();
        int size = ItemFields.size(item);
        if (size > config.maxItemBytes()) {
            return ErrorCode.REQUEST_TOO_BIG;
        }
        int valid = Items.validate(item);
        if (valid != 0) {
            return ErrorCode.of(valid);
        }
        long now = node.scheduler().now();
        if (!item.neverExpires() && item.expires() * 1000 <= now) {
            return null;
        }
        NodeId key = NodeId.of(item.key());
        Store store = node.store();
        synchronized (store) {
            StoredItem held = store.get(key);
            if (held != null && held.item().timestamp() > item.timestamp()) {
                return ErrorCode.SUPERSEDED_VALUE;
            }
            long heldSize = held == null ? 0 : held.size();
            long fromSource = store.bytesFrom(source) - (held != null && held.source().equals(source) ? heldSize : 0);
            if (store.totalBytes() - heldSize + size > config.storageQuotaBytes()
                || fromSource + size > config.sourceQuotaBytes()) {
                return ErrorCode.REQUEST_TOO_BIG;
            }
            int k = config.k();
            int closer = node.routingTable().countCloser(key, k * CLOSER_LIMIT_BUCKETS);
            long cacheExpiresAt = Long.MAX_VALUE;
            if (closer >= k && (held == null || held.isCached())) {
                int shift = Math.min(CLOSER_LIMIT_BUCKETS, 1 + (closer - k) / k);
                cacheExpiresAt = now + Math.max(MIN_CACHE_MILLIS, config.replicateIntervalMillis() >> shift);
            }
            store.put(new StoredItem(item, source, size, now, cacheExpiresAt));
        }
        return null;
    }
}
