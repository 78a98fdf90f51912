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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Builds a simulated network of N honest nodes (plus adversaries, if asked) in this JVM, stores real signed items
 * in it, then runs rounds of concurrent gets of random items from random honest nodes, while nodes leave and new
 * ones join during the round, messages take log-normal latencies and some are lost, items are updated to new
 * versions and, with {@code expires}, expire and are put again. Node ids are proven with {@link SimProofs}, not
 * RSA; the items are signed by a few real identities. Everything runs on one {@link VirtualScheduler}, so a run
 * is reproducible from its seed. See {@link SimRun} for the measuring.
 */
public final class Simulator {
    /**
     * How to run: network size, gets per round, fraction of nodes replaced during each round, the random seed,
     * rounds, items, publishers, message loss, codec on the wire, gets in flight at once, whether an hour of
     * healing passes between rounds, median one-way latency, fraction of adversaries (on top of the honest
     * nodes), item lifetime in seconds (0: never expire).
     */
    public record Options(int nodes, int lookups, double churn, long seed, int rounds, int items, int publishers,
                          double lossRate, boolean encodeMessages, int concurrency, boolean heal,
                          double latencyMillis, double adversaries, long expires) {
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
            if (!(adversaries >= 0 && adversaries < 1)) {
                throw new IllegalArgumentException("adversaries must be a fraction from 0 up to 1, not " + adversaries);
            }
            if (lookups < 1 || rounds < 1 || items < 1 || publishers < 1 || concurrency < 1) {
                throw new IllegalArgumentException("lookups, rounds, items, publishers and concurrency must be at "
                    + "least 1");
            }
            if (!(latencyMillis >= 0) || expires < 0) {
                throw new IllegalArgumentException("latency and expires cannot be negative");
            }
        }

        /** The options the seed's simulator had, with today's defaults for the rest. */
        public Options(int nodes, int lookups, double churn, long seed, int rounds, int items, int publishers,
                       double lossRate, boolean encodeMessages) {
            this(nodes, lookups, churn, seed, rounds, items, publishers, lossRate, encodeMessages, 16, false, 50, 0,
                0);
        }
    }

    /** One round's figures. */
    public record Round(int round, int replaced, int lookups, int succeeded, int stale, double medianLatency,
                        double p99Latency, double medianHops, double meanMessages) {
    }

    /**
     * The whole run's figures. {@code honestNodes}: honest nodes in the network at the end, once every join
     * under way has finished (joined, or given up after its attempts); churn replaces a fraction of those
     * joined and joining. Latency in virtual milliseconds from a get's start to its answer; hops and
     * messages over successful gets; {@code localHits}: gets whose asking node held a copy already (they still
     * ask the network, as a get gathers a quorum). {@code stale}: gets that returned an older version than the
     * newest acknowledged when they started; {@code staleAgainstMajority}: those where a majority of the K
     * nearest live honest nodes held the newer version. {@code copiesMean}, {@code copiesMin}: of the K nearest
     * live honest nodes to each item's key at the end, how many hold its newest version. {@code requestsBuilding},
     * {@code requestsAfter}: requests sent by type while the network was built (its joins) and after (puts, gets,
     * the rounds' joins, pings and maintenance), each answered request being two of the network's messages.
     */
    public record Report(Options options, int honestNodes, int adversaryNodes, int itemsStored, double meanAcks,
                         int putsFailed, int lookups, int succeeded, double successRate, int localHits, int stale,
                         int staleAgainstMajority, double medianLatency, double p95Latency, double p99Latency,
                         double medianHops, double p95Hops, double meanHops, double medianMessages,
                         double p95Messages, double meanMessages, double copiesMean, int copiesMin, double log2N,
                         long networkMessages, long lostMessages, int replaced, int failedJoins, long buildMillis,
                         long totalMillis, long virtualSeconds, List<Round> rounds, Map<String, Integer> failures,
                         Map<String, Long> requestsBuilding, Map<String, Long> requestsAfter) {
    }

    static final long EPOCH = 1_767_225_600_000L;

    private final Options options;
    private final Consumer<String> progress;

    /** @param progress receives a line now and then about what the simulation is doing */
    public Simulator(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public Report run() {
        return new SimRun(options, progress).run();
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

    static String failureReason(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof DhtException.NotFound ? "not found" : cause instanceof DhtException.Timeout
            ? "timed out" : cause.getClass().getSimpleName();
    }

    static double percentile(List<? extends Number> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>();
        for (Number n : values) {
            sorted.add(n.doubleValue());
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    static double mean(List<? extends Number> values) {
        double sum = 0;
        for (Number v : values) {
            sum += v.doubleValue();
        }
        return values.isEmpty() ? 0 : sum / values.size();
    }

    static Map<String, Integer> sorted(Map<String, Integer> m) {
        return new TreeMap<>(m);
    }

    static Node honestNode(SimProofs proofs, Transport transport, VirtualScheduler scheduler, NodeConfig config,
                           Random random) {
        IdProofs identity = proofs.newIdentity();
        Node n = new Node(identity.idOf(identity.publicKey()), transport, new MemoryStore(), scheduler, config,
            new Random(random.nextLong()), Version.getVersion(), identity);
        n.start();
        return n;
    }

    static CompletableFuture<Void> all(List<? extends CompletableFuture<?>> fs) {
        return CompletableFuture.allOf(fs.toArray(new CompletableFuture<?>[0]));
    }

    static Item sign(Identity who, String name, int version, long nowMillis, long expiresSeconds) {
        double now = nowMillis / 1000.0;
        return who.signItem(name, "version " + version + " of " + name, now,
            expiresSeconds == 0 ? -1 : now + expiresSeconds, Map.of("version", Integer.toString(version)));
    }
}
