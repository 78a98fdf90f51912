package drogulus.bindings;

import drogulus.crypto.CryptoException;
import drogulus.crypto.Identity;
import drogulus.crypto.Item;
import drogulus.crypto.Items;
import drogulus.crypto.LogosPack;
import drogulus.Utils;
import drogulus.logos.data.Args;
import drogulus.logos.data.Cost;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.eval.Budget;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Globals;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Logos face of the crypto layer: {@code crypto/construct-key}, {@code crypto/construct-hash},
 * {@code crypto/sign-item}, {@code crypto/validate}, {@code crypto/sign}, {@code crypto/verify} and
 * {@code whoami}. Hashes, keys and signatures are lowercase hex strings. An item is a map with the seed's
 * field names (keywords when we make one; string or keyword keys are accepted).
 *
 * <p>Signing uses the local private key, a privilege: a sandbox gets only {@link #installSafe}, the
 * built-ins that check and hash.
 */
public final class CryptoBuiltins {
    private final Supplier<Identity> identity;
    /** Charged for encoding values, or null for none. */
    private final Budget budget;
    private Identity loaded;

    private CryptoBuiltins(Supplier<Identity> identity, Budget budget) {
        this.identity = identity;
        this.budget = budget;
    }

    /** Binds the built-ins; {@code identity} is asked for the local key pair only when one needs it. */
    public static void install(Globals globals, Supplier<Identity> identity) {
        install(globals, identity, null);
    }

    /** {@link #install(Globals, Supplier)}, charging the work of encoding values to {@code budget}. */
    public static void install(Globals globals, Supplier<Identity> identity, Budget budget) {
        CryptoBuiltins b = new CryptoBuiltins(identity, budget);
        b.installChecks(globals);
        globals.define(new Builtin("crypto/sign-item",
            "(crypto/sign-item name value opts) an item signed with the local identity. opts may give "
                + ":timestamp (seconds since the epoch, default now), :expires (when it expires, default -1 "
                + "for never) and :meta (a map of strings).",
            2, 3, b::signItem));
        globals.define(new Builtin("crypto/sign",
            "(crypto/sign v) the local identity's signature, in hex, of any value that can travel.",
            1, 1, args -> Utils.toHex(b.identity().sign(LogosPack.encode(args[0], b.budget)))));
        globals.define(new Builtin("whoami", "(whoami) the local identity's public key, as PEM text.",
            0, 0, args -> b.identity().publicKeyPem()));
        globals.define(new Builtin("crypto/id",
            "(crypto/id) (crypto/id public-key) the id of the local identity, or of the holder of public-key (PEM "
                + "text): the SHA-512 of the key, 128 hex digits. It names a publisher: (dht/get id name).",
            0, 1, args -> args.length == 0 ? Utils.toHex(b.identity().nodeId()) : idOf(args[0])));
    }

    /**
     * Binds only what needs no private key (construct-key, construct-hash, validate, verify), for sandboxes;
     * {@code budget} is the sandbox's, charged for encoding values.
     */
    public static void installSafe(Globals globals, Budget budget) {
        new CryptoBuiltins(null, budget).installChecks(globals);
    }

    private void installChecks(Globals globals) {
        globals.define(new Builtin("crypto/construct-key",
            "(crypto/construct-key public-key name) the DHT key, in hex, of name published under public-key.",
            2, 2, this::constructKey));
        globals.define(new Builtin("crypto/construct-hash",
            "(crypto/construct-hash value timestamp expires name meta created-with) the SHA-512 hash, in hex, "
                + "that an item's signature covers.",
            6, 6, this::constructHash));
        globals.define(new Builtin("crypto/validate",
            "(crypto/validate item) [true nil] when the item's signature and key check out, otherwise "
                + "[false code]: 6 unverifiable provenance, 7 key mismatch.",
            1, 1, args -> validate(args[0])));
        globals.define(new Builtin("crypto/verify",
            "(crypto/verify v sig public-key) true when sig (hex) is public-key's signature of v.",
            3, 3, this::verify));
    }

    /** The budget charged, or when none was given, the evaluation's running on this thread. */
    private Cost cost() {
        return budget != null ? budget : Cost.current();
    }

    /** The id of the public key a Logos value holds; anything that is not a PEM public key is an error. */
    static String idOf(Object publicKey) {
        String pem = Args.string("crypto/id", publicKey);
        try {
            return Utils.toHex(Items.publicKeyId(pem));
        } catch (IllegalArgumentException e) {
            throw new LogosError("crypto/id expects a public key as PEM text, but " + e.getMessage());
        }
    }

    /** Asks the supplier once, on first use, and keeps what it gave; a failure is asked again next time. */
    private synchronized Identity identity() {
        if (loaded == null) {
            try {
                loaded = identity.get();
            } catch (CryptoException e) {
                throw new LogosError(e.getMessage());
            }
        }
        return loaded;
    }

    /**
     * Parsing a key and hashing take time in proportion to the input, and a loop may repeat them: charge the
     * input and read the clock after each call rather than waiting for the next periodic check.
     */
    private Object constructKey(Object[] args) {
        String fn = "crypto/construct-key";
        String publicKey = Args.string(fn, args[0]);
        String name = optionalString(fn, args[1]);
        cost().steps((publicKey.length() + (long) name.length()) / 16 + 1);
        String key = Utils.toHex(Items.constructKey(publicKey, name));
        cost().checkTime();
        return key;
    }

    private Object constructHash(Object[] args) {
        String fn = "crypto/construct-hash";
        byte[] data = Items.signedBytes(args[0], float64(fn, args[1]), float64(fn, args[2]),
            optionalString(fn, args[3]), meta(fn, args[4]), Args.string(fn, args[5]), budget);
        return Utils.toHex(Items.sha512(data));
    }

    private Object signItem(Object[] args) {
        String fn = "crypto/sign-item";
        String name = Args.string(fn, args[0]);
        LogosPack.encode(args[1], budget);
        LMap opts = args.length > 2 ? Args.map(fn, args[2]) : LMap.EMPTY;
        Object timestamp = opts.get(Keyword.of("timestamp"));
        Object expires = opts.get(Keyword.of("expires"));
        Item item = identity().signItem(name, args[1],
            timestamp == null ? System.currentTimeMillis() / 1000.0 : float64(fn, timestamp),
            expires == null ? -1.0 : float64(fn, expires), meta(fn, opts.get(Keyword.of("meta"))));
        return toMap(item);
    }

    /** An item as the Logos map {@code crypto/sign-item} returns and {@code crypto/validate} takes. */
    public static LMap toMap(Item item) {
        LMap meta = LMap.EMPTY;
        for (Map.Entry<String, String> entry : new java.util.TreeMap<>(item.meta()).entrySet()) {
            meta = meta.assoc(entry.getKey(), entry.getValue());
        }
        return LMap.of(Keyword.of("key"), Utils.toHex(item.key()), Keyword.of("value"), item.value(),
            Keyword.of("timestamp"), item.timestamp(), Keyword.of("expires"), item.expires(),
            Keyword.of("name"), item.name(), Keyword.of("meta"), meta,
            Keyword.of("created_with"), item.createdWith(), Keyword.of("public_key"), item.publicKey(),
            Keyword.of("sig"), Utils.toHex(item.sig()));
    }

    /** The item a Logos map describes; a missing or ill-typed field is an error naming it. */
    public static Item fromMap(Object value) {
        String fn = "crypto/validate";
        LMap map = Args.map(fn, value);
        return new Item(hex(fn, field(map, "key")), field(map, "value"), float64(fn, field(map, "timestamp")),
            float64(fn, field(map, "expires")), optionalString(fn, field(map, "name")), meta(fn, field(map, "meta")),
            Args.string(fn, field(map, "created_with")), Args.string(fn, field(map, "public_key")),
            hex(fn, field(map, "sig")));
    }

    private Object validate(Object item) {
        int code = Items.validate(fromMap(item), budget);
        cost().checkTime();
        return code == 0 ? LVector.of(true, null) : LVector.of(false, (long) code);
    }

    private Object verify(Object[] args) {
        String fn = "crypto/verify";
        String sig = Args.string(fn, args[1]);
        String publicKey = Args.string(fn, args[2]);
        byte[] sigBytes;
        try {
            sigBytes = Utils.fromHex(sig);
        } catch (IllegalArgumentException e) {
            return false;
        }
        cost().steps(publicKey.length() / 16 + 1);
        boolean valid = Items.verify(LogosPack.encode(args[0], budget), sigBytes, publicKey);
        // A hand-made key can make one check slow (a huge public exponent): look at the clock after each.
        cost().checkTime();
        return valid;
    }

    private static Object field(LMap map, String name) {
        Keyword keyword = Keyword.of(name);
        if (map.containsKey(keyword)) {
            return map.get(keyword);
        }
        if (map.containsKey(name)) {
            return map.get(name);
        }
        throw new LogosError("crypto/validate expects an item with a " + name + " field, got "
            + Printer.describe(map));
    }

    private static byte[] hex(String fn, Object value) {
        try {
            return Utils.fromHex(Args.string(fn, value));
        } catch (IllegalArgumentException e) {
            throw new LogosError(fn + " expects a hex string, got " + Printer.describe(value));
        }
    }

    /** Timestamps and expiry times are always float64, whether given as integers or floats. */
    private static double float64(String fn, Object value) {
        if (value instanceof Number n && !(value instanceof java.math.BigInteger)) {
            return n.doubleValue();
        }
        throw Args.typeError(fn, "a number of seconds", value);
    }

    private static String optionalString(String fn, Object value) {
        return value == null ? "" : Args.string(fn, value);
    }

    private static Map<String, String> meta(String fn, Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : Args.map(fn, value)) {
            Object key = entry.getKey() instanceof Keyword k ? k.name() : entry.getKey();
            if (!(key instanceof String name) || !(entry.getValue() instanceof String text)) {
                throw new LogosError(fn + " expects meta to map strings to strings, got "
                    + Printer.describe(value));
            }
            out.put(name, text);
        }
        return out;
    }
}
