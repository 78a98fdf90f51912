package drogulus.cli;

import drogulus.bindings.EmbeddedNode;
import drogulus.bindings.NetworkWait;
import drogulus.crypto.Identity;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Interp;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * For bench/network/run: times {@code dht/get} and {@code dht/eval} called through the built-ins exactly as the
 * REPL calls them, with the REPL's own node, on a network that is already running.
 * Usage: NetworkBench SEED PUBLISHER-ID VALUE-NAME SCRIPT-NAME COUNT
 */
public final class NetworkBench {
    private NetworkBench() {
    }

    public static void main(String[] args) {
        Path home = Home.directory();
        Identity identity = Identity.loadOrCreate(home);
        Interp interp = Environments.standard(home, () -> identity);
        int count = Integer.parseInt(args[4]);
        EmbeddedNode node = Networked.attach(interp, home, identity, 0, NetworkWait.StatusLine.NONE);
        try {
            long known = Networked.join(interp, List.of(args[0]));
            System.out.println("node " + node.endpoint() + " joined: " + known + " peers known");
            Object get = interp.globals().find(Symbol.of("dht/get")).get();
            Object eval = interp.globals().find(Symbol.of("dht/eval")).get();
            report("dht/get " + args[2], time(interp, get, args[1], args[2], count));
            report("dht/eval " + args[3], time(interp, eval, args[1], args[3], count));
        } finally {
            node.close();
        }
        System.exit(0);
    }

    private static long[] time(Interp interp, Object fn, String publisher, String name, int count) {
        for (int i = 0; i < Math.min(20, count); i++) {
            interp.apply(fn, publisher, name);
        }
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            Object value = interp.apply(fn, publisher, name);
            micros[i] = (System.nanoTime() - start) / 1_000;
            if (value == null) {
                throw new IllegalStateException(name + " was not found");
            }
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void report(String what, long[] sorted) {
        System.out.println(String.format(Locale.ROOT, "%-22s n=%d  median %.2f ms  p99 %.2f ms  max %.2f ms", what,
            sorted.length, sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0,
            sorted[sorted.length - 1] / 1000.0));
    }
}
