package drogulus.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import drogulus.dht.Simulator;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drogulus simulate}: a simulated network in this process, with lookups, churn and a report. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Simulate a network of N nodes in memory: store signed items, run concurrent gets while nodes "
        + "leave and join, messages are delayed and lost and adversaries lie; report success rate, latency, hops, "
        + "messages per get, copies held and stale reads.")
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--nodes", defaultValue = "1000", description = "Nodes in the network (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--lookups", defaultValue = "500", description = "Gets per round (default: ${DEFAULT-VALUE}).")
    int lookups;

    @Option(names = "--churn", defaultValue = "0",
        description = "Fraction of nodes replaced during each round, spread over it while gets run, 0 to 0.99 "
            + "(default: ${DEFAULT-VALUE}).")
    double churn;

    @Option(names = "--heal", description = "Let an hour and ten minutes of virtual time pass between rounds, so "
        + "republishing and bucket refreshes catch up (default: no pause).")
    boolean heal;

    @Option(names = "--concurrency", defaultValue = "16",
        description = "Gets in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--latency", defaultValue = "50",
        description = "Median one-way latency in ms; each message's is drawn from a log-normal distribution "
            + "around it (sigma 0.6: quartiles at /1.5 and x1.5) (default: ${DEFAULT-VALUE}).")
    double latency;

    @Option(names = "--adversaries", defaultValue = "0",
        description = "Adversaries to add, as a fraction of --nodes: they crowd next to the items' keys, claim "
            + "others' ids, return bogus contacts and stale or forged values, drop what they store (default: 0).")
    double adversaries;

    @Option(names = "--expires", defaultValue = "0",
        description = "Items expire this many seconds after they are put and are put again every half of it "
            + "(default: 0, never).")
    long expires;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; a run is reproducible from it.")
    long seed;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of lookups (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--items", defaultValue = "100", description = "Items stored (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--publishers", defaultValue = "2",
        description = "RSA identities signing the items (default: ${DEFAULT-VALUE}).")
    int publishers;

    @Option(names = "--loss", defaultValue = "0",
        description = "Fraction of messages lost, requests and answers alike (default: 0).")
    double loss;

    @Option(names = "--wire", description = "Pass every message through the msgpack codec (slower).")
    boolean wire;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command on its own, as bench/dht/run does before it is wired into {@code drogulus}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulateCommand()).execute(args));
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * Runs the simulation and prints its report; returns the exit code. On Java 17, which the project targets,
     * System.console() is null unless both stdin and stdout are terminals, so a report piped away gets no progress.
     */
    @SuppressWarnings("SystemConsoleNull")
    public int run(PrintWriter out, PrintWriter err) {
        Simulator.Report report;
        try {
            Simulator.Options options = new Simulator.Options(nodes, lookups, churn, seed, rounds, items, publishers,
                loss, wire, concurrency, heal, latency, adversaries, expires);
            // Progress is for a person watching: on a terminal, not into a pipe or a log.
            boolean terminal = System.console() != null;
            report = new Simulator(options, line -> {
                if (terminal) {
                    err.println("simulate: " + line);
                    err.flush();
                }
            }).run();
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            err.flush();
            return 2;
        }
        out.print(json ? toJson(report) : toText(report));
        out.flush();
        return 0;
    }

    static String toJson(Simulator.Report report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the report as JSON", e);
        }
    }

    static String toText(Simulator.Report r) {
        StringBuilder s = new StringBuilder();
        Simulator.Options o = r.options();
        s.append(String.format(Locale.ROOT, "nodes %d honest + %d adversaries, churn %.0f%% per round, loss %.0f%%, "
            + "seed %d, %d items stored (%.1f acknowledgements per put, %d puts failed)%n", r.honestNodes(),
            r.adversaryNodes(), o.churn() * 100, o.lossRate() * 100, o.seed(), r.itemsStored(), r.meanAcks(),
            r.putsFailed()));
        for (Simulator.Round round : r.rounds()) {
            s.append(String.format(Locale.ROOT,
                "  round %d: %d replaced, %d/%d found, %d stale, latency median %.0f p99 %.0f ms, hops median %.0f, "
                + "messages mean %.1f%n", round.round(), round.replaced(), round.succeeded(), round.lookups(),
                round.stale(), round.medianLatency(), round.p99Latency(), round.medianHops(), round.meanMessages()));
        }
        s.append(String.format(Locale.ROOT, "success rate    %.2f%% (%d of %d gets; %d asked from a node holding a "
            + "copy)%n", r.successRate() * 100, r.succeeded(), r.lookups(), r.localHits()));
        s.append(String.format(Locale.ROOT, "stale reads     %d (%d where a majority of the nearest honest nodes "
            + "held the newer version)%n", r.stale(), r.staleAgainstMajority()));
        if (r.failedJoins() > 0) {
            s.append("failed joins    ").append(r.failedJoins()).append(" nodes gave up after 5 attempts\n");
        }
        if (!r.failures().isEmpty()) {
            s.append("failures        ").append(r.failures()).append('\n');
        }
        s.append(String.format(Locale.ROOT, "latency         median %.0f, p95 %.0f, p99 %.0f ms (virtual)%n",
            r.medianLatency(), r.p95Latency(), r.p99Latency()));
        s.append(String.format(Locale.ROOT, "hops            median %.0f, p95 %.0f, mean %.2f (log2 N = %.1f)%n",
            r.medianHops(), r.p95Hops(), r.meanHops(), r.log2N()));
        s.append(String.format(Locale.ROOT, "messages/get    median %.0f, p95 %.0f, mean %.1f%n",
            r.medianMessages(), r.p95Messages(), r.meanMessages()));
        s.append(String.format(Locale.ROOT, "copies at end   %.1f on average, %d at least, of the K nearest live "
            + "honest nodes hold the newest version%n", r.copiesMean(), r.copiesMin()));
        s.append(String.format(Locale.ROOT, "time            %.1f s (network built in %.1f s), %d s simulated, "
            + "%d messages (%d lost), %d nodes replaced%n", r.totalMillis() / 1000.0, r.buildMillis() / 1000.0,
            r.virtualSeconds(), r.networkMessages(), r.lostMessages(), r.replaced()));
        s.append("requests        building ").append(r.requestsBuilding()).append(", after ").append(r.requestsAfter())
            .append('\n');
        return s.toString();
    }
}
