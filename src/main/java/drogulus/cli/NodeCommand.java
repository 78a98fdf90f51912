package drogulus.cli;

import drogulus.crypto.CryptoException;
import drogulus.crypto.Identity;
import drogulus.dht.DhtException;
import drogulus.dht.NodeId;
import drogulus.dht.SqliteStore;
import drogulus.net.NetNode;
import drogulus.net.NetResources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drogulus node}: one node on TCP without a REPL, until SIGINT or SIGTERM. Its identity and SQLite store
 * live in the data directory, so a restarted node has what it acknowledged and rejoins through the contacts it
 * knew.
 */
@Command(name = "node", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Run a node on TCP without a REPL until interrupted; items and contacts persist in SQLite under "
        + "the data directory ($DROGULUS_HOME by default).")
public final class NodeCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(NodeCommand.class.getName());

    @Option(names = "--port", required = true, paramLabel = "P", description = "The TCP port to listen on (0: any).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "0.0.0.0",
        description = "The address to listen on (default: ${DEFAULT-VALUE}, every interface).")
    String host;

    @Option(names = "--seed", paramLabel = "HOST:PORT", description = "A node to join through; may be repeated.")
    List<String> seeds = new ArrayList<>();

    @Option(names = "--data", paramLabel = "DIR", description = "Where the identity and node.db live (default: "
        + "$DROGULUS_HOME or ~/.drogulus).")
    Path data;

    @Mixin
    NodeOptions options;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = port < 0 || port > 65_535 ? "--port must be between 0 and 65535" : options.problem();
        if (problem != null) {
            err.println("drogulus node: " + problem);
            err.flush();
            return 2;
        }
        options.setUpLogging();
        Path dir = data != null ? data : Home.directory();
        NetResources resources = NetResources.forThisMachine();
        NetNode node;
        try {
            Home.ensureExists(dir);
            Identity identity = Identity.loadOrCreate(dir);
            SqliteStore store = new SqliteStore(dir.resolve("node.db"));
            try {
                node = new NetNode(NodeId.of(identity.nodeId()), host, port, options.nodeConfig(),
                    options.netConfig(), store, resources);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        } catch (DhtException | CryptoException | IllegalStateException e) {
            resources.close();
            err.println("drogulus node: " + e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The log manager's own shutdown hook may already have closed its handlers: these go to stderr directly.
            err.println("drogulus node: stopping, finishing the requests under way");
            err.flush();
            try {
                node.close();
                resources.close();
                err.println("drogulus node: stopped");
            } catch (RuntimeException | Error e) {
                err.println("drogulus node: stopping failed: " + e);
                e.printStackTrace(err);
            }
            err.flush();
            stopped.countDown();
        }, "drogulus-stop"));
        out.println("node " + node.id().hex() + " listening on " + node.bound().getAddress().getHostAddress() + ":"
            + node.bound().getPort() + " (data in " + dir + ")");
        out.flush();
        LOG.log(Level.INFO, "{0} items held, {1} saved contacts", new Object[] {node.node().store().items().size(),
            node.node().routingTable().size()});
        CompletableFuture<?> unused = node.join(seeds);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
