package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drogulus run a.logos b.logos -- x} as a shell runs it: every file is checked before any runs. */
class RunFilesTest {
    @TempDir
    Path dir;

    private Path script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldRunNothingWhenALaterFileIsMissing() throws Exception {
        Path first = script("a.logos", "(println \"ran a\")\n");
        Path missing = dir.resolve("b.logos");
        Processes.Result r = Processes.run(dir.resolve("home"), 60,
            Processes.drogulus("run", first.toString(), missing.toString(), "--", "x"));
        assertEquals(1, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Can't read " + missing + ": no such file"), r.err());
    }

    @Test
    void shouldRunNothingWhenAFileIsADirectory() throws Exception {
        Path first = script("a.logos", "(println \"ran a\")\n");
        Processes.Result r = Processes.run(dir.resolve("home"), 60,
            Processes.drogulus("run", first.toString(), dir.toString(), "--"));
        assertEquals(1, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Can't read " + dir + ": it is a directory"), r.err());
    }

    @Test
    void shouldRunEveryFileInOrderWhenAllAreThere() throws Exception {
        Path first = script("a.logos", "(def seen [\"a\"])\n");
        Path second = script("b.logos", "(prn (conj seen \"b\") *command-line-args*)\n");
        Processes.Result r = Processes.run(dir.resolve("home"), 60,
            Processes.drogulus("run", first.toString(), second.toString(), "--", "x"));
        assertEquals(0, r.status(), r.err());
        assertEquals("[\"a\" \"b\"] (\"x\")\n", r.out());
    }
}
