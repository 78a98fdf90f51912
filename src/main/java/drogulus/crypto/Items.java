package drogulus.crypto;

import drogulus.Constants;
import drogulus.logos.data.Cost;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * The seed's item functions (construct_key, construct_hash, validate_signature, validate_message), following
 * DESIGN.md "Identity and items" byte for byte so that any implementation of it agrees with us.
 */
public final class Items {
    private Items() {
    }

    /**
     * The DHT key of a name published under a public key: SHA-512(SHA-512(key.strip()) || SHA-512(name)), or
     * SHA-512(key.strip()) for an empty name. Strings are hashed as UTF-8.
     */
    public static byte[] constructKey(String publicKeyPem, String name) {
        byte[] keyHash = sha512(publicKeyPem.strip().getBytes(StandardCharsets.UTF_8));
        if (name == null || name.isEmpty()) {
            return keyHash;
        }
        byte[] nameHash = sha512(name.getBytes(StandardCharsets.UTF_8));
        byte[] both = Arrays.copyOf(keyHash, keyHash.length + nameHash.length);
        System.arraycopy(nameHash, 0, both, keyHash.length, nameHash.length);
        return sha512(both);
    }

    /**
     * The id of the holder of a public key, as node ids and publishers are named: SHA-512 of the PEM text,
     * stripped. Throws IllegalArgumentException saying why when the text is not a usable RSA public key.
     */
    public static byte[] publicKeyId(String publicKeyPem) {
        Rsa.parsePublic(publicKeyPem);
        return constructKey(publicKeyPem, "");
    }

    /** SHA-512 of {@link #signedBytes}: the hash that proves the six fields intact. */
    public static byte[] constructHash(Object value, double timestamp, double expires, String name,
                                       Map<String, String> meta, String createdWith) {
        return sha512(signedBytes(value, timestamp, expires, name, meta, createdWith));
    }

    /**
     * The bytes an item's signature covers: SHA-512 of the canonical msgpack of value, timestamp, expires,
     * name, meta and created_with, concatenated in that order (384 bytes). A null meta counts as the empty map.
     */
    public static byte[] signedBytes(Object value, double timestamp, double expires, String name,
                                     Map<String, String> meta, String createdWith) {
        return signedBytes(value, timestamp, expires, name, meta, createdWith, null);
    }

    public static byte[] signedBytes(Object value, double timestamp, double expires, String name,
                              Map<String, String> meta, String createdWith, Cost budget) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(6 * 64);
        Object[] fields = {value, timestamp, expires, name, meta == null ? Map.of() : meta, createdWith};
        for (Object field : fields) {
            out.writeBytes(sha512(LogosPack.encode(field, budget)));
        }
        return out.toByteArray();
    }

    /** The seed's generate_signature: signs the six fields with the identity's private key. */
    public static byte[] generateSignature(Object value, double timestamp, double expires, String name,
                                           Map<String, String> meta, String createdWith, Identity identity) {
        return identity.sign(signedBytes(value, timestamp, expires, name, meta, createdWith));
    }

    /** True when {@code signature} is the signature of the six fields by the holder of the public key. */
    public static boolean validateSignature(Object value, double timestamp, double expires, String name,
                                            Map<String, String> meta, String createdWith, byte[] signature,
                                            String publicKeyPem) {
        return validateSignature(value, timestamp, expires, name, meta, createdWith, signature, publicKeyPem, null);
    }

    private static boolean validateSignature(Object value, double timestamp, double expires, String name,
                                             Map<String, String> meta, String createdWith, byte[] signature,
                                             String publicKeyPem, Cost budget) {
        byte[] data;
        try {
            data = signedBytes(value, timestamp, expires, name, meta, createdWith, budget);
        } catch (LogosPackException e) {
            return false;
        }
        return verify(data, signature, publicKeyPem);
    }

    /**
     * The seed's validate_message: 0 when the item is valid, {@link Constants#UNVERIFIABLE_PROVENANCE} (6)
     * when the signature does not prove the fields came from the public key's holder, and then
     * {@link Constants#KEY_MISMATCH} (7) when the key is not the one the public key and name give.
     */
    public static int validate(Item item) {
        return validate(item, null);
    }

    /** {@link #validate(Item)}, charging the work of encoding the value to {@code budget} if not null. */
    public static int validate(Item item, Cost budget) {
        if (!validateSignature(item.value(), item.timestamp(), item.expires(), item.name(), item.meta(),
            item.createdWith(), item.sig(), item.publicKey(), budget)) {
            return Constants.UNVERIFIABLE_PROVENANCE;
        }
        if (!Arrays.equals(constructKey(item.publicKey(), item.name()), item.key())) {
            return Constants.KEY_MISMATCH;
        }
        return 0;
    }

    /** True when {@code sig} is an RSASSA-PKCS1-v1_5 SHA-512 signature of data by the key; false for any
     * malformed key or signature. */
    public static boolean verify(byte[] data, byte[] sig, String publicKeyPem) {
        RSAKeyParameters key;
        try {
            key = Rsa.parsePublic(publicKeyPem);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Rsa.verify(key, data, sig);
    }

    public static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-512", e);
        }
    }
}
