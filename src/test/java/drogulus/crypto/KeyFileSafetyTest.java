package drogulus.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Key files are read with a size bound, as ASCII only, and a private key others can read is refused. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KeyFileSafetyTest {
    private static Identity identity;

    @TempDir
    Path home;

    @BeforeAll
    static void makeKey() {
        identity = Identity.generate();
    }

    private String loadError() {
        return assertThrows(CryptoException.class, () -> Identity.load(home)).getMessage();
    }

    @Test
    void shouldRefuseAPrivateKeyThatOthersCanRead() throws IOException {
        identity.save(home, false);
        Path file = home.resolve(Identity.PRIVATE_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        String message = loadError();
        assertTrue(message.contains("accessible by others") && message.contains("chmod 600 " + file), message);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals(identity.publicKeyPem(), Identity.load(home).publicKeyPem());
    }

    @Test
    void shouldRefuseAKeyFileThatIsADeviceWithoutReadingItWhole() throws IOException {
        identity.save(home, false);
        Path file = home.resolve(Identity.PUBLIC_FILE);
        Files.delete(file);
        Files.createSymbolicLink(file, Path.of("/dev/zero"));
        String message = loadError();
        assertTrue(message.contains("larger than"), message);
    }

    @Test
    void shouldNameANonAsciiByteInAKeyFile() throws IOException {
        identity.save(home, false);
        Path file = home.resolve(Identity.PUBLIC_FILE);
        Files.write(file, "-----BEGIN PUBLIC KEY-----\nMI\u00e9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String message = loadError();
        assertTrue(message.contains("byte 29 (0xc3) is not ASCII"), message);
    }
}
