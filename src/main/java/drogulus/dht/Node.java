package drogulus.dht;

import drogulus.crypto.Item;
import drogulus.crypto.Items;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kademlia node: answers peers (through {@link NodeHandler}), runs lookups, stores items at the nodes nearest
 * their keys, caches what it fetches, and on its refresh interval drops expired items, republishes the rest
 * and refreshes idle buckets. Everything reaches the outside through the transport, store and scheduler it is
 * given, so the same code runs on TCP and in the simulator.
 */
public final class Node {
    private final NodeId id;
    private final Transport transport;
    private final Store store;
    private final Scheduler scheduler;
    private final NodeConfig config;
    private final Random random;
    private final String version;
    private final RoutingTable table;
    private final NodeHandler handler;
    private final IdProofs proofs;
    private final Peers peers;
    private final HandOffs handOffs;
    private final Rtt rtt;
    private Scheduler.Cancellable maintenance;
    private CompletableFuture<InetSocketAddress> listening;
    private volatile boolean running;

    public Node(NodeId id, Transport transport, Store store, Scheduler scheduler, NodeConfig config, Random random,
                String version) {
        this(id, transport, store, scheduler, config, random, version, IdProofs.rsa(null));
    }

    /**
     * A node that proves its id with {@code proofs} when a peer's request carries a challenge, and checks the
     * proofs of the peers it asks; {@code id} must then be {@code proofs.idOf(proofs.publicKey())}.
     */
    public Node(NodeId id, Transport transport, Store store, Scheduler scheduler, NodeConfig config, Random random,
                String version, IdProofs proofs) {
        if (proofs.publicKey() != null && !proofs.idOf(proofs.publicKey()).equals(id)) {
            throw new IllegalArgumentException("The node id is not the hash of the public key that proves it");
        }
        this.proofs = proofs;
        this.peers = new Peers(this);
        this.handOffs = new HandOffs(this);
        this.rtt = new Rtt(config.rpcTimeoutMillis());
        this.id = id;
        this.transport = transport;
        this.store = store;
        this.scheduler = scheduler;
        this.config = config;
        this.random = random;
        this.version = version;
        this.table = new RoutingTable(id, config.k(), config.allowedRpcFails(), scheduler::now);
        this.handler = new NodeHandler(this, new RateLimiter(config.ratePerAddress(), config.rateTotal(),
            scheduler::now));
    }

    /**
     * Starts answering peers, restores the saved contacts and schedules maintenance at a random offset; {@link
     * #listening} tells when the transport has bound its address.
     */
    public synchronized void start() {
        for (Contact c : store.loadContacts()) {
            table.addContact(c);
        }
        listening = transport.listen(handler);
        running = true;
        maintenance = scheduler.schedule((long) (random.nextDouble() * config.refreshIntervalMillis()),
            this::maintain);
    }

    /** Completes with the address the transport bound once {@link #start} has run, or fails when it could not. */
    public synchronized CompletableFuture<InetSocketAddress> listening() {
        return listening == null ? CompletableFuture.failedFuture(new DhtException("The node is not started"))
            : listening;
    }

    /**
     * Stops answering, waits for the transport to finish the requests it is handling and close, then saves the
     * contacts; the store stays open for its owner.
     */
    public void stop() {
        synchronized (this) {
            running = false;
            if (maintenance != null) {
                maintenance.cancel();
            }
        }
        try {
            transport.close().join();
        } finally {
            store.saveContacts(table.contacts());
        }
    }

    /**
     * Joins the network through peers known only by address: pings each, then looks up our own id, which fills
     * the routing table and tells our neighbours about us. Completes with the number of contacts then known; fails
     * when no seed answered, or when no node answered that lookup.
     */
    public CompletableFuture<Integer> join(List<String> endpoints) {
        return new Join(this).join(endpoints);
    }

    /** The K nodes nearest to the target that answered, those that proved their ids first. */
    public CompletableFuture<LookupResult<Item>> findNode(NodeId target) {
        return findNode(target, null);
    }

    /** {@link #findNode}, bounded as a bucket refresh when {@code fill} is not null. */
    CompletableFuture<LookupResult<Item>> findNode(NodeId target, RefreshBounds fill) {
        table.touch(target);
        LookupRpc<Item> rpc = c -> {
            CompletableFuture<Peers.Reply> sent = peers.call(c, new Message.FindNode(uuid(), id, version,
                transport.port(), target));
            return cancelling(sent, sent.thenApply(r -> {
                if (r.message() instanceof Message.Nodes n) {
                    return new LookupReply.Nodes<>(peers.sane(n.nodes(), n.node()), r.proven());
                }
                throw new DhtException("Expected nodes from " + c.endpoint() + " but got " + r.message().type());
            }));
        };
        return new Lookup<>(Lookup.Kind.FIND_NODE, target, id, table.findClosest(target, config.k(), null), rpc,
            v -> false, scheduler, config.lookupParams(), new LookupGather<>(1, NEWER, rtt, true)).filling(fill)
            .start();
    }

    /** How many holders a get hears from before it answers with the newest value (README, "Protocol"). */
    static final int READ_QUORUM = 3;

    /** Newer timestamp first; of two items with the same timestamp, the one with the greater signature. */
    static final Comparator<Item> NEWER = (a, b) -> a.timestamp() != b.timestamp()
        ? Double.compare(a.timestamp(), b.timestamp()) : Arrays.compareUnsigned(a.sig(), b.sig());

    /**
     * The item at the key: a FindValue lookup that gathers values from {@link #READ_QUORUM} holders (our own copy
     * counts as one), accepts only items that validate, carry the key asked for and have not expired, and returns
     * the newest. The newest value is then written back to those asked that lacked it or held an older one (read
     * repair): as a permanent copy to those nearer the key than the farthest holder that had it, as a cached copy
     * to the nearest other one. Fails with {@link DhtException.NotFound} or {@link DhtException.Timeout}.
     */
    public CompletableFuture<LookupResult<Item>> findValue(NodeId key) {
        StoredItem held = store.get(key);
        Item local = held != null && !held.expired(scheduler.now()) ? held.item() : null;
        table.touch(key);
        LookupRpc<Item> rpc = c -> {
            CompletableFuture<Peers.Reply> sent = peers.call(c, new Message.FindValue(uuid(), id, version,
                transport.port(), key));
            return cancelling(sent, sent.thenApply(r -> {
                if (r.message() instanceof Message.Value v) {
                    return new LookupReply.Found<>(v.item(), r.proven(), peers.sane(v.nodes(), v.node()));
                } else if (r.message() instanceof Message.Nodes n) {
                    return new LookupReply.Nodes<>(peers.sane(n.nodes(), n.node()), r.proven());
                }
                throw new DhtException("Expected a value or nodes from " + c.endpoint() + " but got "
                    + r.message().type());
            }));
        };
        int quorum = Math.max(1, READ_QUORUM - (local == null ? 0 : 1));
        CompletableFuture<LookupResult<Item>> lookup = new Lookup<>(Lookup.Kind.FIND_VALUE, key, id,
            table.findClosest(key, config.k(), null), rpc, item -> acceptable(item, key), scheduler,
            config.lookupParams(), new LookupGather<>(quorum, NEWER, rtt, true)).start();
        return lookup.handle((r, e) -> {
            if (e != null) {
                if (local == null) {
                    throw e instanceof CompletionException ce ? ce : new CompletionException(e);
                }
                return new LookupResult<>(List.of(), local, null, List.of(), 0, 0);
            }
            if (local != null && NEWER.compare(local, r.value()) > 0) {
                List<Contact> stale = new ArrayList<>(r.withoutValue());
                stale.addAll(r.holders());
                repair(key, local, List.of(), stale);
                return new LookupResult<>(r.closest(), local, null, stale, r.hops(), r.messages(), List.of());
            }
            if (local != null && NEWER.compare(r.value(), local) > 0) {
                handler.store(r.value(), transport.address(), false);
            }
            repair(key, r.value(), r.holders(), r.withoutValue());
            return r;
        });
    }

    private void repair(NodeId key, Item newest, List<Contact> holders, List<Contact> lacking) {
        Contact farthest = null;
        for (Contact h : holders) {
            if (farthest == null || key.compareDistance(h.id(), farthest.id()) > 0) {
                farthest = h;
            }
        }
        boolean cached = false;
        for (Contact c : lacking) {
            boolean inside = farthest != null && key.compareDistance(c.id(), farthest.id()) < 0;
            if (inside || !cached) {
                cached |= !inside;
                CompletableFuture<?> unused = peers.store(c, newest, !inside);
            }
        }
    }

    private boolean acceptable(Item item, NodeId key) {
        return Arrays.equals(item.key(), key.toBytes()) && (item.neverExpires()
            || item.expires() * 1000 > scheduler.now()) && Items.validate(item) == 0;
    }

    /**
     * Stores the item at the {@code duplicate} nodes nearest its key (this one included when it is among them)
     * and completes with how many acknowledged; fails with {@link DhtException.TooFewCopies}, which carries that
     * number, when fewer than a majority of them did.
     */
    public CompletableFuture<Integer> put(Item item, int duplicate) {
        NodeId key = NodeId.of(item.key());
        return findNode(key).thenCompose(r -> storeAt(item, r.closest(), duplicate));
    }

    private CompletableFuture<Integer> storeAt(Item item, List<Contact> closest, int duplicate) {
        NodeId key = NodeId.of(item.key());
        List<Contact> targets = new ArrayList<>(closest.subList(0, Math.min(duplicate, closest.size())));
        AtomicInteger acks = new AtomicInteger();
        List<String> refusals = new ArrayList<>();
        boolean selfAmongThem = duplicate > 0 && (targets.size() < duplicate
            || key.compareDistance(id, targets.get(targets.size() - 1).id()) < 0);
        if (selfAmongThem) {
            ErrorCode refused = handler.store(item, transport.address(), false);
            if (refused == null) {
                acks.incrementAndGet();
            } else {
                refusals.add("this node: " + refused.title());
            }
            if (targets.size() == duplicate) {
                targets.remove(targets.size() - 1);
            }
        }
        int asked = targets.size() + (selfAmongThem ? 1 : 0);
        List<CompletableFuture<?>> stores = new ArrayList<>();
        for (Contact c : targets) {
            stores.add(peers.store(c, item, false).handle((m, e) -> {
                if (e == null) {
                    acks.incrementAndGet();
                } else {
                    synchronized (refusals) {
                        refusals.add(c.endpoint() + ": " + Peers.unwrap(e).getMessage());
                    }
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(stores.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
            int got = acks.get();
            if (asked == 0 || got < asked / 2 + 1) {
                throw new DhtException.TooFewCopies(got + " of the " + asked + " nodes nearest the key acknowledged "
                    + "the item '" + item.name() + "', fewer than a majority"
                    + (refusals.isEmpty() ? (asked == 0 ? ": no nodes are known" : "") : "; " + refusals.get(0)),
                    got, asked);
            }
            return got;
        });
    }

    /**
     * One request to a peer, as {@link Peers#call} makes it; completes with the answer. Kept for callers that do
     * not care whether the answer proved the peer's id.
     */
    CompletableFuture<Message> rpc(Contact c, Message.Request request) {
        CompletableFuture<Peers.Reply> call = peers.call(c, request);
        return cancelling(call, call.thenApply(Peers.Reply::message));
    }

    /** {@code derived}, which when cancelled cancels {@code source} too, so a lookup's cancel reaches the wire. */
    static <T> CompletableFuture<T> cancelling(CompletableFuture<?> source, CompletableFuture<T> derived) {
        CompletableFuture<?> unused = derived.whenComplete((v, e) -> {
            if (derived.isCancelled()) {
                source.cancel(false);
            }
        });
        return derived;
    }

    /** Drops expired items, republishes what is due, refreshes idle buckets, saves contacts; then reschedules. */
    void maintain() {
        if (!running) {
            return;
        }
        long now = scheduler.now();
        for (StoredItem s : store.items()) {
            if (s.expired(now)) {
                store.remove(s.key());
            } else if (!s.isCached() && now - s.lastPublished() >= config.replicateIntervalMillis()) {
                store.put(s.published(now));
                CompletableFuture<?> unused = findNode(s.key()).thenCompose(r -> storeAt(s.item(), r.closest(),
                    config.duplicationCount())).exceptionally(e -> 0);
            }
        }
        for (NodeId target : table.refreshTargets(config.refreshTimeoutMillis(), random)) {
            CompletableFuture<?> unused = findNode(target);
        }
        store.saveContacts(table.contacts());
        synchronized (this) {
            if (running) {
                maintenance = scheduler.schedule(config.refreshIntervalMillis(), this::maintain);
            }
        }
    }

    String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    public NodeId id() {
        return id;
    }

    /** How peers reach this node. */
    public Contact contact() {
        return new Contact(id, transport.address(), transport.port(), version);
    }

    public RoutingTable routingTable() {
        return table;
    }

    public Store store() {
        return store;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    NodeConfig config() {
        return config;
    }

    String version() {
        return version;
    }

    int port() {
        return transport.port();
    }

    Transport transport() {
        return transport;
    }

    Random random() {
        return random;
    }

    IdProofs proofs() {
        return proofs;
    }

    NodeHandler handler() {
        return handler;
    }

    HandOffs handOffs() {
        return handOffs;
    }

    Peers peers() {
        return peers;
    }

    public boolean isRunning() {
        return running;
    }
}
