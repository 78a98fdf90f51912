package drogulus.bindings;

import drogulus.Version;
import drogulus.crypto.Identity;
import drogulus.dht.Drogulus;
import drogulus.dht.MemoryStore;
import drogulus.dht.Node;
import drogulus.dht.NodeConfig;
import drogulus.dht.NodeId;
import drogulus.dht.SystemScheduler;
import drogulus.net.NetConfig;
import drogulus.net.NetResources;
import drogulus.net.TcpTransport;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.CompletionException;

/**
 * The node inside a REPL or a script run: the person's identity on TCP, holding what it is given in memory
 * (its copies live on at the other nodes near each key). Its transport counts requests, so long calls can show
 * progress. Closing it stops listening, lets requests under way finish and frees the threads.
 */
public final class EmbeddedNode implements AutoCloseable {
    private final NetResources resources;
    private final SystemScheduler scheduler = new SystemScheduler();
    private final CountingTransport transport;
    private final Node node;
    private final Drogulus drogulus;
    private final InetSocketAddress bound;

    private EmbeddedNode(Identity identity, String host, int port) {
        NodeId id = NodeId.of(identity.nodeId());
        resources = new NetResources(1, 4);
        transport = new CountingTransport(new TcpTransport(id, Version.getVersion(), host, port, NetConfig.defaults(),
            resources));
        node = new Node(id, transport, new MemoryStore(), scheduler, NodeConfig.defaults(), new SecureRandom(),
            Version.getVersion());
        node.start();
        try {
            bound = node.listening().join();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        drogulus = new Drogulus(identity, node);
    }

    /** A node for this identity listening on host and port (0: any free port); a bind failure is an error. */
    public static EmbeddedNode start(Identity identity, String host, int port) {
        return new EmbeddedNode(identity, host, port);
    }

    public Drogulus drogulus() {
        return drogulus;
    }

    public CountingTransport traffic() {
        return transport;
    }

    /** "host:port" as peers on this machine reach us, to give others as --seed. */
    public String endpoint() {
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
        return host + ":" + bound.getPort();
    }

    @Override
    public void close() {
        try {
            node.stop();
        } finally {
            scheduler.close();
            resources.close();
        }
    }
}
