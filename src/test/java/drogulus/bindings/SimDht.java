package drogulus.bindings;

import drogulus.crypto.Identity;
import drogulus.dht.Drogulus;
import drogulus.dht.MemoryStore;
import drogulus.dht.Node;
import drogulus.dht.NodeConfig;
import drogulus.dht.NodeId;
import drogulus.dht.SimNetwork;
import drogulus.dht.VirtualScheduler;
import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.builtins.Sandbox;
import drogulus.logos.eval.Interp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A simulated network for the dht built-ins: nodes over the in-memory network, and interpreters whose network
 * waits run the simulation forward on the interpreter's own thread.
 */
final class SimDht {
    final VirtualScheduler scheduler = new VirtualScheduler(1_767_225_600_000L);
    final Random random = new Random(7);
    final SimNetwork network = new SimNetwork(scheduler, random, new SimNetwork.Conditions(5, 50, 0, 5_000, true));
    final List<Node> nodes = new ArrayList<>();

    SimDht(int count) {
        for (int i = 0; i < count; i++) {
            Node n = newNode();
            if (!nodes.isEmpty()) {
                var joined = n.join(List.of(nodes.get(0).contact().endpoint()));
                scheduler.runUntil(joined::isDone);
            }
            nodes.add(n);
        }
    }

    Node newNode() {
        return newNode(new CountingTransport(network.newTransport()));
    }

    Node newNode(CountingTransport transport) {
        Node n = new Node(NodeId.random(random), transport, new MemoryStore(),
            scheduler, NodeConfig.defaults(), new Random(random.nextLong()), "0.0.0.alpha.0");
        n.start();
        return n;
    }

    /** Waits by running simulated time forward; gives up after maxMillis of simulated time. */
    NetworkWait waiter() {
        return (future, maxMillis, progress) -> {
            long start = scheduler.now();
            return scheduler.runUntil(() -> future.isDone() || scheduler.now() - start > maxMillis)
                && future.isDone();
        };
    }

    /** A person with an interpreter, a node of their own in the network (joined or not) and an alias book. */
    Person person(String pemName, Path home, boolean join) {
        CountingTransport traffic = new CountingTransport(network.newTransport());
        Node node = newNode(traffic);
        if (join) {
            var joined = node.join(List.of(nodes.get(0).contact().endpoint()));
            scheduler.runUntil(joined::isDone);
        }
        Identity identity = identity(pemName);
        Interp interp = CoreLibrary.standard();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        interp.setOutput(new PrintStream(out, true, StandardCharsets.UTF_8));
        CryptoBuiltins.install(interp.globals(), () -> identity);
        DhtSession session = new DhtSession(new Drogulus(identity, node), new AliasBook(home), waiter(), traffic,
            DhtSession.DEFAULT_WAIT_MILLIS);
        DhtBuiltins.install(interp, session, Sandbox::create);
        return new Person(identity, node, interp, out);
    }

    record Person(Identity identity, Node node, Interp interp, ByteArrayOutputStream out) {
        Object eval(String source) {
            return interp.evalString(source, "<test>");
        }

        String id() {
            return drogulus.Utils.toHex(identity.nodeId());
        }
    }

    static Identity identity(String name) {
        try (InputStream in = SimDht.class.getResourceAsStream("/dht/" + name + ".pem")) {
            return Identity.fromPrivateKeyPem(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
