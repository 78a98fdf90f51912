package drogulus.dht;

import drogulus.crypto.Item;
import drogulus.crypto.Items;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A node's answers to incoming requests: ping, store, findnode and findvalue. Every request first passes the
 * rate limits; its sender is then pinged back before it may join the routing table ({@link Peers}), and an
 * answer to a request that carries a challenge proves our id.
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

    /**
     * One string per peer address, shared by every contact and table entry that names it: a node hears from the
     * same peers again and again, and {@link InetAddress#getHostAddress} makes a new string each time, which the
     * routing tables would keep and hash anew. IPv4 only. Bounded: forgotten wholesale when it grows past its limit.
     */
    private static final int MAX_ADDRESSES = 1 << 16;
    private static final Map<InetAddress, String> ADDRESSES = new ConcurrentHashMap<>();

    static String addressOf(InetAddress source) {
        if (!(source instanceof Inet4Address)) {
            // An IPv6 address's text may carry a scope that equal addresses do not share.
            return source.getHostAddress();
        }
        String known = ADDRESSES.get(source);
        if (known != null) {
            return known;
        }
        if (ADDRESSES.size() >= MAX_ADDRESSES) {
            ADDRESSES.clear();
        }
        String address = source.getHostAddress();
        String raced = ADDRESSES.putIfAbsent(source, address);
        return raced != null ? raced : address;
    }

    @Override
    public CompletableFuture<Message> handle(Message.Request request, InetAddress source) {
        return CompletableFuture.completedFuture(answerFrom(request, addressOf(source)));
    }

    @Override
    public CompletableFuture<Message> handle(Message.Request request, InetAddress source, String sourceAddress) {
        return CompletableFuture.completedFuture(answerFrom(request, sourceAddress));
    }

    private Message answerFrom(Message.Request request, String sourceAddress) {
        if (!limiter.allow(sourceAddress) || request.node().equals(node.id())) {
            return null;
        }
        try {
            node.peers().requestFrom(new Contact(request.node(), sourceAddress, request.port(), request.version()));
            return answer(request, sourceAddress);
        } catch (RuntimeException e) {
            // A bug or a failing disk must cost the asker one answer, never the node its transport thread.
            return error(request.uuid(), ErrorCode.INTERNAL_ERROR, String.valueOf(e.getMessage()));
        }
    }

    private Message answer(Message.Request request, String sourceAddress) {
        String uuid = request.uuid();
        if (request instanceof Message.Ping) {
            return new Message.Pong(uuid, node.id(), node.version(), node.peers().proofFor(request));
        } else if (request instanceof Message.FindNode f) {
            return nodes(request, f.key());
        } else if (request instanceof Message.FindValue f) {
            StoredItem held = node.store().get(f.key());
            if (held != null && !held.expired(node.scheduler().now())) {
                // With our nearest contacts to the key, as a nodes answer would carry them: a get that reached us
                // before the nodes nearer the key must still hear of them (README, "Protocol", get).
                return new Message.Value(uuid, node.id(), node.version(), held.item(), node.peers().proofFor(request),
                    node.routingTable().findClosest(f.key(), node.config().k(), request.node()));
            }
            return nodes(request, f.key());
        } else if (request instanceof Message.Store s) {
            Refusal refused = check(s.item());
            ErrorCode code = refused != null ? null : store(s.item(), sourceAddress, s.cache());
            if (refused == null && code != null) {
                refused = new Refusal(code, refusal(code));
            }
            return refused == null ? new Message.Pong(uuid, node.id(), node.version(), node.peers().proofFor(request))
                : error(uuid, refused.code(), refused.why());
        }
        return error(uuid, ErrorCode.UNKNOWN_REQUEST, "not a request this node answers");
    }

    private Message nodes(Message.Request request, NodeId key) {
        return new Message.Nodes(request.uuid(), node.id(), node.version(),
            node.routingTable().findClosest(key, node.config().k(), request.node()), node.peers().proofFor(request));
    }

    /** Why a store is refused before anything else is looked at: expired, or dated too far ahead. */
    record Refusal(ErrorCode code, String why) {
    }

    /** How far ahead of our clock an item's timestamp may be: clocks differ, but not by more than this. */
    static final long MAX_CLOCK_SKEW_MILLIS = 5 * 60_000;

    Refusal check(Item item) {
        long now = node.scheduler().now();
        if (!item.neverExpires() && item.expires() * 1000 <= now) {
            return new Refusal(ErrorCode.BAD_REQUEST, "the item expired " + (now - (long) (item.expires() * 1000))
                / 1000 + " s ago");
        }
        if (item.timestamp() * 1000 > now + MAX_CLOCK_SKEW_MILLIS) {
            return new Refusal(ErrorCode.BAD_REQUEST, "the item's timestamp is " + ((long) (item.timestamp() * 1000)
                - now) / 1000 + " s in the future; at most " + MAX_CLOCK_SKEW_MILLIS / 1000 + " s is allowed");
        }
        return null;
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
     * Validates and keeps an item, or says why not (expired and future-dated items are refused by {@link #check},
     * which {@link Node} callers run through this too). Quotas count the item's encoded size; a replacement only
     * counts what it adds. An older version than the one held is refused; the same version again is a refresh.
     * A {@code cache} store (the copy a get leaves behind) is kept for a time that shrinks with the number of
     * nodes we know nearer to the key, and never becomes a permanent copy; a held permanent copy stays permanent.
     * A plain store is kept permanently unless we know K nodes nearer to the key. When the storage quota is full,
     * cached copies and then the items farthest from our id make room for an item nearer to it.
     */
    ErrorCode store(Item item, String source, boolean cache) {
        NodeConfig config = node.config();
        int size = ItemFields.size(item);
        if (size > config.maxItemBytes()) {
            return ErrorCode.REQUEST_TOO_BIG;
        }
        int valid = Items.validate(item);
        if (valid != 0) {
            return ErrorCode.of(valid);
        }
        if (check(item) != null) {
            return ErrorCode.BAD_REQUEST;
        }
        long now = node.scheduler().now();
        NodeId key = NodeId.of(item.key());
        Store store = node.store();
        synchronized (store) {
            StoredItem held = store.get(key);
            if (held != null && Node.NEWER.compare(held.item(), item) > 0) {
                return ErrorCode.SUPERSEDED_VALUE;
            }
            long heldSize = held == null ? 0 : held.size();
            long fromSource = store.bytesFrom(source) - (held != null && held.source().equals(source) ? heldSize : 0);
            if (fromSource + size > config.sourceQuotaBytes()) {
                return ErrorCode.REQUEST_TOO_BIG;
            }
            int k = config.k();
            int closer = node.routingTable().countCloser(key, k * CLOSER_LIMIT_BUCKETS);
            boolean permanent = (held != null && !held.isCached()) || (!cache && closer < k);
            if (!makeRoom(store, key, size - heldSize, permanent)) {
                return ErrorCode.REQUEST_TOO_BIG;
            }
            long cacheExpiresAt = Long.MAX_VALUE;
            if (!permanent) {
                int shift = Math.min(CLOSER_LIMIT_BUCKETS, 1 + Math.max(0, closer - k) / k);
                cacheExpiresAt = now + Math.max(MIN_CACHE_MILLIS, config.replicateIntervalMillis() >> shift);
            }
            store.put(new StoredItem(item, source, size, now, cacheExpiresAt));
        }
        return null;
    }

    /**
     * Frees {@code needed} bytes under the storage quota by dropping cached copies, then permanent items whose keys
     * are farther from our id than {@code key}; false, dropping nothing, when that would not be enough.
     */
    private boolean makeRoom(Store store, NodeId key, long needed, boolean permanent) {
        long over = store.totalBytes() + needed - node.config().storageQuotaBytes();
        if (over <= 0) {
            return true;
        }
        NodeId self = node.id();
        List<StoredItem> victims = new ArrayList<>();
        for (StoredItem s : store.items()) {
            boolean farther = self.compareDistance(s.key(), key) > 0;
            if (!s.key().equals(key) && (farther || (s.isCached() && permanent))) {
                victims.add(s);
            }
        }
        victims.sort((a, b) -> a.isCached() != b.isCached() ? (a.isCached() ? -1 : 1)
            : self.compareDistance(b.key(), a.key()));
        List<StoredItem> dropped = new ArrayList<>();
        for (StoredItem v : victims) {
            if (over <= 0) {
                break;
            }
            dropped.add(v);
            over -= v.size();
        }
        if (over > 0) {
            return false;
        }
        for (StoredItem v : dropped) {
            store.remove(v.key());
        }
        return true;
    }
}
