package drogulus.cli;

import drogulus.dht.DhtException;
import drogulus.dht.MemoryStore;
import drogulus.dht.NodeId;
import drogulus.net.NetNode;
import drogulus.net.NetResources;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drogulus devnet}: N joined nodes on loopback in this process, to play with, until Ctrl-C. Nodes keep
 * their items in memory and have random ids (no key pair each, so a large devnet starts fast).
 */
@Command(name = "devnet", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Start N joined nodes on loopback in this process and serve until interrupted.")
public final class DevnetCommand implements Callable<Integer> {
    @Option(names = "--nodes", paramLabel = "N", defaultValue = "5", description = "How many (default: "
        + "${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--port-base", paramLabel = "P", defaultValue = "0",
        description = "Node i listens on port P+i (default: any free port).")
    int portBase;

    @Option(names = "--distinct-addresses",
        description = "Node i listens on (and connects from) 127.0.0.(i+1), so per-address limits count each node "
            + "apart, as across hosts. Linux routes all of 127.0.0.0/8 to loopback; other systems may not.")
    boolean distinctAddresses;

    @Mixin
    NodeOptions options;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = options.problem();
        if (nodes < 1 || nodes > 250) {
            problem = "--nodes must be between 1 and 250";
        } else if (portBase < 0 || portBase + nodes - 1 > 65_535 || (portBase > 0 && portBase < 1024)) {
            problem = "--port-base must be 0 or a port from 1024 with room for " + nodes + " nodes";
        }
        if (problem != null) {
            err.println("drogulus devnet: " + problem);
            err.flush();
            return 2;
        }
        options.setUpLogging();
        NetResources resources = NetResources.forThisMachine();
        List<NetNode> started = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        try {
            for (int i = 0; i < nodes; i++) {
                String host = distinctAddresses ? "127.0.0." + (i + 1) : "127.0.0.1";
                int port = portBase == 0 ? 0 : portBase + i;
                NetNode n = new NetNode(NodeId.random(random), host, port, options.nodeConfig(), options.netConfig(),
                    new MemoryStore(), resources);
                started.add(n);
                if (i > 0) {
                    n.join(List.of(started.get(0).endpoint())).join();
                }
                out.println("node " + i + "  " + n.endpoint() + "  " + n.id().hex());
                out.flush();
            }
        } catch (DhtException | CompletionException e) {
            err.println("drogulus devnet: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            err.flush();
            stopAll(started, resources);
            return 1;
        }
        out.println("devnet: " + nodes + " nodes joined; join it with --seed " + started.get(0).endpoint()
            + "; Ctrl-C stops it");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll(started, resources);
            stopped.countDown();
        }, "drogulus-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void stopAll(List<NetNode> started, NetResources resources) {
        for (NetNode n : started) {
            n.close();
        }
        resources.close();
    }
}
