package drogulus.cli;

import drogulus.dht.NodeConfig;
import drogulus.net.NetConfig;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import picocli.CommandLine.Option;

/** The limits and logging options {@code node} and {@code devnet} share. */
final class NodeOptions {
    @Option(names = "--rate-per-address", paramLabel = "N",
        description = "Requests per second accepted from one address; 0 for no limit (default: ${DEFAULT-VALUE}).")
    int ratePerAddress = NodeConfig.defaults().ratePerAddress();

    @Option(names = "--rate-total", paramLabel = "N",
        description = "Requests per second accepted in all; 0 for no limit (default: ${DEFAULT-VALUE}).")
    int rateTotal = NodeConfig.defaults().rateTotal();

    @Option(names = "--max-connections", paramLabel = "N",
        description = "Incoming connections held at once (default: ${DEFAULT-VALUE}).")
    int maxConnections = NetConfig.defaults().maxConnections();

    @Option(names = "--max-connections-per-address", paramLabel = "N",
        description = "Incoming connections held at once from one address (default: ${DEFAULT-VALUE}).")
    int maxConnectionsPerAddress = NetConfig.defaults().maxConnectionsPerAddress();

    @Option(names = {"-v", "--verbose"}, description = "Log every request refused and contact dropped.")
    boolean verbose;

    /** Checks the values; a message for the user, or null when they are fine. */
    String problem() {
        if (ratePerAddress < 0 || rateTotal < 0) {
            return "rates must be 0 (no limit) or more";
        }
        if (maxConnections < 1 || maxConnectionsPerAddress < 1) {
            return "connection limits must be at least 1";
        }
        return null;
    }

    NodeConfig nodeConfig() {
        NodeConfig d = NodeConfig.defaults();
        return d.withRates(ratePerAddress, rateTotal);
    }

    NetConfig netConfig() {
        return NetConfig.defaults().withConnections(maxConnections, maxConnectionsPerAddress);
    }

    /** One line per record on stderr: stdout is for the command's own output. */
    void setUpLogging() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Handler h = new StreamHandler(System.err, new Formatter() {
            @Override
            public String format(LogRecord r) {
                String text = formatMessage(r);
                String thrown = r.getThrown() == null ? "" : " (" + r.getThrown() + ")";
                return String.format(java.util.Locale.ROOT, "%1$tF %1$tT %2$s %3$s%4$s%n", r.getMillis(),
                    r.getLevel().getName(), text, thrown);
            }
        }) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }

            /** The log manager closes handlers at exit; closing would close System.err under the stop messages. */
            @Override
            public synchronized void close() {
                flush();
            }
        };
        Level level = verbose ? Level.FINE : Level.INFO;
        h.setLevel(level);
        root.addHandler(h);
        root.setLevel(Level.INFO);
        Logger.getLogger("drogulus").setLevel(level);
    }
}
