package drogulus.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code drogulus} command: the REPL by default, or a sub-command. */
@Command(name = "drogulus", mixinStandardHelpOptions = true, version = "drogulus 0.1.0",
    description = "A programmable peer-to-peer data store with a Logos (Lisp) REPL.",
    subcommands = {RunCommand.class})
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

    public static void main(String[] args) {
        AtomicInteger status = new AtomicInteger();
        Thread worker = new Thread(null, () -> status.set(new CommandLine(new Main()).execute(args)), "logos",
            STACK_BYTES);
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
