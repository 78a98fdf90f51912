package drogulus.logos.builtins;

import drogulus.logos.data.Printer;
import drogulus.logos.eval.Interp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An interpreter whose script directory is a fresh temporary one, its output kept, for tests of namespaces. */
abstract class ScriptDirectoryFixture {
    @TempDir
    protected Path dir;

    protected final Interp interp = CoreLibrary.standard();
    protected final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        interp.globals().namespaces().setScriptDirectory(dir);
        interp.setOutput(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    protected void file(String relative, String text) throws IOException {
        Path path = dir.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    protected String eval(String source) {
        return Printer.print(interp.evalString(source, "main.logos"), true);
    }
}
