package drogulus.net;

import drogulus.Version;
import drogulus.dht.Contact;
import drogulus.dht.Drogulus;
import drogulus.dht.Node;
import drogulus.dht.NodeConfig;
import drogulus.dht.NodeId;
import drogulus.dht.Scheduler;
import drogulus.dht.Store;
import drogulus.dht.SystemScheduler;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A node on TCP: a {@link Node} over a {@link TcpTransport}, with its store and clock. It joins through the
 * seeds given and through the contacts it saved last time, saves its contacts every half minute (so a node that
 * is killed rejoins through recent ones) and stops in order: listeners, then requests being handled, then the
 * store.
 */
public final class NetNode implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NetNode.class.getName());
    private static final long SAVE_CONTACTS_MILLIS = 30_000;
    /** Saved contacts asked at rejoin: enough to find the network again, few enough to start fast. */
    private static final int REJOIN_CONTACTS = 16;

    private final SystemScheduler scheduler = new SystemScheduler();
    private final Store store;
    private final TcpTransport transport;
    private final Node node;
    private final List<Contact> saved;
    private final InetSocketAddress bound;
    private volatile Scheduler.Cancellable saver;
    private volatile boolean closed;

    /** Starts the node listening; fails with a {@link drogulus.dht.DhtException} when it cannot bind. */
    public NetNode(NodeId id, String host, int port, NodeConfig nodeConfig, NetConfig netConfig, Store store,
                   NetResources resources) {
        this.store = store;
        this.saved = store.loadContacts();
        this.transport = new TcpTransport(id, Version.getVersion(), host, port, netConfig, resources);
        this.node = new Node(id, transport, store, scheduler, nodeConfig, new SecureRandom(), Version.getVersion());
        node.start();
        try {
            this.bound = node.listening().join();
        } catch (RuntimeException e) {
            node.stop();
            scheduler.close();
            throw e;
        }
        saveContactsLater();
    }

    /**
     * Joins through the seeds and up to 16 saved contacts; completes with the contacts then known (0 with none to
     * ask). Fails only when there were seeds and none answered.
     */
    public CompletableFuture<Integer> join(List<String> seeds) {
        Set<String> endpoints = new LinkedHashSet<>(seeds);
        for (Contact c : saved.subList(0, Math.min(REJOIN_CONTACTS, saved.size()))) {
            endpoints.add(c.endpoint());
        }
        if (endpoints.isEmpty()) {
            return CompletableFuture.completedFuture(node.routingTable().size());
        }
        return node.join(new ArrayList<>(endpoints)).whenComplete((n, e) -> {
            if (e == null) {
                LOG.log(Level.INFO, "Joined the network: {0} contacts known", n);
                saveContacts();
            } else {
                LOG.log(Level.WARNING, "Could not join through {0}: {1}", new Object[] {endpoints,
                    e.getCause() != null ? e.getCause().getMessage() : e.getMessage()});
            }
        });
    }

    private void saveContactsLater() {
        saver = scheduler.schedule(SAVE_CONTACTS_MILLIS, () -> {
            if (!closed) {
                saveContacts();
                saveContactsLater();
            }
        });
    }

    private void saveContacts() {
        try {
            store.saveContacts(node.routingTable().contacts());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not save the contacts: {0}", e.getMessage());
        }
    }

    public Node node() {
        return node;
    }

    public Drogulus drogulus(drogulus.crypto.Identity identity) {
        return new Drogulus(identity, node);
    }

    TcpTransport transport() {
        return transport;
    }

    public NodeId id() {
        return node.id();
    }

    /** The address and port actually bound. */
    public InetSocketAddress bound() {
        return bound;
    }

    /** "host:port" as peers reach us, for --seed. */
    public String endpoint() {
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
        return host + ":" + bound.getPort();
    }

    /** Stops listening, lets requests being handled finish, saves the contacts and closes the store. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Scheduler.Cancellable s = saver;
        if (s != null) {
            s.cancel();
        }
        try {
            node.stop();
        } finally {
            scheduler.close();
            store.close();
        }
    }
}
