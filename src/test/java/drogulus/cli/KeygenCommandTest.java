package drogulus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.Utils;
import drogulus.crypto.Identity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeygenCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void shouldWriteAKeyPairThatWhoamiReports(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("drogulus-home");
        assertEquals(0, run(new KeygenCommand(home)));
        assertEquals("rw-------",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(Identity.PRIVATE_FILE))));
        Identity identity = Identity.load(home);
        String nodeId = Utils.toHex(identity.nodeId());
        assertTrue(out.toString().contains("node id: " + nodeId), out.toString());

        StringWriter whoami = new StringWriter();
        int code = new CommandLine(new WhoamiCommand(home)).setOut(new PrintWriter(whoami)).execute();
        assertEquals(0, code);
        assertEquals(identity.publicKeyPem() + "node id: " + nodeId + System.lineSeparator(), whoami.toString());
    }

    @Test
    void shouldRefuseToOverwriteWithoutForce(@TempDir Path home) throws Exception {
        assertEquals(0, run(new KeygenCommand(home)));
        String before = Files.readString(home.resolve(Identity.PUBLIC_FILE));
        assertEquals(1, run(new KeygenCommand(home)));
        assertTrue(err.toString().contains("already exists"), err.toString());
        assertEquals(before, Files.readString(home.resolve(Identity.PUBLIC_FILE)));
        assertEquals(0, run(new KeygenCommand(home), "--force"));
        assertTrue(!before.equals(Files.readString(home.resolve(Identity.PUBLIC_FILE))));
    }

    @Test
    void shouldExplainWhenWhoamiFindsNoKey(@TempDir Path home) {
        assertEquals(1, run(new WhoamiCommand(home)));
        assertTrue(err.toString().contains(home.resolve(Identity.PRIVATE_FILE).toString()), err.toString());
        assertTrue(err.toString().contains("keygen"), err.toString());
    }
}
