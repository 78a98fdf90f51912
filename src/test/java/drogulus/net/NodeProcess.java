package drogulus.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code drogulus node} in a JVM of its own, started from the test classpath, with its output in files. */
record NodeProcess(Process process, int port, Path out, Path err) {
    private static final Pattern START = Pattern.compile("^node ([0-9a-f]{128}) listening on 127\\.0\\.0\\.1:(\\d+)",
        Pattern.MULTILINE);

    /** The command running drogulus's main class with these JVM options and arguments. */
    static List<String> java(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "drogulus.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Starts a node on 127.0.0.1 and a free port with its data in {@code dir/name}, and waits for its start line.
     *
     * @param options node options after {@code --port 0 --host 127.0.0.1 --data ...}
     */
    static NodeProcess start(Path dir, String name, List<String> jvmOptions, List<String> options)
        throws IOException, InterruptedException {
        List<String> cmd = java(jvmOptions, "node", "--port", "0", "--host", "127.0.0.1", "--data",
            dir.resolve(name).toString());
        cmd.addAll(options);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = START.matcher(Files.exists(out) ? Files.readString(out) : "");
            if (m.find()) {
                return new NodeProcess(p, Integer.parseInt(m.group(2)), out, err);
            }
            if (!p.isAlive()) {
                throw new AssertionError(name + " exited: " + Files.readString(err));
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new AssertionError(name + " printed no start line");
    }

    String endpoint() {
        return "127.0.0.1:" + port;
    }
}
