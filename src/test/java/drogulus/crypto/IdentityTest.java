package drogulus.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPairGenerator;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityTest {
    private static Identity identity;

    @BeforeAll
    static void makeKey() {
        identity = Identity.generate();
    }

    @Test
    void shouldGenerateRsa2048KeysWithPemTextAndNodeId() {
        String pem = identity.publicKeyPem();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(pem.endsWith("\n-----END PUBLIC KEY-----\n"));
        assertEquals(2048, Rsa.parsePublic(pem).getModulus().bitLength());
        assertArrayEquals(Items.sha512(pem.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            identity.nodeId());
        assertEquals(64, identity.nodeId().length);
    }

    @Test
    void shouldSaveAndLoadTheSamePairWithAPrivateKeyOnlyItsOwnerCanRead(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        identity.save(home, false);
        Identity loaded = Identity.load(home);
        assertEquals(identity.publicKeyPem(), loaded.publicKeyPem());
        assertArrayEquals(identity.nodeId(), loaded.nodeId());
        byte[] data = {1, 2, 3};
        assertTrue(Items.verify(data, loaded.sign(data), identity.publicKeyPem()));
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(home.resolve(Identity.PRIVATE_FILE));
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), perms);
        assertTrue(Files.readString(home.resolve(Identity.PRIVATE_FILE)).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertFalse(Files.exists(home.resolve(Identity.PRIVATE_FILE + ".tmp")));
    }

    @Test
    void shouldRefuseToOverwriteAnExistingPairUnlessAsked(@TempDir Path home) throws Exception {
        identity.save(home, false);
        Identity other = Identity.generate();
        CryptoException e = assertThrows(CryptoException.class, () -> other.save(home, false));
        assertTrue(e.getMessage().contains(home.toString()), e.getMessage());
        assertEquals(identity.publicKeyPem(), Identity.load(home).publicKeyPem());
        other.save(home, true);
        assertEquals(other.publicKeyPem(), Identity.load(home).publicKeyPem());
        assertNotEquals(identity.publicKeyPem(), other.publicKeyPem());
    }

    @Test
    void shouldNameTheMissingFile(@TempDir Path home) {
        CryptoException e = assertThrows(CryptoException.class, () -> Identity.load(home));
        assertTrue(e.getMessage().contains(home.resolve(Identity.PRIVATE_FILE).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("keygen"), e.getMessage());
    }

    @Test
    void shouldNameTheCorruptPrivateKeyFile(@TempDir Path home) throws Exception {
        identity.save(home, false);
        Path file = home.resolve(Identity.PRIVATE_FILE);
        String good = Files.readString(file);
        String[] corrupt = {"", "garbage", good.substring(0, good.length() / 2),
            good.replace("PRIVATE KEY", "RSA PRIVATE KEY"), good.replace("\n", "\n!"),
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"};
        for (String text : corrupt) {
            Files.writeString(file, text);
            CryptoException e = assertThrows(CryptoException.class, () -> Identity.load(home), text);
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        }
    }

    @Test
    void shouldNameAPublicKeyFileThatDoesNotMatch(@TempDir Path home) throws Exception {
        identity.save(home, false);
        Files.writeString(home.resolve(Identity.PUBLIC_FILE), Identity.generate().publicKeyPem());
        CryptoException e = assertThrows(CryptoException.class, () -> Identity.load(home));
        assertTrue(e.getMessage().contains(home.resolve(Identity.PUBLIC_FILE).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        Files.writeString(home.resolve(Identity.PUBLIC_FILE), "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----");
        e = assertThrows(CryptoException.class, () -> Identity.load(home));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void shouldRejectKeysThatAreNotRsaOrTooSmall() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        String ecPem = Pem.write(Pem.PUBLIC_KEY, ec.generateKeyPair().getPublic().getEncoded());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rsa.parsePublic(ecPem));
        assertTrue(e.getMessage().contains("not an RSA"), e.getMessage());
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        String smallPem = Pem.write(Pem.PUBLIC_KEY, rsa.generateKeyPair().getPublic().getEncoded());
        e = assertThrows(IllegalArgumentException.class, () -> Rsa.parsePublic(smallPem));
        assertTrue(e.getMessage().contains("1024 bits"), e.getMessage());
    }
}
