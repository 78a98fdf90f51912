package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors of {@code drogulus run}, as a shell sees them: they name the function, its namespace and the file. */
class RunErrorsTest {
    @TempDir
    Path dir;

    private Path script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Processes.Result run(String... args) throws IOException, InterruptedException {
        return Processes.run(dir.resolve("home"), 60, Processes.drogulus(args));
    }

    @Test
    void shouldNameANamespacedFunctionQualifiedInAnArityError() throws Exception {
        Path lib = script("my/lib.logos", "(ns my.lib)\n(defn f [a b] a)\n(defn call-f [] (inc (f 1)))\n"
            + "(defmacro twice [x] [x x])\n");
        Path main = script("main.logos", "(require '[my.lib :as m])\n(defn g [x] x)\n"
            + "(println (try (g) (catch e (ex-message e))))\n(prn m/f)\n(m/call-f)\n");
        Processes.Result r = run("run", main.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals("Wrong number of arguments to g: expected 1, got 0\n#<fn my.lib/f>\n", r.out());
        assertTrue(r.err().startsWith("Error: " + lib + ":3:22: Wrong number of arguments to my.lib/f: expected 2,"
            + " got 1"), r.err());
    }
}
