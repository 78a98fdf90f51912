package drogulus.cli;

import drogulus.Version;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code drogulus} command: the REPL by default, or a sub-command. */
@Command(name = "drogulus", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "A programmable peer-to-peer data store with a Logos (Lisp) REPL.",
    subcommands = {RunCommand.class, KeygenCommand.class, WhoamiCommand.class, SimulateCommand.class,
        NodeCommand.class, DevnetCommand.class})
public final class Main implements Callable<Integer> {
    /** Interpreter threads get a large stack so deep (non-tail) recursion meets the Logos depth limit first. */
    static final long STACK_BYTES = 2L * 1024 * 1024 * 1024;

    private static final Set<String> COMMANDS = Set.of("run", "keygen", "whoami", "simulate", "node", "devnet", "help");

    @Option(names = {"-e", "--eval"}, paramLabel = "EXPR",
        description = "Evaluate the forms in EXPR and print the last value readably, unless it is nil: "
            + "-e '(println \"x\")' prints x alone. May be given more than once; all run in one environment, "
            + "in order.")
    private List<String> expressions;

    @Parameters(arity = "0..*", paramLabel = "SCRIPT",
        description = "`drogulus SCRIPT ARG...` is `drogulus run SCRIPT ARG...`, so a file starting with "
            + "#!/usr/bin/env drogulus runs as a command.")
    private List<String> script;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
        description = "The port the REPL's node listens on, on 127.0.0.1 (default: any free port).")
    private int port;

    @Option(names = "--seed", paramLabel = "HOST:PORT",
        description = "A node for the REPL's node to join through at start; may be repeated.")
    private List<String> seeds = new ArrayList<>();

    @Override
    public Integer call() {
        if (expressions != null) {
            return Scripts.evalExpressions(expressions, System.out, System.err);
        }
        if (script != null && !script.isEmpty()) {
            System.err.println("drogulus: no such command or file: " + script.get(0));
            return 2;
        }
        if (port < 0 || port > 65_535) {
            System.err.println("drogulus: --port must be between 0 and 65535");
            return 2;
        }
        return NetworkScripts.repl(port, seeds);
    }

    /**
     * Runs the command. The commands people run most ({@code -e}, {@code run} and the bare REPL) are parsed
     * here directly: building picocli's model of every sub-command costs more than the rest of start-up.
     */
    static int dispatch(String[] args) {
        if (args.length == 0) {
            return NetworkScripts.repl(0, List.of());
        }
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            // Without picocli, whose model of every sub-command costs ~0.35 s of CPU for one line.
            System.out.println(versionLine());
            return 0;
        }
        if (args[0].equals("help")) {
            // "drogulus help" and "drogulus help run" read as people expect: the same as --help.
            String[] asked = args.length > 1 ? new String[] {args[1], "--help"} : new String[] {"--help"};
            return new CommandLine(new Main()).execute(asked);
        }
        List<String> expressions = expressions(args);
        if (expressions != null) {
            return Scripts.evalExpressions(expressions, System.out, System.err);
        }
        if (args[0].equals("run")) {
            Integer networked = NetworkScripts.run(args);
            if (networked != null) {
                return networked;
            }
            RunArgs run = RunArgs.parse(args, 1);
            if (run != null) {
                return Scripts.run(run, System.in, System.out, System.err);
            }
        } else if (isScript(args[0])) {
            // How a #!/usr/bin/env drogulus script is started: its path, then its arguments.
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            return Scripts.run(new RunArgs(List.of(args[0]), List.copyOf(rest), false), System.in, System.out,
                System.err);
        }
        return new CommandLine(new Main())
            .setExecutionExceptionHandler((e, line, parsed) -> Failures.report(e, System.err))
            .execute(args);
    }

    private static boolean isScript(String word) {
        if (word.startsWith("-") || COMMANDS.contains(word)) {
            return false;
        }
        try {
            return Files.isRegularFile(Path.of(word));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The expressions of a command line made only of -e EXPR pairs, else null. */
    private static List<String> expressions(String[] args) {
        if (args.length % 2 != 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].equals("-e") && !args[i].equals("--eval")) {
                return null;
            }
            out.add(args[i + 1]);
        }
        return out;
    }

    /** Prints drogulus's version for --version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {versionLine()};
        }
    }

    /** What -V prints. */
    static String versionLine() {
        return "drogulus " + Version.getVersion();
    }

    public static void main(String[] args) {
        AtomicInteger status = new AtomicInteger();
        Thread worker = new Thread(null, () -> {
            try {
                status.set(dispatch(args));
            } catch (Throwable e) {
                // Whatever escaped the command's own handling: one line, and never a success status.
                status.set(Failures.report(e, System.err));
            }
        }, "logos", STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        System.err.flush();
        ProcessEnd.end(status.get());
    }
}
