package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import drogulus.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** -V prints the one version (the pom's) whichever command it is given to, as each command's --help offers it. */
class VersionOptionTest {
    private static String versionOf(String... args) {
        StringWriter text = new StringWriter();
        CommandLine line = new CommandLine(new Main());
        line.setOut(new PrintWriter(text, true));
        assertEquals(0, line.execute(args));
        return text.toString().strip();
    }

    @Test
    void shouldPrintTheVersionForEveryCommand() {
        String expected = "drogulus " + Version.getVersion();
        assertEquals(expected, versionOf("-V"));
        for (String command : new String[] {"run", "keygen", "whoami", "simulate", "node", "devnet"}) {
            assertEquals(expected, versionOf(command, "-V"), command + " -V");
            assertEquals(expected, versionOf(command, "--version"), command + " --version");
        }
    }
}
