package drogulus.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * RSA through BouncyCastle's lightweight API: 2048-bit keys, PEM in SubjectPublicKeyInfo and PKCS#8, and
 * RSASSA-PKCS1-v1_5 signatures with SHA-512 (what Java calls SHA512withRSA and openssl {@code dgst -sha512}).
 */
final class Rsa {
    static final int KEY_BITS = 2048;
    /** Keys we accept from others: big enough to mean something, small enough not to make checking costly. */
    static final int MIN_BITS = 2048;
    static final int MAX_BITS = 4096;

    private static final BigInteger PUBLIC_EXPONENT = BigInteger.valueOf(65537);
    /** Miller-Rabin certainty BouncyCastle itself uses for 2048-bit keys. */
    private static final int PRIME_CERTAINTY = 112;

    private Rsa() {
    }

    static AsymmetricCipherKeyPair generate(SecureRandom random) {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(PUBLIC_EXPONENT, random, KEY_BITS, PRIME_CERTAINTY));
        return generator.generateKeyPair();
    }

    static String publicPem(RSAKeyParameters key) {
        try {
            return Pem.write(Pem.PUBLIC_KEY, SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("Encoding an RSA public key failed", e);
        }
    }

    static String privatePem(RSAPrivateCrtKeyParameters key) {
        try {
            return Pem.write(Pem.PRIVATE_KEY, PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("Encoding an RSA private key failed", e);
        }
    }

    /** The RSA public key in PEM text; IllegalArgumentException saying what is wrong otherwise. */
    static RSAKeyParameters parsePublic(String pem) {
        byte[] der = Pem.read(Pem.PUBLIC_KEY, pem);
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("it is not a SubjectPublicKeyInfo structure", e);
        }
        if (!(key instanceof RSAKeyParameters rsa) || rsa.isPrivate()) {
            throw new IllegalArgumentException("it is not an RSA public key");
        }
        checkSize(rsa.getModulus());
        return rsa;
    }

    /** The RSA private key in PKCS#8 PEM text; IllegalArgumentException saying what is wrong otherwise. */
    static RSAPrivateCrtKeyParameters parsePrivate(String pem) {
        byte[] der = Pem.read(Pem.PRIVATE_KEY, pem);
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("it is not a PKCS#8 private key", e);
        }
        if (!(key instanceof RSAPrivateCrtKeyParameters rsa)) {
            throw new IllegalArgumentException("it is not an RSA private key");
        }
        checkSize(rsa.getModulus());
        return rsa;
    }

    private static void checkSize(BigInteger modulus) {
        int bits = modulus.bitLength();
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new IllegalArgumentException("its modulus has " + bits + " bits; RSA keys of " + MIN_BITS
                + " to " + MAX_BITS + " bits are accepted");
        }
    }

    static byte[] sign(RSAPrivateCrtKeyParameters key, SecureRandom random, byte[] data) {
        RSADigestSigner signer = new RSADigestSigner(new SHA512Digest());
        // The random blinds the private-key operation against timing attacks.
        signer.init(true, new ParametersWithRandom(key, random));
        signer.update(data, 0, data.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("RSA signing failed", e);
        }
    }

    /** PKCS#1 v1.5 requires the signature to be exactly as long as the modulus; anything else fails. */
    static boolean verify(RSAKeyParameters key, byte[] data, byte[] sig) {
        if (sig == null || sig.length != (key.getModulus().bitLength() + 7) / 8) {
            return false;
        }
        RSADigestSigner verifier = new RSADigestSigner(new SHA512Digest());
        verifier.init(false, key);
        verifier.update(data, 0, data.length);
        return verifier.verifySignature(sig);
    }
}
