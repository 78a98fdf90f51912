package drogulus.cli;

import drogulus.bindings.AliasBook;
import drogulus.bindings.EmbeddedNode;
import drogulus.bindings.NetworkWait;
import drogulus.crypto.CryptoException;
import drogulus.crypto.Identity;
import drogulus.dht.DhtException;
import drogulus.logos.data.LogosError;
import drogulus.logos.eval.Interp;
import drogulus.repl.Repl;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The commands that bring a node along: the REPL, {@code run FILE --seed} and {@code run --from}. */
final class NetworkScripts {
    private NetworkScripts() {
    }

    /** The REPL with a node on 127.0.0.1:port that joins through the seeds first, if any are given. */
    static int repl(int port, List<String> seeds) {
        Path home = Home.directory();
        List<String> greeting = new ArrayList<>();
        Identity identity;
        try {
            Home.ensureExists(home);
            identity = Home.identity(home, greeting);
        } catch (CryptoException | IllegalStateException e) {
            System.err.println("drogulus: " + e.getMessage());
            return 1;
        }
        Interp interp = Environments.standard(home, () -> identity);
        Repl repl = new Repl(interp);
        AliasBook aliases = new AliasBook(home);
        repl.completeAliasesFrom(() -> aliases.all().keySet());
        EmbeddedNode node;
        try {
            node = Networked.attach(interp, home, identity, port, repl.statusLine());
        } catch (DhtException e) {
            System.err.println("drogulus: can't start the node: " + e.getMessage());
            return 1;
        }
        try {
            greeting.add("Your node listens on " + node.endpoint() + "; others join with --seed " + node.endpoint()
                + ".");
            if (!seeds.isEmpty()) {
                try {
                    long known = Networked.join(interp, seeds);
                    greeting.add("Joined through " + String.join(", ", seeds) + ": " + known + " peers known.");
                } catch (LogosError e) {
                    greeting.add("Could not join: " + e.getMessage() + "; try (dht/join \"host:port\").");
                }
            } else {
                greeting.add("Not joined to any network yet: (dht/join \"host:port\"), or start with --seed.");
            }
            return repl.runOnTerminal(home.resolve("history"), greeting);
        } finally {
            node.close();
        }
    }

    /**
     * {@code run [--port P] (--seed HOST:PORT)... (FILE... | --from PUBLISHER NAME)}; null when the command has
     * neither --seed nor --from, so it is an ordinary run.
     */
    static Integer run(String[] args) {
        List<String> seeds = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        String[] from = null;
        int port = 0;
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--seed" -> seeds.add(args[++i]);
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--from" -> from = new String[] {args[++i], args[++i]};
                    default -> files.add(Path.of(args[i]));
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            if (seeds.isEmpty() && from == null && !java.util.Arrays.asList(args).contains("--seed")) {
                return null;
            }
            System.err.println("drogulus run: --seed takes HOST:PORT, --port a number, --from PUBLISHER NAME");
            return 2;
        }
        if (seeds.isEmpty() && from == null) {
            return null;
        }
        if (from != null) {
            if (!files.isEmpty()) {
                System.err.println("drogulus run: give either --from PUBLISHER NAME or files, not both");
                return 2;
            }
            return runPublished(from[0], from[1], seeds, port, System.out, System.err);
        }
        if (files.isEmpty()) {
            System.err.println("drogulus run: give the .logos files to run, or --from PUBLISHER NAME");
            return 2;
        }
        return runFiles(files, seeds, port, System.out, System.err);
    }

    /** {@code run FILE... --seed}: the scripts run with a node that has joined through the seeds. */
    static int runFiles(List<Path> files, List<String> seeds, int port, PrintStream out, PrintStream err) {
        return withNode(seeds, port, err, interp -> {
            interp.setOutput(out);
            for (Path file : files) {
                interp.loadFile(file);
            }
        });
    }

    /** {@code run --from PUBLISHER NAME --seed}: fetches the script, verifies it and runs it in the sandbox. */
    static int runPublished(String publisher, String name, List<String> seeds, int port, PrintStream out,
                            PrintStream err) {
        return withNode(seeds, port, err, interp -> {
            interp.setOutput(out);
            Networked.evalPublished(interp, publisher, name);
        });
    }

    private interface Work {
        void run(Interp interp);
    }

    private static int withNode(List<String> seeds, int port, PrintStream err, Work work) {
        Path home = Home.directory();
        Identity identity;
        try {
            Home.ensureExists(home);
            identity = Identity.loadOrCreate(home);
        } catch (CryptoException | IllegalStateException e) {
            err.println("drogulus run: " + e.getMessage());
            return 1;
        }
        Interp interp = Environments.standard(home, () -> identity);
        EmbeddedNode node;
        try {
            node = Networked.attach(interp, home, identity, port, NetworkWait.StatusLine.NONE);
        } catch (DhtException e) {
            err.println("drogulus run: can't start the node: " + e.getMessage());
            return 1;
        }
        try {
            if (!seeds.isEmpty()) {
                Networked.join(interp, seeds);
            }
            work.run(interp);
            System.out.flush();
            return 0;
        } catch (LogosError e) {
            System.out.flush();
            err.println(e.report());
            return 1;
        } finally {
            node.close();
        }
    }
}
