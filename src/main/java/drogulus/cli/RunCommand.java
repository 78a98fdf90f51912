package drogulus.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drogulus run FILE...}: runs scripts in batch; only what they print reaches stdout. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run Logos scripts in order. Errors go to stderr and the exit status is 1.")
final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .logos files to run.")
    private List<Path> files;

    @Option(names = "--sandbox", description = "Run under the sandbox, with its default limits.")
    private boolean sandbox;

    @Override
    public Integer call() {
        return Scripts.runFiles(files, sandbox, System.out, System.err);
    }
}
