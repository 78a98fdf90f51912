package drogulus.dht;

import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One run of the {@link Simulator}: builds the network, runs the rounds and measures them honestly. */
final class SimRun {
    /** An item the simulation publishes, and the newest version of it a put got a majority for. */
    private static final class Tracked {
        final Identity who;
        final String name;
        final NodeId key;
        Item latest;
        int version;

        Tracked(Identity who, String name, NodeId key) {
            this.who = who;
            this.name = name;
            this.key = key;
        }
    }

    private static final int JOIN_ATTEMPTS = 5;
    /** The share of items given a new version in each round, so stale reads can happen and be counted. */
    private static final double UPDATES_PER_ROUND = 0.2;
    private static final long PROGRESS_NANOS = 2_000_000_000L;

    private final Simulator.Options options;
    private final Consumer<String> progress;
    private final Random random;
    private final VirtualScheduler scheduler = new VirtualScheduler(Simulator.EPOCH);
    private final SimNetwork network;
    private final NodeConfig config = NodeConfig.defaults();
    private final SimProofs proofs;
    private final long[] counters = new long[SimLink.REQUESTS + SimLink.TYPES.size()];
    private final List<Node> live = new ArrayList<>();
    private final List<SimAdversary> adversaries = new ArrayList<>();
    private final List<Contact> accomplices = new ArrayList<>();
    private final List<Tracked> items = new ArrayList<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final List<Integer> hops = new ArrayList<>();
    private final List<Integer> messages = new ArrayList<>();
    private int failedJoins;
    /** Nodes that have started joining and neither joined nor given up yet: part of the network's size. */
    private int joining;
    private int replaced;
    private int putsFailed;
    private long acks;
    private int puts;
    private int localHits;
    private int stale;
    private int staleAgainstMajority;
    private long lastProgress = System.nanoTime();

    SimRun(Simulator.Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
        this.random = new Random(options.seed());
        this.proofs = new SimProofs(new Random(random.nextLong()));
        this.network = new SimNetwork(scheduler, random, new SimNetwork.Conditions(0, 0, 0, config.rpcTimeoutMillis(),
            options.encodeMessages()));
    }

    private Transport link() {
        return new SimLink(network.newEndpoint(), scheduler, random, options.latencyMillis(), options.lossRate(),
            config.rpcTimeoutMillis(), counters);
    }

    /**
     * Runs the simulation. The nodes' own log lines (a contact dropped, and the like) are silenced meanwhile: a
     * run makes hundreds of thousands of them, the report says what they would, and writing them would cost more
     * than the simulation.
     */
    Simulator.Report run() {
        Logger log = Logger.getLogger("drogulus.dht");
        Level before = log.getLevel();
        log.setLevel(Level.WARNING);
        try {
            return measure();
        } finally {
            log.setLevel(before);
        }
    }

    private Simulator.Report measure() {
        long start = System.nanoTime();
        List<Identity> publishers = new ArrayList<>();
        for (int i = 0; i < options.publishers(); i++) {
            publishers.add(Simulator.publisher(random.nextLong()));
        }
        for (int i = 0; i < options.items(); i++) {
            Identity who = publishers.get(i % publishers.size());
            Item first = Simulator.sign(who, "item-" + i, 0, scheduler.now(), 0);
            items.add(new Tracked(who, "item-" + i, NodeId.of(first.key())));
        }
        progress.accept("building a network of " + options.nodes() + " nodes");
        addNodes(options.nodes());
        addAdversaries((int) Math.round(options.adversaries() * options.nodes()));
        long built = System.nanoTime();
        long[] whenBuilt = counters.clone();
        progress.accept("storing " + options.items() + " items");
        List<CompletableFuture<?>> stored = new ArrayList<>();
        for (Tracked t : items) {
            stored.add(publish(t));
        }
        scheduler.runUntil(Simulator.all(stored)::isDone);
        if (items.stream().allMatch(t -> t.latest == null)) {
            throw new DhtException("The simulation could not store a single item");
        }
        double meanAcks = puts == 0 ? 0 : (double) acks / puts;
        if (options.expires() > 0) {
            for (Tracked t : items) {
                scheduleRepublish(t);
            }
        }
        List<Simulator.Round> rounds = new ArrayList<>();
        int total = 0;
        int succeeded = 0;
        for (int r = 1; r <= options.rounds(); r++) {
            if (options.heal() && r > 1) {
                scheduler.advance(config.replicateIntervalMillis() + config.refreshIntervalMillis());
            }
            Simulator.Round round = round(r);
            rounds.add(round);
            total += round.lookups();
            succeeded += round.succeeded();
            progress.accept("round " + r + ": " + round.succeeded() + "/" + round.lookups() + " found, " + round.stale()
                + " stale, " + round.replaced() + " nodes replaced");
        }
        // The last round's newcomers that are still joining finish (a few virtual seconds, nothing else is asked of
        // the network meanwhile), so that the nodes counted, and the K nearest each copy is looked for among, are
        // the whole network and not the part that happened to have finished joining.
        scheduler.runUntil(() -> joining == 0);
        List<Integer> copies = new ArrayList<>();
        for (Tracked t : items) {
            copies.add(t.latest == null ? 0 : holdersOf(t));
        }
        long end = System.nanoTime();
        return new Simulator.Report(options, live.size(), adversaries.size(), (int) items.stream()
            .filter(t -> t.latest != null).count(), meanAcks, putsFailed, total, succeeded,
            total == 0 ? 0 : (double) succeeded / total, localHits, stale, staleAgainstMajority,
            Simulator.percentile(latencies, 50), Simulator.percentile(latencies, 95),
            Simulator.percentile(latencies, 99), Simulator.percentile(hops, 50), Simulator.percentile(hops, 95),
            Simulator.mean(hops), Simulator.percentile(messages, 50), Simulator.percentile(messages, 95),
            Simulator.mean(messages), Simulator.mean(copies), copies.stream().mapToInt(Integer::intValue).min()
            .orElse(0), Math.log(options.nodes()) / Math.log(2), counters[0], counters[1], replaced, failedJoins,
            (built - start) / 1_000_000, (end - start) / 1_000_000, (scheduler.now() - Simulator.EPOCH) / 1000,
            rounds, Simulator.sorted(failures), requests(whenBuilt, null), requests(counters, whenBuilt));
    }

    /** Requests sent by type from the counters, less those counted in {@code before} (may be null). */
    private static Map<String, Long> requests(long[] counts, long[] before) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < SimLink.TYPES.size(); i++) {
            int at = SimLink.REQUESTS + i;
            out.put(SimLink.TYPES.get(i), counts[at] - (before == null ? 0 : before[at]));
        }
        return out;
    }

    /** Puts a new version of the item from a random honest node; the newest acknowledged is what gets expect. */
    private CompletableFuture<?> publish(Tracked t) {
        Item item = Simulator.sign(t.who, t.name, ++t.version, scheduler.now(), options.expires());
        Node via = live.get(random.nextInt(live.size()));
        for (SimAdversary a : adversaries) {
            if (a.crowds(t.key)) {
                a.saw(item);
            }
        }
        return via.put(item, config.duplicationCount()).handle((n, e) -> {
            puts++;
            if (e == null) {
                acks += n;
                if (t.latest == null || Node.NEWER.compare(item, t.latest) > 0) {
                    t.latest = item;
                }
            } else {
                putsFailed++;
            }
            return null;
        });
    }

    private void scheduleRepublish(Tracked t) {
        scheduler.schedule(options.expires() * 500, () -> {
            CompletableFuture<?> unused = publish(t);
            scheduleRepublish(t);
        });
    }

    private Simulator.Round round(int r) {
        int lookups = options.lookups();
        int leaving = (int) Math.round(options.churn() * (live.size() + joining));
        int[] state = new int[4]; // started, done, succeeded, stale
        int staleBefore = stale;
        int replacedBefore = replaced;
        List<Long> roundLatencies = new ArrayList<>();
        List<Integer> roundHops = new ArrayList<>();
        List<Integer> roundMessages = new ArrayList<>();
        List<CompletableFuture<?>> updates = new ArrayList<>();
        for (Tracked t : items) {
            if (t.latest != null && random.nextDouble() < UPDATES_PER_ROUND) {
                updates.add(publish(t));
            }
        }
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (state[0] >= lookups) {
                return;
            }
            int i = state[0]++;
            if (leaving > 0) {
                int due = (int) ((long) leaving * (i + 1) / lookups) - (int) ((long) leaving * i / lookups);
                for (int c = 0; c < due; c++) {
                    replaceOne();
                }
            }
            Tracked t = items.get(random.nextInt(items.size()));
            while (t.latest == null) {
                t = items.get(random.nextInt(items.size()));
            }
            Tracked asked = t;
            Item expected = t.latest;
            Node from = live.get(random.nextInt(live.size()));
            if (from.store().get(t.key) != null) {
                localHits++;
            }
            long began = scheduler.now();
            CompletableFuture<?> unused = from.findValue(t.key).handle((res, e) -> {
                state[1]++;
                if (e != null) {
                    failures.merge(Simulator.failureReason(e), 1, Integer::sum);
                } else if (Node.NEWER.compare(res.value(), expected) < 0) {
                    stale++;
                    failures.merge("stale", 1, Integer::sum);
                    if (majorityHolds(asked, expected)) {
                        staleAgainstMajority++;
                    }
                } else {
                    state[2]++;
                    long took = scheduler.now() - began;
                    latencies.add(took);
                    roundLatencies.add(took);
                    hops.add(res.hops());
                    roundHops.add(res.hops());
                    messages.add(res.messages());
                    roundMessages.add(res.messages());
                }
                report(r, state[1], state[2]);
                next[0].run();
                return null;
            });
        };
        for (int c = 0; c < options.concurrency(); c++) {
            next[0].run();
        }
        scheduler.runUntil(() -> state[1] >= lookups);
        scheduler.runUntil(Simulator.all(updates)::isDone);
        return new Simulator.Round(r, replaced - replacedBefore, lookups, state[2], stale - staleBefore,
            Simulator.percentile(roundLatencies, 50), Simulator.percentile(roundLatencies, 99),
            Simulator.percentile(roundHops, 50), Simulator.mean(roundMessages));
    }

    private void report(int round, int done, int ok) {
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_NANOS) {
            lastProgress = now;
            progress.accept(String.format(java.util.Locale.ROOT, "round %d: %d/%d gets done, %.1f%% found", round,
                done, options.lookups(), 100.0 * ok / Math.max(1, done)));
        }
    }

    /** Whether more than half of the K nearest live honest nodes hold the version, or a newer one. */
    private boolean majorityHolds(Tracked t, Item version) {
        int k = config.k();
        int holding = 0;
        for (Node n : nearestHonest(t.key, k)) {
            StoredItem s = n.store().get(t.key);
            if (s != null && Node.NEWER.compare(s.item(), version) >= 0) {
                holding++;
            }
        }
        return holding > k / 2;
    }

    /** How many of the K nearest live honest nodes hold the newest version. */
    private int holdersOf(Tracked t) {
        int n = 0;
        for (Node node : nearestHonest(t.key, config.k())) {
            StoredItem s = node.store().get(t.key);
            if (s != null && Node.NEWER.compare(s.item(), t.latest) >= 0) {
                n++;
            }
        }
        return n;
    }

    private List<Node> nearestHonest(NodeId key, int k) {
        PriorityQueue<Node> farthestFirst = new PriorityQueue<>((a, b) -> key.compareDistance(b.id(), a.id()));
        for (Node n : live) {
            farthestFirst.add(n);
            if (farthestFirst.size() > k) {
                farthestFirst.poll();
            }
        }
        return new ArrayList<>(farthestFirst);
    }

    /** One node leaves at once; a new one joins through a random live node, while everything else goes on. */
    private void replaceOne() {
        if (live.size() < 2) {
            return;
        }
        Node gone = live.remove(random.nextInt(live.size()));
        gone.stop();
        replaced++;
        Node fresh = Simulator.honestNode(proofs, link(), scheduler, config, random);
        join(fresh, 1);
    }

    private void join(Node n, int attempt) {
        if (attempt == 1) {
            joining++;
        }
        String seed = live.get(random.nextInt(live.size())).contact().endpoint();
        CompletableFuture<?> unused = n.join(List.of(seed)).handle((size, e) -> {
            if (e == null) {
                joining--;
                live.add(n);
            } else if (attempt < JOIN_ATTEMPTS) {
                join(n, attempt + 1);
            } else {
                joining--;
                n.stop();
                failedJoins++;
            }
            return null;
        });
    }

    /**
     * Adds nodes in batches that join at once, each through a random node already in the network; only joined
     * nodes serve as seeds, so no islands form.
     */
    private void addNodes(int count) {
        Node first = Simulator.honestNode(proofs, link(), scheduler, config, random);
        live.add(first);
        int remaining = count - 1;
        int reported = 0;
        while (remaining > 0) {
            int batch = Math.min(remaining, Math.max(1, Math.min(64, live.size())));
            remaining -= batch;
            int before = live.size() + failedJoins;
            for (int i = 0; i < batch; i++) {
                join(Simulator.honestNode(proofs, link(), scheduler, config, random), 1);
            }
            scheduler.runUntil(() -> live.size() + failedJoins >= before + batch);
            if (live.size() / 1000 > reported) {
                reported = live.size() / 1000;
                progress.accept(live.size() + " nodes in the network");
            }
        }
    }

    /**
     * Adversaries claim ids next to the items' keys, spread over the items, and go about pinging honest nodes:
     * under their own claimed ids, so they may enter routing tables, and under honest nodes' ids, to take them over.
     */
    private void addAdversaries(int count) {
        for (int i = 0; i < count; i++) {
            Tracked target = items.get(i % items.size());
            SimAdversary a = new SimAdversary(link(), SimAdversary.near(target.key, random), target.key, random,
                accomplices, config.k());
            adversaries.add(a);
            accomplices.add(a.contact());
        }
        for (SimAdversary a : adversaries) {
            for (int j = 0; j < 10; j++) {
                Node victim = live.get(random.nextInt(live.size()));
                a.impersonate(victim.contact(), a.contact().id());
                a.impersonate(victim.contact(), live.get(random.nextInt(live.size())).id());
            }
        }
        scheduler.advance(config.rpcTimeoutMillis() * 2);
    }
}
