package drogulus.bindings;

import drogulus.Constants;
import drogulus.Utils;
import drogulus.crypto.Item;
import drogulus.crypto.LogosPack;
import drogulus.dht.RoutingTable;
import drogulus.logos.builtins.Sandbox;
import drogulus.logos.builtins.SandboxBuiltins;
import drogulus.logos.data.Args;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Globals;
import drogulus.logos.eval.Interp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Logos face of the DHT: join a network, list peers, publish signed values, fetch and verify what others
 * published, and run published scripts in the sandbox. A publisher is named by id, PEM public key or alias.
 * Only a full-rights interpreter gets these; a sandbox run by {@code dht/eval} gets a read-only {@code dht/get}
 * with a limited number of lookups.
 */
public final class DhtBuiltins {
    /** Lookups one {@code dht/eval} may make, unless its opts say otherwise. */
    public static final long DEFAULT_LOOKUPS = 100;

    private static final Keyword DUPLICATE = Keyword.of("duplicate");
    private static final Keyword META = Keyword.of("meta");
    private static final Keyword EXPIRES = Keyword.of("expires");
    private static final Keyword LOOKUPS = Keyword.of("lookups");

    private final Interp interp;
    private final DhtCalls calls;
    private final Function<Sandbox.Limits, Interp> sandboxes;

    private DhtBuiltins(Interp interp, DhtSession session, Function<Sandbox.Limits, Interp> sandboxes) {
        this.interp = interp;
        this.calls = new DhtCalls(session);
        this.sandboxes = sandboxes;
    }

    /** Binds the dht built-ins; {@code sandboxes} makes the sandbox each {@code dht/eval} runs in. */
    public static void install(Interp interp, DhtSession session, Function<Sandbox.Limits, Interp> sandboxes) {
        new DhtBuiltins(interp, session, sandboxes).define(interp.globals());
    }

    private void define(Globals g) {
        g.define(new Builtin("dht/join", "(dht/join \"host:port\" ...) joins the network through the peers given "
            + "and returns how many peers this node then knows.", 1, Builtin.VARIADIC, this::join));
        g.define(new Builtin("dht/peers", "(dht/peers) the peers this node knows, as maps with :id, :address, "
            + ":port, :last-seen (UTC) and :failures (unanswered requests since last heard from).", 0, 0,
            args -> peers()));
        g.define(new Builtin("dht/set", "(dht/set name value) (dht/set name value opts) signs value with your "
            + "identity and stores it under name; returns how many nodes acknowledged. opts: :duplicate (copies, "
            + "1 to " + Constants.K + ", default " + Constants.DUPLICATION_COUNT + "), :meta (a map of strings), "
            + ":expires (seconds from now; default never).", 2, 3, this::set));
        g.define(new Builtin("dht/get", "(dht/get publisher name) the value publisher stored under name, checked "
            + "against their signature; nil when nobody has it. publisher: an id, a PEM public key or an alias.",
            2, 2, args -> {
                Item item = getItem("dht/get", args[0], args[1], calls);
                return item == null ? null : item.value();
            }));
        g.define(new Builtin("dht/get-item", "(dht/get-item publisher name) the whole verified item as a map "
            + "(:value :timestamp :expires :name :meta :public_key ...), or nil when nobody has it.", 2, 2,
            args -> {
                Item item = getItem("dht/get-item", args[0], args[1], calls);
                return item == null ? null : CryptoBuiltins.toMap(item);
            }));
        g.define(new Builtin("dht/whois", "(dht/whois publisher) what the publisher says about themselves (the "
            + "value they stored under the empty name, with (dht/set \"\" ...)), or nil.", 1, 1, args -> {
                Item item = getItem("dht/whois", args[0], "", calls);
                return item == null ? null : item.value();
            }));
        g.define(new Builtin("dht/eval", "(dht/eval publisher name) (dht/eval publisher name opts) fetches the "
            + "Logos script publisher stored under name, verifies it and evaluates it in a sandbox; returns its last "
            + "value. opts as for sandbox/eval (:time-ms :steps :memory :depth :source), and :lookups, how many "
            + "dht/get calls the script may make (default " + DEFAULT_LOOKUPS + ").", 2, 3, this::eval));
        g.define(new Builtin("dht/alias", "(dht/alias name publisher) remembers name for the publisher (an id or "
            + "a PEM public key) in your address book, so (dht/get name ...) works; returns the id. (dht/alias "
            + "name nil) forgets it.", 2, 2, this::alias));
        g.define(new Builtin("dht/aliases", "(dht/aliases) your address book: a map from alias to id.", 0, 0,
            args -> {
                LMap out = LMap.EMPTY;
                for (Map.Entry<String, String> e : aliases().all().entrySet()) {
                    out = out.assoc(e.getKey(), e.getValue());
                }
                return out;
            }));
    }

    private AliasBook aliases() {
        return calls.session().aliases();
    }

    private Object join(Object[] args) {
        List<String> seeds = new ArrayList<>();
        for (Object arg : args) {
            seeds.add(Args.string("dht/join", arg));
        }
        try {
            return (long) calls.await("dht/join", calls.session().drogulus().join(seeds),
                calls.session().waitMillis());
        } catch (DhtCalls.Missing e) {
            throw new LogosError("dht/join: none of " + seeds + " answered");
        }
    }

    private Object peers() {
        List<Object> out = new ArrayList<>();
        for (RoutingTable.Peer p : calls.session().drogulus().node().routingTable().peers()) {
            out.add(LMap.of(Keyword.of("id"), p.contact().id().hex(), Keyword.of("address"), p.contact().address(),
                Keyword.of("port"), (long) p.contact().port(), Keyword.of("last-seen"),
                Instant.ofEpochMilli(p.lastSeenMillis()).toString(), Keyword.of("failures"), (long) p.failures()));
        }
        return LList.from(out);
    }

    private Object set(Object[] args) {
        String fn = "dht/set";
        String name = Args.string(fn, args[0]);
        LMap opts = args.length > 2 ? Args.map(fn, args[2]) : LMap.EMPTY;
        int duplicate = Constants.DUPLICATION_COUNT;
        Map<String, String> meta = Map.of();
        double expires = -1;
        for (Map.Entry<Object, Object> e : opts) {
            Object key = e.getKey();
            if (key == DUPLICATE) {
                long n = Args.integer(fn + " :duplicate", e.getValue());
                if (n < 1 || n > Constants.K) {
                    throw new LogosError(fn + ": :duplicate must be from 1 to " + Constants.K + ", not " + n);
                }
                duplicate = (int) n;
            } else if (key == META) {
                meta = meta(fn, e.getValue());
            } else if (key == EXPIRES) {
                if (!(e.getValue() instanceof Number n) || n.doubleValue() <= 0 || n.doubleValue() > 1e10) {
                    throw new LogosError(fn + ": :expires must be a positive number of seconds, not "
                        + Printer.describe(e.getValue()));
                }
                expires = n.doubleValue();
            } else {
                throw new LogosError(fn + ": unknown option " + Printer.print(key, true)
                    + "; expected :duplicate, :meta or :expires");
            }
        }
        try {
            LogosPack.encode(args[1], interp.budget());
        } catch (LogosError e) {
            throw new LogosError(fn + ": " + e.getMessage());
        }
        if (calls.peersKnown() == 0) {
            throw DhtCalls.noPeers(fn);
        }
        try {
            return (long) calls.await(fn, calls.session().drogulus().set(name, args[1], duplicate, meta, expires),
                calls.session().waitMillis());
        } catch (DhtCalls.Missing e) {
            throw new LogosError(fn + ": no node stored '" + name + "'");
        }
    }

    private static Map<String, String> meta(String fn, Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : Args.map(fn + " :meta", value)) {
            Object key = entry.getKey() instanceof Keyword k ? k.name() : entry.getKey();
            if (!(key instanceof String name) || !(entry.getValue() instanceof String text)) {
                throw new LogosError(fn + ": :meta must map strings to strings, got " + Printer.describe(value));
            }
            out.put(name, text);
        }
        return out;
    }

    /** The verified item, or null when nobody has it. */
    private static Item getItem(String fn, Object publisher, Object name, DhtCalls calls) {
        Publisher who = Publisher.resolve(fn, publisher, calls.session().aliases());
        try {
            return calls.fetch(fn, who, Args.string(fn, name), calls.session().waitMillis());
        } catch (DhtCalls.Missing e) {
            return null;
        }
    }

    private Object alias(Object[] args) {
        String name = Args.string("dht/alias", args[0]);
        if (args[1] == null) {
            return aliases().put(name, null);
        }
        Publisher who = Publisher.resolve("dht/alias", args[1], null);
        return aliases().put(name, who.id());
    }

    private Object eval(Object[] args) {
        String fn = "dht/eval";
        Publisher who = Publisher.resolve(fn, args[0], aliases());
        String name = Args.string(fn, args[1]);
        LMap opts = args.length > 2 ? Args.map(fn, args[2]) : LMap.EMPTY;
        long lookups = DEFAULT_LOOKUPS;
        if (opts.containsKey(LOOKUPS)) {
            lookups = Args.integer(fn + " :lookups", opts.get(LOOKUPS));
            if (lookups < 0) {
                throw new LogosError(fn + ": :lookups must not be negative, got " + lookups);
            }
            opts = opts.dissoc(LOOKUPS);
        }
        Sandbox.Limits limits;
        try {
            limits = SandboxBuiltins.limits(opts);
        } catch (LogosError e) {
            throw new LogosError(e.getMessage().replace("sandbox/eval", fn).replace("or :source", ":source or "
                + ":lookups"));
        }
        Item item;
        try {
            item = calls.fetch(fn, who, name, calls.session().waitMillis());
        } catch (DhtCalls.Missing e) {
            if (calls.peersKnown() == 0) {
                throw DhtCalls.noPeers(fn);
            }
            throw new LogosError(fn + ": no script '" + name + "' from " + who.label() + " was found"
                + DhtCalls.asked(e));
        }
        if (!(item.value() instanceof String source)) {
            throw new LogosError(fn + ": '" + name + "' from " + who.label() + " is not a script (a string) but "
                + Printer.describe(item.value()));
        }
        Interp sandbox = sandboxes.apply(limits);
        sandbox.setOutput(interp.guestOutput());
        sandbox.setGuestOutput(interp.guestOutput());
        installReadOnly(sandbox.globals(), calls, lookups, limits.timeMillis());
        return Sandbox.run(sandbox, source, "dht:" + who.label() + "/" + name, limits.maxSourceChars());
    }

    /**
     * The sandbox's dht/get: publishers by id or key only (the address book is a file), at most {@code max}
     * lookups, each waiting no longer than the sandbox's whole time limit.
     */
    private static void installReadOnly(Globals globals, DhtCalls calls, long max, long timeMillis) {
        DhtSession s = calls.session();
        DhtCalls readOnly = new DhtCalls(new DhtSession(s.drogulus(), null, s.waiter(), s.traffic(),
            Math.min(s.waitMillis(), timeMillis)));
        long[] made = {0};
        globals.define(new Builtin("dht/get", "(dht/get publisher name) the value publisher (an id or PEM public "
            + "key) stored under name, verified; nil when nobody has it. At most " + max + " per evaluation.", 2, 2,
            args -> {
                if (++made[0] > max) {
                    throw new LimitExceeded("lookups", max + " DHT lookups");
                }
                Item item = getItem("dht/get", args[0], args[1], readOnly);
                return item == null ? null : item.value();
            }));
    }

    /** The id of a publisher as dht built-ins resolve it, for the REPL and commands. */
    public static String resolveId(Object publisher, AliasBook aliases) {
        return Publisher.resolve("publisher", publisher, aliases).id();
    }

    static String hex(byte[] bytes) {
        return Utils.toHex(bytes);
    }
}
