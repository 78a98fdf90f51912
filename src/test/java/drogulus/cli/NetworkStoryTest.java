package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's story across separate processes: a devnet, Alice publishing a value and a library with
 * examples/network/publish.logos, Bob reading her value by id and by alias, and running her library with
 * {@code run --from}; a forged id or missing name fails with a clear message and exit status 1.
 */
@Timeout(180)
class NetworkStoryTest {
    @TempDir
    Path dir;

    @Test
    void shouldPublishAndFetchAcrossProcesses() throws Exception {
        ProcessBuilder devnetBuilder = new ProcessBuilder(Processes.drogulus("devnet", "--nodes", "5"));
        devnetBuilder.environment().put("DROGULUS_HOME", dir.resolve("devnet").toString());
        devnetBuilder.redirectError(dir.resolve("devnet.err").toFile());
        Process devnet = devnetBuilder.start();
        try {
            String seed = seedOf(devnet);
            Processes.Result published = Processes.run(dir.resolve("alice"), 60,
                Processes.drogulus("run", "examples/network/publish.logos", "--seed", seed));
            assertEquals(0, published.status(), published.err());
            Matcher id = Pattern.compile("my id is ([0-9a-f]{128})").matcher(published.out());
            assertTrue(id.find(), published.out());
            String alice = id.group(1);
            assertTrue(published.out().contains("greeting stored at 6 nodes"), published.out());

            Path bob = dir.resolve("bob");
            Files.createDirectories(bob);
            Path setup = dir.resolve("alias.logos");
            Files.writeString(setup, "(dht/alias \"alice\" \"" + alice + "\")\n(println (dht/get \"" + alice
                + "\" \"greeting\"))\n", StandardCharsets.UTF_8);
            Processes.Result read = Processes.run(bob, 60, Processes.drogulus("run", setup.toString(),
                "examples/network/read.logos", "--seed", seed));
            assertEquals(0, read.status(), read.err());
            assertEquals(List.of("Hello from Alice!", "Alice says: Hello from Alice!",
                "Who is she? Alice who likes Logos and gardens",
                "mathlib: the sum of squares of 1..10 is 385",
                "mean of [2 4 9] with Alice's library: 5"), read.out().lines().toList());

            Processes.Result fetched = Processes.run(bob, 60, Processes.drogulus("run", "--from", "alice", "mathlib",
                "--seed", seed));
            assertEquals(0, fetched.status(), fetched.err());
            assertEquals("mathlib: the sum of squares of 1..10 is 385\n", fetched.out());

            Processes.Result missing = Processes.run(bob, 60, Processes.drogulus("run", "--from", alice, "nothing",
                "--seed", seed));
            assertEquals(1, missing.status());
            assertTrue(missing.err().contains("dht/eval: no script 'nothing' from"), missing.err());
            assertTrue(missing.err().contains("was found after asking"), missing.err());
        } finally {
            devnet.destroy();
            devnet.waitFor();
        }
    }

    /** Reads the devnet's output until it says where to join. */
    private static String seedOf(Process devnet) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(devnet.getInputStream(),
            StandardCharsets.UTF_8));
        Pattern join = Pattern.compile("--seed ([0-9.]+:[0-9]+)");
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = join.matcher(line);
            if (line.startsWith("devnet:") && m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("the devnet ended without saying where to join");
    }
}
