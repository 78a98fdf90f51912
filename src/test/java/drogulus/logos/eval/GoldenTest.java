package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the golden files in src/test/resources/golden/: each chunk of source is followed by its expectation,
 * {@code ;=> value} (the printed value of the last form), {@code ;!! text} (an error whose report contains the
 * text) or {@code ;out> text} (a line it prints). Each file runs in one fresh interpreter, top to bottom.
 */
public class GoldenTest {
    private static final Path DIR = Path.of("src/test/resources/golden");

    /** One chunk of source and what it must give. */
    private record Case(int line, String source, String value, String error, List<String> output) {
    }

    /** A compiler bug leaves bodies trees without a word; with every body compiled, none may fail. */
    @AfterAll
    static void noBodyFailedToCompile() {
        assertEquals(0, HotCode.failures(), "bodies failed to compile; run with -Ddrogulus.compileDebug=true");
    }

    @TestFactory
    Stream<DynamicNode> goldenFilesGiveTheirExpectedResults() throws IOException {
        return goldenFiles(DIR, CoreLibrary::standard);
    }

    /** The golden files of a directory as dynamic tests, each file in a fresh interpreter from the factory. */
    public static Stream<DynamicNode> goldenFiles(Path dir, Supplier<Interp> factory) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".logos")).sorted().toList();
        }
        assertTrue(files.size() > 0, "no golden files found in " + dir);
        return files.stream().map(file -> container(file, factory));
    }

    private static DynamicNode container(Path file, Supplier<Interp> factory) {
        List<Case> cases = parse(file);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Interp[] interp = new Interp[1];
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(file.getFileName() + ":" + c.line(), () -> {
                if (interp[0] == null) {
                    interp[0] = factory.get();
                    interp[0].setOutput(new PrintStream(captured, true, StandardCharsets.UTF_8));
                }
                run(interp[0], captured, file, c);
            }));
        }
        return DynamicContainer.dynamicContainer(file.getFileName().toString(), tests);
    }

    private static void run(Interp interp, ByteArrayOutputStream captured, Path file, Case c) {
        captured.reset();
        String where = file.getFileName() + ":" + c.line() + ": " + c.source().strip();
        try {
            Object value = interp.evalString(c.source(), file.getFileName().toString());
            if (c.error() != null) {
                fail(where + "\nexpected error containing: " + c.error() + "\nbut got value: "
                    + Printer.print(value, true));
            }
            if (c.value() != null) {
                assertEquals(c.value(), Printer.print(value, true), where);
            }
        } catch (LogosError e) {
            if (c.error() == null) {
                fail(where + "\nunexpected error: " + e.report());
            }
            assertTrue(e.report().contains(c.error()), where + "\nexpected error containing: " + c.error()
                + "\nbut got: " + e.report());
        }
        if (!c.output().isEmpty()) {
            String printed = captured.toString(StandardCharsets.UTF_8);
            assertEquals(String.join("\n", c.output()) + "\n", printed, where + " (printed output)");
        }
    }

    private static List<Case> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Case> cases = new ArrayList<>();
        StringBuilder source = new StringBuilder();
        List<String> output = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(";out> ")) {
                output.add(line.substring(6));
            } else if (line.startsWith(";=> ") || line.startsWith(";!! ")) {
                String expected = line.substring(4);
                boolean isError = line.startsWith(";!!");
                cases.add(new Case(start, source.toString(), isError ? null : expected, isError ? expected : null,
                    List.copyOf(output)));
                source.setLength(0);
                output.clear();
                start = -1;
            } else {
                if (start < 0 && !line.isBlank() && !line.startsWith(";")) {
                    start = i + 1;
                }
                // Blank lines keep the line numbers of the source chunk meaningful in error positions.
                source.append(line).append('\n');
            }
        }
        return cases;
    }
}
