package drogulus.dht;

import drogulus.crypto.Item;
import drogulus.crypto.Items;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kademlia node: answers peers (through {@link NodeHandler}), runs lookups, stores items at the nodes nearest
 * their keys, caches what it fetches, and on its refresh interval drops expired items, republishes the rest
 * and refreshes idle buckets. Everything reaches the outside through the transport, store and scheduler it is
 * given, so the same code runs on TCP and in the simulator.
 */
public final class Node {
    /** A seed is the one way in, so a lost ping to it is tried again before the join gives up. */
    private static final int JOIN_PING_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(Node.class.getName());

    private final NodeId id;
    private final Transport transport;
    private final Store store;
    private final Scheduler scheduler;
    private final NodeConfig config;
    private final Random random;
    private final String version;
    private final RoutingTable table;
    private final NodeHandler handler;
    private Scheduler.Cancellable maintenance;
    private CompletableFuture<InetSocketAddress> listening;
    private volatile boolean running;

    public Node(NodeId id, Transport transport, Store store, Scheduler scheduler, NodeConfig config, Random random,
                String version) {
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
     * the routing table and tells our neighbours about us. Completes with the number of contacts then known.
     */
    public CompletableFuture<Integer> join(List<String> endpoints) {
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
            pings.add(pingSeed(address, port, JOIN_PING_ATTEMPTS));
        }
        return CompletableFuture.allOf(pings.toArray(new CompletableFuture<?>[0])).thenCompose(v -> {
            if (table.size() == 0) {
                throw new DhtException("Could not reach any of the seed nodes " + endpoints);
            }
            return findNode(id);
        }).thenApply(r -> table.size());
    }

    /** Pings a seed known only by its address, trying again when a ping goes unanswered. */
    private CompletableFuture<Boolean> pingSeed(String address, int port, int attempts) {
        CompletableFuture<Boolean> reached = new CompletableFuture<>();
        CompletableFuture<?> unused = transport.send(address, port, new Message.Ping(uuid(), id, version,
            transport.port())).whenComplete((m, e) -> {
                if (e == null && !(m instanceof Message.ErrorReply)) {
                    table.addContact(new Contact(m.node(), address, port, m.version()));
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

    /** The K nodes nearest to the target that answered. */
    public CompletableFuture<Lookup.Result<Item>> findNode(NodeId target) {
        table.touch(target);
        LookupRpc<Item> rpc = c -> {
            CompletableFuture<Message> sent = rpc(c, new Message.FindNode(uuid(), id, version, transport.port(),
                target));
            return cancelling(sent, sent.thenApply(m -> {
                if (m instanceof Message.Nodes n) {
                    return new LookupReply.Nodes<>(n.nodes());
                }
                throw new DhtException("Expected nodes from " + c.endpoint() + " but got " + m.type());
            }));
        };
        return new Lookup<>(Lookup.Kind.FIND_NODE, target, id, table.findClosest(target, config.k(), null), rpc,
            v -> false, scheduler, config.lookupParams()).start();
    }

    /**
     * The item at the key: from our own store if we hold it, else by a FindValue lookup that accepts only an item
     * that validates, carries the key asked for and has not expired. A fetched item is cached at the nearest
     * node that answered without it. Fails with {@link DhtException.NotFound} or {@link DhtException.Timeout}.
     */
    public CompletableFuture<Lookup.Result<Item>> findValue(NodeId key) {
        StoredItem held = store.get(key);
        if (held != null && !held.expired(scheduler.now())) {
            return CompletableFuture.completedFuture(new Lookup.Result<>(List.of(), held.item(), null, List.of(),
                0, 0));
        }
        table.touch(key);
        LookupRpc<Item> rpc = c -> {
            CompletableFuture<Message> sent = rpc(c, new Message.FindValue(uuid(), id, version, transport.port(),
                key));
            return cancelling(sent, sent.thenApply(m -> {
                if (m instanceof Message.Value v) {
                    return new LookupReply.Found<>(v.item());
                } else if (m instanceof Message.Nodes n) {
                    return new LookupReply.Nodes<>(n.nodes());
                }
                throw new DhtException("Expected a value or nodes from " + c.endpoint() + " but got " + m.type());
            }));
        };
        CompletableFuture<Lookup.Result<Item>> lookup = new Lookup<>(Lookup.Kind.FIND_VALUE, key, id,
            table.findClosest(key, config.k(), null), rpc, item -> acceptable(item, key), scheduler,
            config.lookupParams()).start();
        return lookup.thenApply(r -> {
            if (!r.withoutValue().isEmpty()) {
                Contact nearest = r.withoutValue().get(0);
                CompletableFuture<?> unused = rpc(nearest, new Message.Store(uuid(), id, version, transport.port(),
                    r.value()));
            }
            return r;
        });
    }

    private boolean acceptable(Item item, NodeId key) {
        return Arrays.equals(item.key(), key.toBytes()) && (item.neverExpires()
            || item.expires() * 1000 > scheduler.now()) && Items.validate(item) == 0;
    }

    /**
     * Stores the item at the {@code duplicate} nodes nearest its key (this one included when it is among them)
     * and completes with how many acknowledged; fails when none did.
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
        boolean selfAmongThem = targets.size() < duplicate
            || key.compareDistance(id, targets.get(targets.size() - 1).id()) < 0;
        if (selfAmongThem && duplicate > 0) {
            ErrorCode refused = handler.store(item, transport.address());
            if (refused == null) {
                acks.incrementAndGet();
                if (targets.size() == duplicate) {
                    targets.remove(targets.size() - 1);
                }
            } else {
                refusals.add("this node: " + refused.title());
            }
        }
        List<CompletableFuture<?>> stores = new ArrayList<>();
        for (Contact c : targets) {
            stores.add(rpc(c, new Message.Store(uuid(), id, version, transport.port(), item)).handle((m, e) -> {
                if (e == null) {
                    acks.incrementAndGet();
                } else {
                    synchronized (refusals) {
                        refusals.add(c.endpoint() + ": " + unwrap(e).getMessage());
                    }
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(stores.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
            if (acks.get() == 0) {
                throw new DhtException("No node acknowledged the item '" + item.name() + "'"
                    + (refusals.isEmpty() ? ": no nodes are known" : ": " + refusals.get(0)));
            }
            return acks.get();
        });
    }

    /**
     * One request to a peer. An answer proves the peer alive (it moves to the fresh end of its bucket); a failure
     * counts against it, and an error answer fails the future with the peer's reason.
     */
    CompletableFuture<Message> rpc(Contact c, Message.Request request) {
        CompletableFuture<Message> sent = transport.send(c.address(), c.port(), request);
        return cancelling(sent, sent.handle((m, e) -> {
            if (e != null) {
                Throwable cause = unwrap(e);
                if (!(cause instanceof CancellationException) && table.recordFailure(c.id())) {
                    LOG.log(Level.INFO, "Dropped contact {0} after repeated failures", c.endpoint());
                }
                throw new CompletionException(cause);
            }
            if (!m.node().equals(c.id())) {
                table.remove(c.id());
            }
            table.addContact(new Contact(m.node(), c.address(), c.port(), m.version()));
            if (m instanceof Message.ErrorReply err) {
                throw new DhtException(c.endpoint() + " refused: " + err.title() + " (" + err.code() + "), "
                    + err.details().getOrDefault("message", ""));
            }
            return m;
        }));
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

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
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
                    config.duplicationCount()));
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

    private String uuid() {
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

    public boolean isRunning() {
        return running;
    }
}
