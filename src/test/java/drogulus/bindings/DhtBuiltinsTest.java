package drogulus.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.crypto.Item;
import drogulus.dht.NodeId;
import drogulus.dht.StoredItem;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LogosError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DhtBuiltinsTest {
    @TempDir
    Path home;

    private final SimDht dht = new SimDht(12);

    private SimDht.Person alice() {
        return dht.person("alice", home.resolve("alice"), true);
    }

    private SimDht.Person bob() {
        return dht.person("bob", home.resolve("bob"), true);
    }

    private static String message(SimDht.Person p, String source) {
        return assertThrows(LogosError.class, () -> p.eval(source)).getMessage();
    }

    @Test
    void shouldReadWhatAnotherPersonSetByIdKeyAndAlias() {
        SimDht.Person alice = alice();
        SimDht.Person bob = bob();
        assertEquals(14L, alice.eval("(dht/set \"greeting\" {:text \"hello\" :n [1 2 3]})"));
        LMap expected = (LMap) alice.eval("{:text \"hello\" :n [1 2 3]}");
        assertEquals(expected, bob.eval("(dht/get \"" + alice.id() + "\" \"greeting\")"));
        bob.interp().globals().define("alice-key", alice.identity().publicKeyPem());
        assertEquals(expected, bob.eval("(dht/get alice-key \"greeting\")"));
        assertEquals(alice.id(), bob.eval("(dht/alias \"alice\" alice-key)"));
        assertEquals(expected, bob.eval("(dht/get \"alice\" \"greeting\")"));
    }

    @Test
    void shouldGiveTheWholeVerifiedItemAndWhois() {
        SimDht.Person alice = alice();
        SimDht.Person bob = bob();
        alice.eval("(dht/set \"\" \"Alice, who writes Logos\")");
        alice.eval("(dht/set \"note\" 42 {:duplicate 3 :meta {:kind \"number\"} :expires 3600})");
        bob.eval("(dht/alias \"alice\" \"" + alice.id() + "\")");
        assertEquals("Alice, who writes Logos", bob.eval("(dht/whois \"alice\")"));
        LMap item = (LMap) bob.eval("(dht/get-item \"alice\" \"note\")");
        assertEquals(42L, item.get(Keyword.of("value")));
        assertEquals("note", item.get(Keyword.of("name")));
        assertEquals(alice.identity().publicKeyPem(), item.get(Keyword.of("public_key")));
        assertEquals(LMap.of("kind", "number"), item.get(Keyword.of("meta")));
        double timestamp = (Double) item.get(Keyword.of("timestamp"));
        assertEquals(timestamp + 3600, (Double) item.get(Keyword.of("expires")));
    }

    @Test
    void shouldAnswerNilForAMissingNameAndErrWithoutPeers() {
        SimDht.Person alice = alice();
        SimDht.Person bob = bob();
        assertNull(bob.eval("(dht/get \"" + alice.id() + "\" \"nothing\")"));
        assertNull(bob.eval("(dht/get-item \"" + alice.id() + "\" \"nothing\")"));
        assertNull(bob.eval("(dht/whois \"" + alice.id() + "\")"));
        SimDht.Person loner = dht.person("bob", home.resolve("loner"), false);
        assertTrue(message(loner, "(dht/get \"" + alice.id() + "\" \"x\")").contains("no peers joined yet"));
        assertTrue(message(loner, "(dht/set \"x\" 1)").contains("no peers joined yet"));
        assertTrue(message(loner, "(dht/eval \"" + alice.id() + "\" \"x\")").contains("no peers joined yet"));
    }

    @Test
    void shouldCheckTheOptionsOfSet() {
        SimDht.Person alice = alice();
        assertEquals(3L, alice.eval("(dht/set \"few\" 1 {:duplicate 3})"));
        assertTrue(message(alice, "(dht/set \"x\" 1 {:duplicate 0})").contains(":duplicate must be from 1 to 20"));
        assertTrue(message(alice, "(dht/set \"x\" 1 {:duplicate 21})").contains("not 21"));
        assertTrue(message(alice, "(dht/set \"x\" 1 {:copies 2})").contains("unknown option :copies"));
        assertTrue(message(alice, "(dht/set \"x\" 1 {:expires -5})").contains(":expires must be a positive"));
        assertTrue(message(alice, "(dht/set \"x\" 1 {:meta {:a 1}})").contains(":meta must map strings"));
        assertTrue(message(alice, "(dht/set \"x\" (fn [] 1))").startsWith("dht/set: "));
        String tooBig = message(alice, "(dht/set \"huge\" (apply str (repeat 600000 \"x\")))");
        assertTrue(tooBig.contains("the most a node accepts is 524288"), tooBig);
    }

    @Test
    void shouldEvaluateAPublishedScriptInTheSandbox() {
        SimDht.Person alice = alice();
        SimDht.Person bob = bob();
        alice.eval("(dht/set \"motto\" \"be kind\")");
        alice.eval("(dht/set \"lib\" \"(defn square [x] (* x x)) (println \\\"loaded\\\") (square 12)\")");
        alice.eval("(dht/set \"reader\" \"(str (dht/get \\\"" + alice.id() + "\\\" \\\"motto\\\") \\\"!\\\")\")");
        bob.eval("(dht/alias \"alice\" \"" + alice.id() + "\")");
        assertEquals(144L, bob.eval("(dht/eval \"alice\" \"lib\")"));
        assertEquals("loaded\n", bob.out().toString(StandardCharsets.UTF_8));
        assertEquals("be kind!", bob.eval("(dht/eval \"alice\" \"reader\")"));
        String limited = message(bob, "(dht/eval \"alice\" \"reader\" {:lookups 0})");
        assertTrue(limited.contains("Sandbox limit exceeded: lookups (0 DHT lookups)"), limited);
        String slow = message(bob, "(dht/eval \"alice\" \"lib\" {:steps 5})");
        assertTrue(slow.contains("Sandbox limit exceeded: steps"), slow);
        assertTrue(message(bob, "(dht/eval \"alice\" \"lib\" {:bogus 1})").contains("unknown option :bogus"));
    }

    @Test
    void shouldNeverLetAPublishedScriptWriteSignOrReadFiles() {
        SimDht.Person alice = alice();
        SimDht.Person bob = bob();
        alice.eval("(dht/set \"w\" \"(dht/set \\\"x\\\" 1)\")");
        alice.eval("(dht/set \"s\" \"(crypto/sign 1)\")");
        alice.eval("(dht/set \"f\" \"(slurp \\\"/etc/passwd\\\")\")");
        alice.eval("(dht/set \"a\" \"(dht/aliases)\")");
        for (String name : new String[] {"w", "s", "f", "a"}) {
            String error = message(bob, "(dht/eval \"" + alice.id() + "\" \"" + name + "\")");
            assertTrue(error.contains("Unable to resolve symbol"), error);
        }
    }

    @Test
    void shouldSayWhyAScriptCannotBeRun() {
        SimDht.Person alice = alice();
        SimDht.Person bob = bob();
        alice.eval("(dht/set \"n\" 5)");
        String notScript = message(bob, "(dht/eval \"" + alice.id() + "\" \"n\")");
        assertTrue(notScript.contains("is not a script (a string) but"), notScript);
        String missing = message(bob, "(dht/eval \"" + alice.id() + "\" \"nope\")");
        assertTrue(missing.matches("dht/eval: no script 'nope' from [0-9a-f]{12}\\.\\.\\. was found after asking \\d+ "
            + "peers"), missing);
    }

    @Test
    void shouldRefuseAForgedValueNamingWhereItCameFrom() {
        SimDht.Person alice = alice();
        SimDht.Person bob = bob();
        Item genuine = alice.identity().signItem("motto", "be kind", 1, -1, Map.of());
        Item forged = new Item(genuine.key(), "be mean", genuine.timestamp(), genuine.expires(), genuine.name(),
            genuine.meta(), genuine.createdWith(), genuine.publicKey(), genuine.sig());
        bob.node().store().put(new StoredItem(forged, "1.2.3.4", 100, 0, Long.MAX_VALUE));
        String error = message(bob, "(dht/get \"" + alice.id() + "\" \"motto\")");
        assertTrue(error.contains("sent by this node's own store did not check out: its signature"), error);
        Item bobs = bob.identity().signItem("motto", "mine", 1, -1, Map.of());
        Item misplaced = new Item(genuine.key(), bobs.value(), bobs.timestamp(), bobs.expires(), bobs.name(),
            bobs.meta(), bobs.createdWith(), bobs.publicKey(), bobs.sig());
        bob.node().store().put(new StoredItem(misplaced, "1.2.3.4", 100, 0, Long.MAX_VALUE));
        error = message(bob, "(dht/get \"" + alice.id() + "\" \"motto\")");
        assertTrue(error.contains("its public key belongs to"), error);
        assertEquals(NodeId.of(genuine.key()), NodeId.of(misplaced.key()));
    }

    @Test
    void shouldReportATimeoutWithHowLongAndHowManyPeers() {
        SimDht.Person alice = alice();
        SimDht.Person bob = dht.person("bob", home.resolve("bob"), true);
        DhtSession quick = new DhtSession(new drogulus.dht.Drogulus(bob.identity(), bob.node()),
            new AliasBook(home), dht.waiter(), null, 1);
        DhtBuiltins.install(bob.interp(), quick, drogulus.logos.builtins.Sandbox::create);
        String error = message(bob, "(dht/get \"" + alice.id() + "\" \"x\")");
        assertTrue(error.startsWith("dht/get: timed out after "), error);
    }

    @Test
    void shouldKeepAliasesInTheHomeDirectory() throws Exception {
        SimDht.Person alice = alice();
        SimDht.Person bob = bob();
        bob.eval("(dht/alias \"alice\" \"" + alice.id().toUpperCase(java.util.Locale.ROOT) + "\")");
        assertEquals(LMap.of("alice", alice.id()), bob.eval("(dht/aliases)"));
        assertTrue(Files.readString(home.resolve("bob").resolve("aliases")).contains("alice " + alice.id()));
        assertTrue(message(bob, "(dht/alias \"9lives\" \"" + alice.id() + "\")").contains("an alias is a letter"));
        assertTrue(message(bob, "(dht/alias \"carol\" \"carol\")").contains("\"carol\" is not a publisher"));
        String unknown = message(bob, "(dht/get \"dave\" \"x\")");
        assertTrue(unknown.contains("or an alias made with (dht/alias \"dave\" id)"), unknown);
        assertTrue(message(bob, "(dht/get \"-----BEGIN PUBLIC KEY-----\nxx\n-----END PUBLIC KEY-----\" \"x\")")
            .contains("public key is not usable"));
        bob.eval("(dht/alias \"alice\" nil)");
        assertEquals(LMap.EMPTY, bob.eval("(dht/aliases)"));
    }

    @Test
    void shouldJoinAndListPeers() {
        SimDht.Person carol = dht.person("alice", home.resolve("carol"), false);
        assertEquals(0L, carol.eval("(count (dht/peers))"));
        long known = (Long) carol.eval("(dht/join \"" + dht.nodes.get(3).contact().endpoint() + "\")");
        assertTrue(known >= 10, "knows " + known);
        LList peers = (LList) carol.eval("(dht/peers)");
        LMap first = (LMap) peers.first();
        assertInstanceOf(String.class, first.get(Keyword.of("id")));
        assertEquals(9999L, first.get(Keyword.of("port")));
        assertEquals(0L, first.get(Keyword.of("failures")));
        assertTrue(((String) first.get(Keyword.of("last-seen"))).startsWith("2026-01-01T"));
        assertTrue(message(carol, "(dht/join \"nohost\")").contains("host:port"));
    }

    @Test
    void shouldGiveIdsOfKeys() {
        SimDht.Person alice = alice();
        assertEquals(alice.id(), alice.eval("(crypto/id)"));
        assertEquals(alice.id(), alice.eval("(crypto/id (whoami))"));
        assertTrue(message(alice, "(crypto/id \"hello\")").startsWith("crypto/id expects a public key"));
    }
}
