package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The programs in examples/ run as a newcomer would run them; errors.logos ends with its deliberate error. */
class ExamplesTest {
    @TestFactory
    Stream<DynamicTest> examplesRun() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("examples"))) {
            files = listing.filter(p -> p.toString().endsWith(".logos")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "expected the five examples, found " + files);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Scripts.runFiles(List.of(file), false, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            String errors = err.toString(StandardCharsets.UTF_8);
            assertTrue(!printed.isEmpty(), file + " printed nothing");
            if (file.getFileName().toString().equals("errors.logos")) {
                assertEquals(1, status);
                assertTrue(errors.contains("Unable to resolve symbol: undefined-function"), errors);
                assertTrue(printed.contains("refused: insufficient funds"), printed);
            } else {
                assertEquals(0, status, errors);
            }
        }));
    }
}
