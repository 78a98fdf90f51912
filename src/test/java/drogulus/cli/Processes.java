package drogulus.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs drogulus as a separate process, as a person at a shell would, on the test's own class path. */
final class Processes {
    private Processes() {
    }

    /** The command line that starts drogulus with these arguments. */
    static List<String> drogulus(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-cp", System.getProperty("java.class.path"), "drogulus.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** What a finished process printed, and how it exited. */
    record Result(int status, String out, String err) {
    }

    /** Runs the command with DROGULUS_HOME set to home; waits at most the given seconds. */
    static Result run(Path home, int seconds, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DROGULUS_HOME", home.toString());
        Path out = home.resolveSibling(home.getFileName() + ".out");
        Path err = home.resolveSibling(home.getFileName() + ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = builder.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            throw new AssertionError(command + " ran longer than " + seconds + " s; stderr: "
                + java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
            java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
    }
}
