package drogulus.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import drogulus.Constants;
import drogulus.Utils;
import drogulus.Version;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemsTest {
    private static final JsonNode VECTORS = Vectors.load();
    private static final String PUBLIC_KEY = VECTORS.get("public_key").asText();
    private static final Identity TEST_KEY = Identity.fromPrivateKeyPem(Vectors.resource("test-key.pem"));
    private static final Identity OTHER = Identity.generate();

    private static Item vectorItem(JsonNode v) {
        return new Item(Utils.fromHex(v.get("key").asText()), Vectors.value(v.get("value"), false),
            Vectors.float64(v.get("timestamp")), Vectors.float64(v.get("expires")), v.get("name").asText(),
            Vectors.meta(v.get("meta")), v.get("created_with").asText(), PUBLIC_KEY,
            Utils.fromHex(v.get("sig").asText()));
    }

    private static Item withSig(Item item, byte[] sig) {
        return new Item(item.key(), item.value(), item.timestamp(), item.expires(), item.name(), item.meta(),
            item.createdWith(), item.publicKey(), sig);
    }

    @Test
    void shouldConstructKnownKeysFromThePublicKeyAndName() {
        for (JsonNode k : VECTORS.get("keys")) {
            assertEquals(k.get("key").asText(), Utils.toHex(Items.constructKey(PUBLIC_KEY, k.get("name").asText())));
        }
        assertEquals(VECTORS.get("node_id").asText(), Utils.toHex(Items.constructKey(PUBLIC_KEY, "")));
    }

    @Test
    void shouldIgnoreSurroundingWhitespaceOfThePublicKey() {
        assertArrayEquals(Items.constructKey(PUBLIC_KEY, "n"), Items.constructKey("\n  " + PUBLIC_KEY.strip(), "n"));
    }

    @Test
    void shouldWriteThePublicKeyPemExactlyAsOpensslDoes() {
        assertEquals(PUBLIC_KEY, TEST_KEY.publicKeyPem());
        assertEquals(VECTORS.get("node_id").asText(), Utils.toHex(TEST_KEY.nodeId()));
    }

    @Test
    void shouldConstructKnownHashes() {
        for (JsonNode v : VECTORS.get("items")) {
            Item item = vectorItem(v);
            byte[] hash = Items.constructHash(item.value(), item.timestamp(), item.expires(), item.name(),
                item.meta(), item.createdWith());
            assertEquals(v.get("hash").asText(), Utils.toHex(hash), v.get("label").asText());
        }
    }

    @Test
    void shouldProduceTheSameSignatureAsOpenssl() {
        // PKCS#1 v1.5 signing is deterministic, so equal bytes show openssl would verify ours.
        for (JsonNode v : VECTORS.get("items")) {
            Item item = vectorItem(v);
            byte[] sig = Items.generateSignature(item.value(), item.timestamp(), item.expires(), item.name(),
                item.meta(), item.createdWith(), TEST_KEY);
            assertEquals(v.get("sig").asText(), Utils.toHex(sig), v.get("label").asText());
        }
    }

    @Test
    void shouldValidateItemsSignedByOpenssl() {
        for (JsonNode v : VECTORS.get("items")) {
            assertEquals(0, Items.validate(vectorItem(v)), v.get("label").asText());
        }
    }

    @Test
    void shouldValidateItemsWhateverTheOrderOfTheirMeta() {
        JsonNode v = VECTORS.get("items").get(1);
        Item item = vectorItem(v);
        Map<String, String> reordered = new LinkedHashMap<>();
        item.meta().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> reordered.put(e.getKey(), e.getValue()));
        Item same = new Item(item.key(), item.value(), item.timestamp(), item.expires(), item.name(), reordered,
            item.createdWith(), item.publicKey(), item.sig());
        assertEquals(0, Items.validate(same));
    }

    @Test
    void shouldReportUnverifiableProvenanceForAnyTamperedField() {
        Item item = vectorItem(VECTORS.get("items").get(1));
        Item[] tampered = {
            new Item(item.key(), "other", item.timestamp(), item.expires(), item.name(), item.meta(),
                item.createdWith(), item.publicKey(), item.sig()),
            new Item(item.key(), item.value(), item.timestamp() + 1, item.expires(), item.name(), item.meta(),
                item.createdWith(), item.publicKey(), item.sig()),
            new Item(item.key(), item.value(), item.timestamp(), -1, item.name(), item.meta(),
                item.createdWith(), item.publicKey(), item.sig()),
            new Item(item.key(), item.value(), item.timestamp(), item.expires(), item.name() + "x", item.meta(),
                item.createdWith(), item.publicKey(), item.sig()),
            new Item(item.key(), item.value(), item.timestamp(), item.expires(), item.name(), Map.of("zeta", "last"),
                item.createdWith(), item.publicKey(), item.sig()),
            new Item(item.key(), item.value(), item.timestamp(), item.expires(), item.name(), item.meta(),
                "9.9.9", item.publicKey(), item.sig()),
            new Item(item.key(), item.value(), item.timestamp(), item.expires(), item.name(), item.meta(),
                item.createdWith(), OTHER.publicKeyPem(), item.sig()),
        };
        for (Item bad : tampered) {
            assertEquals(Constants.UNVERIFIABLE_PROVENANCE, Items.validate(bad), bad.toString());
        }
    }

    @Test
    void shouldRejectTruncatedOrPaddedSignatures() {
        Item item = vectorItem(VECTORS.get("items").get(0));
        byte[] sig = item.sig();
        byte[][] broken = {
            Arrays.copyOf(sig, sig.length - 1), Arrays.copyOfRange(sig, 1, sig.length), Arrays.copyOf(sig, 128),
            new byte[0], Arrays.copyOf(sig, sig.length + 1), flipLastBit(sig),
        };
        for (byte[] bad : broken) {
            assertEquals(Constants.UNVERIFIABLE_PROVENANCE, Items.validate(withSig(item, bad)));
        }
    }

    private static byte[] flipLastBit(byte[] sig) {
        byte[] copy = sig.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }

    @Test
    void shouldReportKeyMismatchWhenTheKeyIsNotDerivedFromPublicKeyAndName() {
        Item item = vectorItem(VECTORS.get("items").get(0));
        byte[] wrongKey = item.key();
        wrongKey[0] ^= 1;
        Item moved = new Item(wrongKey, item.value(), item.timestamp(), item.expires(), item.name(), item.meta(),
            item.createdWith(), item.publicKey(), item.sig());
        assertEquals(Constants.KEY_MISMATCH, Items.validate(moved));
        assertEquals("Key mismatch", Constants.ERRORS.get(Items.validate(moved)));
    }

    @Test
    void shouldReportUnverifiableProvenanceForMalformedPublicKeys() {
        Item item = vectorItem(VECTORS.get("items").get(0));
        String[] keys = {"", "not a key", PUBLIC_KEY.replace("PUBLIC KEY", "RSA PUBLIC KEY"),
            PUBLIC_KEY.replace("MIIBIjAN", "MIIBIjA*"), PUBLIC_KEY.substring(0, 200) + "\n-----END PUBLIC KEY-----"};
        for (String key : keys) {
            Item bad = new Item(item.key(), item.value(), item.timestamp(), item.expires(), item.name(), item.meta(),
                item.createdWith(), key, item.sig());
            assertEquals(Constants.UNVERIFIABLE_PROVENANCE, Items.validate(bad), key);
        }
    }

    @Test
    void shouldSignItemsThatValidateWithOurVersionAndKey() {
        Map<String, String> meta = Map.of("b", "2", "a", "1");
        Object value = LMap.of(Keyword.of("greeting"), "hello");
        Item item = OTHER.signItem("greeting", value, 1.7e9, -1, meta);
        assertEquals(0, Items.validate(item));
        assertEquals(Version.getVersion(), item.createdWith());
        assertArrayEquals(Items.constructKey(OTHER.publicKeyPem(), "greeting"), item.key());
        assertTrue(item.neverExpires());
        assertEquals(256, item.sig().length);
    }

    @Test
    void shouldVerifyArbitraryDataSignedByAnIdentity() {
        byte[] data = "some bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sig = OTHER.sign(data);
        assertTrue(Items.verify(data, sig, OTHER.publicKeyPem()));
        assertFalse(Items.verify(data, sig, TEST_KEY.publicKeyPem()));
        assertFalse(Items.verify("other".getBytes(java.nio.charset.StandardCharsets.UTF_8), sig,
            OTHER.publicKeyPem()));
        assertFalse(Items.verify(data, sig, "garbage"));
    }

    @Test
    void shouldCompareItemsByContent() {
        Item item = vectorItem(VECTORS.get("items").get(1));
        Item copy = vectorItem(VECTORS.get("items").get(1));
        assertEquals(item, copy);
        assertEquals(item.hashCode(), copy.hashCode());
        assertNotEquals(item, withSig(item, flipLastBit(item.sig())));
        byte[] leaked = item.key();
        leaked[0] ^= 1;
        assertEquals(item, copy);
    }
}
