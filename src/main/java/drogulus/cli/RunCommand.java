package drogulus.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code drogulus run FILE ARG...}: runs a script in batch; only what it prints reaches stdout. The command line
 * is parsed by {@link RunArgs} (see {@link Main#dispatch}); picocli sees it only for --help and mistakes.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Run a Logos script: `run FILE ARG...` gives the script the ARGs as *command-line-args*. "
        + "To run several files in order, end them with --: `run a.logos b.logos -- ARG...`. FILE - reads the "
        + "script from standard input. A script can also run by itself: make it executable with "
        + "`#!/usr/bin/env drogulus` as its first line and the drogulus launcher on PATH. "
        + "Errors go to stderr with file:line:column and the exit status is 1.")
final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The script, then its arguments.")
    private List<String> words;

    @Option(names = "--sandbox", description = "Run under the sandbox, with its default limits.")
    private boolean sandbox;

    @Override
    public Integer call() {
        // picocli has removed any --, so only the one-script form is left: the first word is the file.
        RunArgs run = new RunArgs(words.subList(0, 1), words.subList(1, words.size()), sandbox);
        return Scripts.run(run, System.in, System.out, System.err);
    }
}
