package drogulus.bindings;

import drogulus.crypto.Vectors;
import drogulus.crypto.CryptoException;
import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import drogulus.Utils;
import drogulus.Version;
import drogulus.logos.data.Atom;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LFn;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Budget;
import drogulus.logos.eval.Globals;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CryptoBuiltinsTest {
    private static final JsonNode VECTORS = Vectors.load();
    private static final Identity TEST_KEY = Identity.fromPrivateKeyPem(Vectors.resource("test-key.pem"));
    private static final Identity OTHER = Identity.generate();

    private final AtomicInteger identityCalls = new AtomicInteger();
    private final Globals globals = new Globals();

    CryptoBuiltinsTest() {
        CryptoBuiltins.install(globals, () -> {
            identityCalls.incrementAndGet();
            return TEST_KEY;
        });
    }

    private Object call(String name, Object... args) {
        return ((LFn) globals.cell(Symbol.of(name)).get()).invoke(args);
    }

    @Test
    void shouldAskForTheIdentityOnceAndOnlyWhenItIsNeeded() {
        call("crypto/construct-key", "k", "n");
        assertEquals(0, identityCalls.get());
        call("whoami");
        call("crypto/sign", 1L);
        assertEquals(1, identityCalls.get());
    }

    @Test
    void shouldConstructKnownKeysAsLowercaseHex() {
        String publicKey = VECTORS.get("public_key").asText();
        for (JsonNode k : VECTORS.get("keys")) {
            assertEquals(k.get("key").asText(), call("crypto/construct-key", publicKey, k.get("name").asText()));
        }
        assertEquals(VECTORS.get("node_id").asText(), call("crypto/construct-key", publicKey, null));
    }

    @Test
    void shouldConstructKnownHashesTakingIntegerTimesAsFloats() {
        for (JsonNode v : VECTORS.get("items")) {
            LMap meta = LMap.EMPTY;
            for (Map.Entry<String, String> e : Vectors.meta(v.get("meta")).entrySet()) {
                meta = meta.assoc(e.getKey(), e.getValue());
            }
            Object hash = call("crypto/construct-hash", Vectors.value(v.get("value"), false),
                Vectors.float64(v.get("timestamp")), Vectors.float64(v.get("expires")), v.get("name").asText(),
                meta, v.get("created_with").asText());
            assertEquals(v.get("hash").asText(), hash, v.get("label").asText());
        }
        assertEquals(call("crypto/construct-hash", "v", 1.0, -1.0, "n", null, "x"),
            call("crypto/construct-hash", "v", 1L, -1L, "n", LMap.EMPTY, "x"));
    }

    @Test
    void shouldSignItemsThatValidate() {
        Object item = call("crypto/sign-item", "greeting", LList.of(Symbol.of("println"), "hi"),
            LMap.of(Keyword.of("timestamp"), 1700000000L, Keyword.of("meta"), LMap.of(Keyword.of("lang"), "logos")));
        LMap map = (LMap) item;
        assertEquals(TEST_KEY.publicKeyPem(), map.get(Keyword.of("public_key")));
        assertEquals(Version.getVersion(), map.get(Keyword.of("created_with")));
        assertEquals(1.7e9, map.get(Keyword.of("timestamp")));
        assertEquals(-1.0, map.get(Keyword.of("expires")));
        assertEquals(LMap.of("lang", "logos"), map.get(Keyword.of("meta")));
        assertEquals(call("crypto/construct-key", TEST_KEY.publicKeyPem(), "greeting"), map.get(Keyword.of("key")));
        assertEquals(LVector.of(true, null), call("crypto/validate", item));
    }

    @Test
    void shouldValidateItemsWithStringKeysAndReportEachErrorCode() {
        LMap item = (LMap) call("crypto/sign-item", "n", 42L);
        LMap withStrings = LMap.EMPTY;
        for (Map.Entry<Object, Object> e : item) {
            withStrings = withStrings.assoc(((Keyword) e.getKey()).name(), e.getValue());
        }
        assertEquals(LVector.of(true, null), call("crypto/validate", withStrings));
        assertEquals(LVector.of(false, 6L), call("crypto/validate", item.assoc(Keyword.of("value"), 43L)));
        assertEquals(LVector.of(false, 6L),
            call("crypto/validate", item.assoc(Keyword.of("public_key"), OTHER.publicKeyPem())));
        String sig = (String) item.get(Keyword.of("sig"));
        assertEquals(LVector.of(false, 6L),
            call("crypto/validate", item.assoc(Keyword.of("sig"), sig.substring(0, sig.length() - 2))));
        assertEquals(LVector.of(false, 7L),
            call("crypto/validate", item.assoc(Keyword.of("key"), "00".repeat(64))));
    }

    @Test
    void shouldNameTheMissingOrMalformedFieldOfAnItem() {
        LMap item = (LMap) call("crypto/sign-item", "n", 42L);
        LogosError missing = assertThrows(LogosError.class,
            () -> call("crypto/validate", item.dissoc(Keyword.of("sig"))));
        assertTrue(missing.getMessage().contains("sig"), missing.getMessage());
        LogosError notHex = assertThrows(LogosError.class,
            () -> call("crypto/validate", item.assoc(Keyword.of("key"), "xyz")));
        assertTrue(notHex.getMessage().contains("hex"), notHex.getMessage());
        assertThrows(LogosError.class, () -> call("crypto/validate", "not an item"));
    }

    @Test
    void shouldSignAndVerifyValuesOfEveryType() {
        Object[] values = {null, true, 7L, new BigInteger("99999999999999999999999"), 2.5, "s", Keyword.of("k"),
            Symbol.of("s"), LList.of(1L), LVector.of(1L), LMap.of("a", LVector.EMPTY)};
        for (Object value : values) {
            String sig = (String) call("crypto/sign", value);
            assertEquals(512, sig.length());
            assertEquals(true, call("crypto/verify", value, sig, TEST_KEY.publicKeyPem()));
            assertEquals(false, call("crypto/verify", LVector.of(value), sig, TEST_KEY.publicKeyPem()));
            assertEquals(false, call("crypto/verify", value, sig, OTHER.publicKeyPem()));
            assertEquals(false, call("crypto/verify", value, sig.substring(2), TEST_KEY.publicKeyPem()));
            assertEquals(false, call("crypto/verify", value, "zz", TEST_KEY.publicKeyPem()));
        }
        assertEquals(false, call("crypto/verify", LList.of(1L), call("crypto/sign", LVector.of(1L)),
            TEST_KEY.publicKeyPem()));
    }

    @Test
    void shouldRefuseToSignValuesThatCannotTravel() {
        assertThrows(LogosError.class, () -> call("crypto/sign", new Atom(1L)));
    }

    @Test
    void shouldReturnThePublicKeyFromWhoami() {
        assertEquals(TEST_KEY.publicKeyPem(), call("whoami"));
    }

    @Test
    void shouldTurnAMissingIdentityIntoALogosError() {
        Globals other = new Globals();
        CryptoBuiltins.install(other, () -> {
            throw new CryptoException("No key file /nowhere/private.pem");
        });
        LogosError e = assertThrows(LogosError.class,
            () -> ((LFn) other.cell(Symbol.of("whoami")).get()).invoke());
        assertTrue(e.getMessage().contains("/nowhere/private.pem"));
    }

    @Test
    void shouldRoundTripItemsThroughMaps() {
        Item item = OTHER.signItem("n", LVector.of(1L), 3.0, 4.0, Map.of("a", "b"));
        assertEquals(item, CryptoBuiltins.fromMap(CryptoBuiltins.toMap(item)));
        assertEquals(Utils.toHex(item.sig()), CryptoBuiltins.toMap(item).get(Keyword.of("sig")));
        assertFalse(CryptoBuiltins.toMap(item).containsKey("sig"));
    }

    private static Object sharedBlowUp() {
        Object value = LVector.of(1L, 2L);
        for (int i = 0; i < 40; i++) {
            value = LVector.of(value, value);
        }
        return value;
    }

    @Test
    @Timeout(30)
    void shouldStopAtTheBudgetWhenSharedStructureWouldEncodeHuge() {
        Globals sandbox = new Globals();
        CryptoBuiltins.installSafe(sandbox, Budget.limited(1_000_000, 10_000, 1024 * 1024, 100));
        LFn verify = (LFn) sandbox.cell(Symbol.of("crypto/verify")).get();
        LogosError e = assertThrows(LogosError.class,
            () -> verify.invoke(sharedBlowUp(), "00", TEST_KEY.publicKeyPem()));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void shouldGiveSandboxesNothingThatUsesThePrivateKey() {
        Globals sandbox = new Globals();
        CryptoBuiltins.installSafe(sandbox, Budget.limited(1_000_000, 10_000, 1024 * 1024, 100));
        for (String name : new String[] {"crypto/sign", "crypto/sign-item", "whoami"}) {
            assertFalse(sandbox.cell(Symbol.of(name)).isBound(), name);
        }
        LFn validate = (LFn) sandbox.cell(Symbol.of("crypto/validate")).get();
        assertEquals(LVector.of(true, null), validate.invoke(call("crypto/sign-item", "n", 1L)));
    }
}
