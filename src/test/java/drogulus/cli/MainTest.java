package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void shouldRunScriptsGivenAfterRunWithoutPicocli() throws IOException {
        Path ok = dir.resolve("ok.logos");
        Files.writeString(ok, "(+ 1 2)\n");
        Path bad = dir.resolve("bad.logos");
        Files.writeString(bad, "(+ 1 :x)\n");
        assertEquals(0, Main.dispatch(new String[] {"run", ok.toString()}));
        assertEquals(1, Main.dispatch(new String[] {"run", ok.toString(), bad.toString(), "--"}));
        assertEquals(0, Main.dispatch(new String[] {"run", ok.toString(), bad.toString()}));
        assertEquals(1, Main.dispatch(new String[] {bad.toString(), "arg"}));
        assertEquals(0, Main.dispatch(new String[] {"run", "--sandbox", ok.toString()}));
    }

    @Test
    void shouldGiveExpressionsAndOtherCommandsTheirStatus() {
        assertEquals(0, Main.dispatch(new String[] {"-e", "(+ 1 2)"}));
        assertEquals(1, Main.dispatch(new String[] {"-e", "(undefined)"}));
        assertEquals(0, Main.dispatch(new String[] {"--help"}));
        assertEquals(2, Main.dispatch(new String[] {"no-such-command"}));
        assertEquals(2, Main.dispatch(new String[] {"run", "--no-such-option", "x.logos"}));
    }
}
