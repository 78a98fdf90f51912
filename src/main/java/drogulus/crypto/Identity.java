package drogulus.crypto;

import drogulus.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;

/**
 * A user's or node's RSA key pair. On disk it is two PEM files in the drogulus home: {@value #PUBLIC_FILE}
 * (SubjectPublicKeyInfo) and {@value #PRIVATE_FILE} (PKCS#8, readable by its owner only).
 */
public final class Identity {
    public static final String PUBLIC_FILE = "public.pem";
    public static final String PRIVATE_FILE = "private.pem";

    private final RSAPrivateCrtKeyParameters privateKey;
    private final String publicKeyPem;
    private final byte[] nodeId;
    private final SecureRandom random = new SecureRandom();

    private Identity(RSAPrivateCrtKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKeyPem = Rsa.publicPem(publicPart(privateKey));
        this.nodeId = Items.constructKey(publicKeyPem, "");
    }

    /** A fresh 2048-bit key pair. */
    public static Identity generate() {
        AsymmetricCipherKeyPair pair = Rsa.generate(new SecureRandom());
        return new Identity((RSAPrivateCrtKeyParameters) pair.getPrivate());
    }

    /** The identity whose private key is this PKCS#8 PEM text. */
    public static Identity fromPrivateKeyPem(String pem) {
        try {
            return new Identity(Rsa.parsePrivate(pem));
        } catch (IllegalArgumentException e) {
            throw new CryptoException("Not a usable private key: " + e.getMessage(), e);
        }
    }

    /** The key pair saved in {@code home}; a missing, corrupt or mismatched file is an error naming it. */
    public static Identity load(Path home) {
        Path privateFile = home.resolve(PRIVATE_FILE);
        Path publicFile = home.resolve(PUBLIC_FILE);
        Identity identity;
        try {
            refuseOpenPrivateKey(privateFile);
            identity = new Identity(Rsa.parsePrivate(readKeyFile(privateFile)));
        } catch (IllegalArgumentException e) {
            throw new CryptoException("The private key file " + privateFile + " is corrupt: " + e.getMessage(), e);
        }
        String savedPublic = readKeyFile(publicFile);
        RSAKeyParameters savedKey;
        try {
            savedKey = Rsa.parsePublic(savedPublic);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("The public key file " + publicFile + " is corrupt: " + e.getMessage(), e);
        }
        if (!savedKey.getModulus().equals(identity.privateKey.getModulus())
            || !savedKey.getExponent().equals(identity.privateKey.getPublicExponent())) {
            throw new CryptoException("The public key file " + publicFile + " does not match the private key in "
                + privateFile);
        }
        return identity;
    }

    /**
     * The key pair in {@code home}, made and saved there first if there is none yet, as on a first run. A pair
     * that exists but cannot be read is an error, never silently replaced.
     */
    public static Identity loadOrCreate(Path home) {
        if (!Files.exists(home.resolve(PRIVATE_FILE)) && !Files.exists(home.resolve(PUBLIC_FILE))) {
            Identity fresh = generate();
            fresh.save(home, false);
            return fresh;
        }
        return load(home);
    }

    /** Key files are a few kilobytes; anything larger (a link to a device, say) is not one. */
    static final int MAX_KEY_FILE_BYTES = 64 * 1024;

    /**
     * Refuses a private key that others may read or write, as ssh does: a key others could have copied is no
     * longer its owner's alone, so using it silently would hide that.
     */
    private static void refuseOpenPrivateKey(Path file) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        } catch (NoSuchFileException e) {
            throw new CryptoException("No key file " + file + ": run `drogulus keygen` to make a key pair", e);
        } catch (IOException e) {
            throw new CryptoException("Can't read the key file " + file + ": " + e.getMessage(), e);
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> others = java.util.EnumSet.copyOf(mode);
        others.retainAll(java.util.EnumSet.complementOf(java.util.EnumSet.of(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
            java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE)));
        if (!others.isEmpty()) {
            throw new CryptoException("The private key file " + file + " is accessible by others ("
                + PosixFilePermissions.toString(mode) + "), so it was not used: run `chmod 600 " + file + "`");
        }
    }

    /** A key file's text: read with a size bound, and only if every byte is ASCII. */
    private static String readKeyFile(Path file) {
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new CryptoException("No key file " + file + ": run `drogulus keygen` to make a key pair", e);
        } catch (AccessDeniedException e) {
            throw new CryptoException("Can't read the key file " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new CryptoException("Can't read the key file " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_KEY_FILE_BYTES) {
            throw new CryptoException("The key file " + file + " is not a key: it is larger than "
                + MAX_KEY_FILE_BYTES + " bytes");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                throw new CryptoException("The key file " + file + " is not a key: byte " + i + " (0x"
                    + Integer.toHexString(bytes[i] & 0xff) + ") is not ASCII");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /**
     * Writes the pair into {@code home}, creating it if need be. An existing pair is kept unless
     * {@code overwrite}. The private key is never readable by others, not even for a moment: each file is
     * written beside its destination, owner-only, then moved into place.
     */
    public void save(Path home, boolean overwrite) {
        Path privateFile = home.resolve(PRIVATE_FILE);
        Path publicFile = home.resolve(PUBLIC_FILE);
        if (!overwrite && (Files.exists(privateFile) || Files.exists(publicFile))) {
            throw new CryptoException("A key pair already exists in " + home + ", so it was left as it is");
        }
        try {
            Files.createDirectories(home);
            writeOwnerOnly(privateFile, Rsa.privatePem(privateKey));
            writeOwnerOnly(publicFile, publicKeyPem);
            if (isPosix()) {
                Files.setPosixFilePermissions(publicFile, PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (IOException e) {
            throw new CryptoException("Can't write the key pair to " + home + ": " + e.getMessage(), e);
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (isPosix()) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
            java.io.File asFile = temp.toFile();
            boolean restricted = asFile.setReadable(false, false) && asFile.setReadable(true, true);
            if (!restricted) {
                throw new IOException("can't make " + temp + " readable by its owner only");
            }
        }
        Files.writeString(temp, text, StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static RSAKeyParameters publicPart(RSAPrivateCrtKeyParameters key) {
        return new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent());
    }

    /** The public key as PEM text ending in a newline; it is hashed stripped. */
    public String publicKeyPem() {
        return publicKeyPem;
    }

    /** The node id: SHA-512 of the public key PEM, stripped (64 bytes). */
    public byte[] nodeId() {
        return nodeId.clone();
    }

    /** An item for {@code name} holding {@code value}, signed with this identity and our version string. */
    public Item signItem(String name, Object value, double timestamp, double expires, Map<String, String> meta) {
        String createdWith = Version.getVersion();
        byte[] sig = sign(Items.signedBytes(value, timestamp, expires, name, meta, createdWith));
        return new Item(Items.constructKey(publicKeyPem, name), value, timestamp, expires, name, meta, createdWith,
            publicKeyPem, sig);
    }

    /** The RSASSA-PKCS1-v1_5 SHA-512 signature of data (256 bytes). */
    public byte[] sign(byte[] data) {
        return Rsa.sign(privateKey, random, data);
    }

    @Override
    public String toString() {
        return "Identity[" + drogulus.Utils.toHex(nodeId).substring(0, 16) + "...]";
    }
}
