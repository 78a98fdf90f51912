package drogulus.cli;

import drogulus.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code drogulus} command: the REPL by default, or a sub-command. */
@Command(name = "drogulus", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "A programmable peer-to-peer data store with a Logos (Lisp) REPL.",
    subcommands = {RunCommand.class, KeygenCommand.class, WhoamiCommand.class, SimulateCommand.class,
        NodeCommand.class, DevnetCommand.class})
public final class Main implements Callable<Integer> {
    /** Interpreter threads get a large stack so deep (non-tail) recursion meets the Logos depth limit first. */
    static final long STACK_BYTES = 2L * 1024 * 1024 * 1024;

    @Option(names = {"-e", "--eval"}, paramLabel = "EXPR",
        description = "Evaluate the forms in EXPR and print the last value readably.")
    private String expression;

    @Override
    public Integer call() {
        if (expression != null) {
            return Scripts.evalExpression(expression, System.out, System.err);
        }
        return Scripts.repl();
    }

    /**
     * Runs the command. The commands people run most ({@code -e}, {@code run} and the bare REPL) are parsed
     * here directly: building picocli's model of every sub-command costs more than the rest of start-up.
     */
    static int dispatch(String[] args) {
        if (args.length == 0) {
            return Scripts.repl();
        }
        if (args.length == 2 && (args[0].equals("-e") || args[0].equals("--eval"))) {
            return Scripts.evalExpression(args[1], System.out, System.err);
        }
        if (args.length >= 2 && args[0].equals("run") && plainFiles(args)) {
            boolean sandbox = args[1].equals("--sandbox");
            List<Path> files = new ArrayList<>();
            for (int i = sandbox ? 2 : 1; i < args.length; i++) {
                files.add(Path.of(args[i]));
            }
            if (!files.isEmpty()) {
                return Scripts.runFiles(files, sandbox, System.out, System.err);
            }
        }
        return new CommandLine(new Main())
            .setExecutionExceptionHandler((e, line, parsed) -> Failures.report(e, System.err))
            .execute(args);
    }

    /** True if everything after {@code run} is a file name, with at most a leading --sandbox. */
    private static boolean plainFiles(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("-") && !(i == 1 && args[i].equals("--sandbox"))) {
                return false;
            }
        }
        return true;
    }

    /** Prints drogulus's version for --version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"drogulus " + Version.getVersion()};
        }
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
        System.exit(status.get());
    }
}
