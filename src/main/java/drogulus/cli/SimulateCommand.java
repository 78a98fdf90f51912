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
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate a network of N nodes in memory: store signed items, run lookups with churn, report "
        + "success rate, hops and messages per lookup.")
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--nodes", defaultValue = "1000", description = "Nodes in the network (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--lookups", defaultValue = "500", description = "Lookups per round (default: ${DEFAULT-VALUE}).")
    int lookups;

    @Option(names = "--churn", defaultValue = "0",
        description = "Fraction of nodes replaced between rounds, 0 to 0.99 (default: ${DEFAULT-VALUE}).")
    double churn;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; a run is reproducible from it.")
    long seed;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of lookups (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--items", defaultValue = "100", description = "Items stored (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--publishers", defaultValue = "2",
        description = "RSA identities signing the items (default: ${DEFAULT-VALUE}).")
    int publishers;

    @Option(names = "--loss", defaultValue = "0", description = "Fraction of messages lost (default: 0).")
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

    /** Runs the simulation and prints its report; returns the exit code. */
    public int run(PrintWriter out, PrintWriter err) {
        Simulator.Report report;
        try {
            Simulator.Options options = new Simulator.Options(nodes, lookups, churn, seed, rounds, items, publishers,
                loss, wire);
            report = new Simulator(options, line -> {
                err.println("simulate: " + line);
                err.flush();
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
        s.append(String.format(Locale.ROOT, "nodes %d, churn %.0f%%, seed %d, %d items stored (%.1f copies each)%n",
            o.nodes(), o.churn() * 100, o.seed(), r.itemsStored(), r.meanAcks()));
        for (Simulator.Round round : r.rounds()) {
            s.append(String.format(Locale.ROOT,
                "  round %d: %d replaced, %d/%d found, hops median %.0f p95 %.0f, messages mean %.1f p95 %.0f%n",
                round.round(), round.replaced(), round.succeeded(), round.lookups(), round.medianHops(),
                round.p95Hops(), round.meanMessages(), round.p95Messages()));
        }
        s.append(String.format(Locale.ROOT, "success rate    %.2f%% (%d of %d lookups)%n", r.successRate() * 100,
            r.succeeded(), r.lookups()));
        if (r.failedJoins() > 0) {
            s.append("failed joins    ").append(r.failedJoins()).append(" nodes gave up after 5 attempts\n");
        }
        if (!r.failures().isEmpty()) {
            s.append("failures        ").append(r.failures()).append('\n');
        }
        s.append(String.format(Locale.ROOT, "hops            median %.0f, p95 %.0f, mean %.2f (log2 N = %.1f)%n",
            r.medianHops(), r.p95Hops(), r.meanHops(), r.log2N()));
        s.append(String.format(Locale.ROOT, "messages/lookup median %.0f, p95 %.0f, mean %.1f%n",
            r.medianMessages(), r.p95Messages(), r.meanMessages()));
        s.append(String.format(Locale.ROOT, "time            %.1f s (network built in %.1f s), %d s simulated, "
            + "%d messages in all%n", r.totalMillis() / 1000.0, r.buildMillis() / 1000.0, r.virtualSeconds(),
            r.networkMessages()));
        return s.toString();
    }
}
