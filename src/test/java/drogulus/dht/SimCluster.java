package drogulus.dht;

import drogulus.crypto.Identity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/** A small simulated network for node tests: nodes over a {@link SimNetwork}, joined one after another. */
final class SimCluster {
    static final long START = 1_767_225_600_000L;

    final VirtualScheduler scheduler = new VirtualScheduler(START);
    final Random random;
    final SimNetwork network;
    final NodeConfig config;
    final List<Node> nodes = new ArrayList<>();
    final SimProofs proofs;

    SimCluster(long seed, NodeConfig config, boolean encode) {
        this.random = new Random(seed);
        this.config = config;
        this.proofs = new SimProofs(random);
        this.network = new SimNetwork(scheduler, random, new SimNetwork.Conditions(5, 50, 0,
            config.rpcTimeoutMillis(), encode));
    }

    Node newNode() {
        return newNode(config);
    }

    Node newNode(NodeConfig nodeConfig) {
        IdProofs identity = proofs.newIdentity();
        Node n = new Node(identity.idOf(identity.publicKey()), network.newTransport(), new MemoryStore(), scheduler,
            nodeConfig, new Random(random.nextLong()), "0.0.0.alpha.0", identity);
        n.start();
        return n;
    }

    /** Adds {@code count} nodes, each joining through the first. */
    SimCluster grow(int count) {
        for (int i = 0; i < count; i++) {
            Node n = newNode();
            if (!nodes.isEmpty()) {
                await(n.join(List.of(nodes.get(0).contact().endpoint())));
            }
            nodes.add(n);
        }
        return this;
    }

    /** Runs the simulation until the future completes, then returns it. */
    <T> CompletableFuture<T> run(CompletableFuture<T> f) {
        scheduler.runUntil(f::isDone);
        return f;
    }

    <T> T await(CompletableFuture<T> f) {
        return run(f).join();
    }

    /** The nodes holding an item at the key, in the cluster's order. */
    List<Node> holders(NodeId key) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n.isRunning() && n.store().get(key) != null) {
                out.add(n);
            }
        }
        return out;
    }

    static Identity identity(String name) {
        try (InputStream in = SimCluster.class.getResourceAsStream("/dht/" + name + ".pem")) {
            return Identity.fromPrivateKeyPem(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
