package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LVector;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs the tests written in Logos (src/test/logos/*.logos, with deftest and is) as JUnit tests. */
class LogosSuiteTest {
    private static final Path DIR = Path.of("src/test/logos");
    private static final Keyword NAME = Keyword.of("name");
    private static final Keyword FAILURES = Keyword.of("failures");
    private static final Keyword ERROR = Keyword.of("error");

    /** A compiler bug leaves bodies trees without a word; with every body compiled, none may fail. */
    @AfterAll
    static void noBodyFailedToCompile() {
        assertEquals(0, HotCode.failures(), "bodies failed to compile; run with -Ddrogulus.compileDebug=true");
    }

    @TestFactory
    Stream<DynamicNode> logosTestsPass() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(DIR)) {
            files = listing.filter(p -> p.toString().endsWith(".logos")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no Logos tests in " + DIR);
        return files.stream().map(LogosSuiteTest::runFile);
    }

    private static DynamicNode runFile(Path file) {
        Interp interp = CoreLibrary.standard();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        interp.setOutput(new PrintStream(printed, true, StandardCharsets.UTF_8));
        CoreLibrary.loadLibrary(interp, "test.logos");
        interp.loadFile(file);
        Object results = interp.eval(LList.of(Symbol.of("test-results")));
        List<DynamicTest> tests = new ArrayList<>();
        for (Object result : (LVector) results) {
            LMap map = (LMap) result;
            String name = (String) map.get(NAME);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertNull(map.get(ERROR), () -> name + " threw: " + map.get(ERROR));
                LVector failures = (LVector) map.get(FAILURES);
                assertTrue(failures.isEmpty(), () -> name + " failed:\n  " + Printer.print(failures, false));
            }));
        }
        assertFalse(tests.isEmpty(), "no deftest in " + file);
        return DynamicContainer.dynamicContainer(file.getFileName().toString(), tests);
    }
}
