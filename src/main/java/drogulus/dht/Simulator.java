package drogulus.dht;

import drogulus.Version;
import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Builds a simulated network of N nodes in this JVM, stores real signed items in it, then runs rounds of
 * lookups from random nodes; between rounds a fraction of the nodes leave, as many new ones join, and an hour
 * of virtual time lets republishing and bucket refreshes run. Node ids are random (no RSA); the items are
 * signed by a few real identities. Everything runs on one {@link VirtualScheduler}, so a run is reproducible
 * from its seed.
 */
public final class Simulator {
    /** How to run: network size, lookups per round, fraction replaced between rounds, the random seed, etc. */
    public record Options(int nodes, int lookups, double churn, long seed, int rounds, int items, int publishers,
                          double lossRate, boolean encodeMessages) {
        public Options {
            if (nodes < 2) {
                throw new IllegalArgumentException("A network needs at least 2 nodes, not " + nodes);
            }
            if (!(churn >= 0 && churn < 1)) {
                throw new IllegalArgumentException("churn must be a fraction from 0 up to 1, not " + churn);
            }
            if (!(lossRate >= 0 && lossRate < 1)) {
                throw new IllegalArgumentException("loss must be a fraction from 0 up to 1, not " + lossRate);
            }
            if (lookups < 1 || rounds < 1 || items < 1 || publishers < 1) {
                throw new IllegalArgumentException("lookups, rounds, items and publishers must be at least 1");
            }
        }
    }

    /** One round's figures. */
    public record Round(int round, int replaced, int lookups, int succeeded, double medianHops, double p95Hops,
                        double meanMessages, double p95Messages) {
    }

    /** The whole run's figures; hop and message statistics cover successful lookups of all rounds. */
    public record Report(Options options, int itemsStored, double meanAcks, int lookups, int succeeded,
                         double successRate, double medianHops, double p95Hops, double meanHops,
                         double medianMessages, double p95Messages, double meanMessages, double log2N,
                         long networkMessages, long buildMillis, long totalMillis, long virtualSeconds,
                         List<Round> rounds, Map<String, Integer> failures, int failedJoins) {
    }

    private static final long EPOCH = 1_767_225_600_000L;
    private static final int JOIN_ATTEMPTS = 5;

    private final Options options;
    private final Random random;
    private final VirtualScheduler scheduler = new VirtualScheduler(EPOCH);
    private final SimNetwork network;
    private final NodeConfig config = NodeConfig.defaults();
    private final List<Node> live = new ArrayList<>();
    private final Consumer<String> progress;
    private double lastAcks;
    private int failedJoins;

    /** @param progress receives a line now and then about what the simulation is doing */
    public Simulator(Options options, Consumer<String> progress) {
        this.options = options;
        this.random = new Random(options.seed());
        this.progress = progress;
        this.network = new SimNetwork(scheduler, random, new SimNetwork.Conditions(10, 100, options.lossRate(),
            config.rpcTimeoutMillis(), options.encodeMessages()));
    }

    public Report run() {
        long start = System.nanoTime();
        progress.accept("building a network of " + options.nodes() + " nodes");
        addNodes(options.nodes());
        long built = System.nanoTime();
        progress.accept("signing and storing " + options.items() + " items");
        List<Item> items = storeItems();
        double meanAcks = lastAcks;
        List<Round> rounds = new ArrayList<>();
        Map<String, Integer> failures = new TreeMap<>();
        List<Integer> hops = new ArrayList<>();
        List<Integer> messages = new ArrayList<>();
        int total = 0;
        int succeeded = 0;
        for (int r = 0; r < options.rounds(); r++) {
            int replaced = 0;
            if (r > 0) {
                replaced = churn();
                scheduler.advance(config.replicateIntervalMillis() + config.refreshIntervalMillis());
            }
            List<Integer> roundHops = new ArrayList<>();
            List<Integer> roundMessages = new ArrayList<>();
            int ok = 0;
            for (int i = 0; i < options.lookups(); i++) {
                Node from = live.get(random.nextInt(live.size()));
                Item item = items.get(random.nextInt(items.size()));
                CompletableFuture<Lookup.Result<Item>> f = from.findValue(NodeId.of(item.key()));
                scheduler.runUntil(f::isDone);
                if (f.isDone() && !f.isCompletedExceptionally() && f.join().value().equals(item)) {
                    ok++;
                    roundHops.add(f.join().hops());
                    roundMessages.add(f.join().messages());
                } else {
                    failures.merge(failureReason(f), 1, Integer::sum);
                }
            }
            total += options.lookups();
            succeeded += ok;
            hops.addAll(roundHops);
            messages.addAll(roundMessages);
            Round round = new Round(r + 1, replaced, options.lookups(), ok, percentile(roundHops, 50),
                percentile(roundHops, 95), mean(roundMessages), percentile(roundMessages, 95));
            rounds.add(round);
            progress.accept("round " + round.round() + ": " + ok + "/" + options.lookups() + " found, "
                + replaced + " nodes replaced");
        }
        long end = System.nanoTime();
        return new Report(options, items.size(), meanAcks, total, succeeded, total == 0 ? 0 : (double) succeeded
            / total, percentile(hops, 50), percentile(hops, 95), mean(hops), percentile(messages, 50),
            percentile(messages, 95), mean(messages), Math.log(options.nodes()) / Math.log(2), network.sent(),
            (built - start) / 1_000_000, (end - start) / 1_000_000, (scheduler.now() - EPOCH) / 1000, rounds,
            new TreeMap<>(failures), failedJoins);
    }

    /**
     * Adds nodes in batches that join at once, each through a random node already in the network. A node whose
     * join fails tries again through another; only joined nodes serve as seeds, so no islands form.
     */
    private void addNodes(int count) {
        List<Node> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Node n = new Node(NodeId.random(random), network.newTransport(), new MemoryStore(), scheduler, config,
                new Random(random.nextLong()), Version.getVersion());
            n.start();
            pending.add(n);
        }
        if (live.isEmpty()) {
            live.add(pending.remove(0));
        }
        Map<Node, Integer> attempts = new HashMap<>();
        int reported = live.size() / 1000;
        while (!pending.isEmpty()) {
            int batch = Math.min(pending.size(), Math.max(1, Math.min(64, live.size())));
            List<Node> joining = new ArrayList<>(pending.subList(0, batch));
            pending.subList(0, batch).clear();
            List<CompletableFuture<Integer>> joins = new ArrayList<>();
            for (Node n : joining) {
                joins.add(n.join(List.of(live.get(random.nextInt(live.size())).contact().endpoint())));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(joins.toArray(new CompletableFuture<?>[0]));
            scheduler.runUntil(all::isDone);
            for (int i = 0; i < joining.size(); i++) {
                Node n = joining.get(i);
                if (!joins.get(i).isCompletedExceptionally()) {
                    live.add(n);
                } else if (attempts.merge(n, 1, Integer::sum) < JOIN_ATTEMPTS) {
                    pending.add(n);
                } else {
                    n.stop();
                    failedJoins++;
                }
            }
            if (live.size() / 1000 > reported) {
                reported = live.size() / 1000;
                progress.accept(live.size() + " nodes in the network");
            }
        }
    }

    private List<Item> storeItems() {
        List<Identity> publishers = new ArrayList<>();
        for (int i = 0; i < options.publishers(); i++) {
            publishers.add(publisher(random.nextLong()));
        }
        List<Item> items = new ArrayList<>();
        long acks = 0;
        for (int i = 0; i < options.items(); i++) {
            Identity who = publishers.get(i % publishers.size());
            Item item = who.signItem("item-" + i, "value " + i + " from the simulator", scheduler.now() / 1000.0,
                -1, Map.of("n", Integer.toString(i)));
            Node via = live.get(random.nextInt(live.size()));
            CompletableFuture<Integer> f = via.put(item, config.duplicationCount());
            scheduler.runUntil(f::isDone);
            if (f.isDone() && !f.isCompletedExceptionally()) {
                items.add(item);
                acks += f.join();
            }
        }
        lastAcks = items.isEmpty() ? 0 : (double) acks / items.size();
        if (items.isEmpty()) {
            throw new DhtException("The simulation could not store a single item");
        }
        return items;
    }

    /**
     * A real RSA identity whose key comes from the seed, so that a run's item keys, and so its figures, are
     * reproducible. Only the simulator does this; a person's identity comes from {@link Identity#generate()}.
     */
    static Identity publisher(long seed) {
        try {
            SecureRandom rng = SecureRandom.getInstance("SHA1PRNG");
            rng.setSeed(seed);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, rng);
            String der = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(
                generator.generateKeyPair().getPrivate().getEncoded());
            return Identity.fromPrivateKeyPem("-----BEGIN PRIVATE KEY-----\n" + der + "\n-----END PRIVATE KEY-----\n");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no RSA key generator", e);
        }
    }

    /** Stops a random churn fraction of the nodes and joins as many new ones; returns how many were replaced. */
    private int churn() {
        int leaving = (int) Math.round(options.churn() * live.size());
        if (leaving == 0) {
            return 0;
        }
        Collections.shuffle(live, random);
        List<Node> gone = new ArrayList<>(live.subList(0, leaving));
        live.subList(0, leaving).clear();
        for (Node n : gone) {
            n.stop();
        }
        progress.accept(leaving + " nodes left; " + leaving + " new ones joining");
        addNodes(leaving);
        return leaving;
    }

    private static String failureReason(CompletableFuture<Lookup.Result<Item>> f) {
        if (!f.isDone()) {
            return "never finished";
        }
        if (!f.isCompletedExceptionally()) {
            return "wrong value";
        }
        try {
            f.join();
            return "unknown";
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause instanceof DhtException.NotFound ? "not found" : cause instanceof DhtException.Timeout
                ? "timed out" : cause.getClass().getSimpleName();
        }
    }

    private static double percentile(List<Integer> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    private static double mean(List<Integer> values) {
        long sum = 0;
        for (int v : values) {
            sum += v;
        }
        return values.isEmpty() ? 0 : (double) sum / values.size();
    }
}
