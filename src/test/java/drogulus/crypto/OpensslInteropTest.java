package drogulus.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Checks our keys and signatures with the openssl command line, when it is installed. */
class OpensslInteropTest {
    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        return process.exitValue() + ":" + output.strip();
    }

    private static boolean haveOpenssl() {
        try {
            Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    @Timeout(60)
    void shouldHaveSignaturesAndSavedKeysOpensslAccepts(@TempDir Path dir) throws Exception {
        assumeTrue(haveOpenssl(), "openssl is not installed");
        Identity identity = Identity.generate();
        identity.save(dir, false);
        byte[] data = Items.signedBytes("value", 1.0, -1.0, "name", null, "0.0.0.alpha.0");
        Files.write(dir.resolve("data"), data);
        Files.write(dir.resolve("sig"), identity.sign(data));
        assertEquals("0:Verified OK", run(dir, "openssl", "dgst", "-sha512", "-verify", Identity.PUBLIC_FILE,
            "-signature", "sig", "data"));
        assertTrue(run(dir, "openssl", "pkey", "-in", Identity.PRIVATE_FILE, "-noout", "-check")
            .startsWith("0:"));
        Files.write(dir.resolve("data"), "tampered".getBytes(StandardCharsets.UTF_8));
        assertTrue(run(dir, "openssl", "dgst", "-sha512", "-verify", Identity.PUBLIC_FILE, "-signature", "sig",
            "data").startsWith("1:"));
    }

    @Test
    @Timeout(60)
    void shouldVerifySignaturesMadeByOpenssl(@TempDir Path dir) throws Exception {
        assumeTrue(haveOpenssl(), "openssl is not installed");
        assertTrue(run(dir, "openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
            "-out", "key.pem").startsWith("0:"));
        assertTrue(run(dir, "openssl", "pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem").startsWith("0:"));
        byte[] data = "signed by openssl".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("data"), data);
        assertTrue(run(dir, "openssl", "dgst", "-sha512", "-sign", "key.pem", "-out", "sig", "data")
            .startsWith("0:"));
        String publicKey = Files.readString(dir.resolve("pub.pem"));
        assertTrue(Items.verify(data, Files.readAllBytes(dir.resolve("sig")), publicKey));
        assertEquals(publicKey, Identity.fromPrivateKeyPem(Files.readString(dir.resolve("key.pem"))).publicKeyPem());
    }
}
