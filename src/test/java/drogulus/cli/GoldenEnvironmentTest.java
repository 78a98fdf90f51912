package drogulus.cli;

import drogulus.logos.eval.GoldenTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Golden files for the built-ins of every layer (JSON, crypto, sandbox), as the REPL and scripts have them. */
class GoldenEnvironmentTest {
    @TempDir
    Path home;

    @TestFactory
    Stream<DynamicNode> goldenFilesOfTheFullEnvironmentGiveTheirResults() throws IOException {
        return GoldenTest.goldenFiles(Path.of("src/test/resources/golden-env"), () -> Environments.standard(home));
    }
}
