package drogulus.cli;

import drogulus.bindings.AliasBook;
import drogulus.bindings.DhtBuiltins;
import drogulus.bindings.DhtSession;
import drogulus.bindings.EmbeddedNode;
import drogulus.bindings.NetworkWait;
import drogulus.crypto.Identity;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Interp;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Gives an interpreter a node of its own on TCP and the dht built-ins, as the REPL and {@code run} use them. */
final class Networked {
    /** A network call shows progress once it has taken this long. */
    static final long QUIET_MILLIS = 500;
    /** Held so the level set on it stays set: the log manager keeps loggers only weakly. */
    private static final Logger DROGULUS_LOG = Logger.getLogger("drogulus");

    private Networked() {
    }

    /**
     * Starts a node for the identity on 127.0.0.1 and binds the dht built-ins to it; the node's own routine
     * messages stay out of the person's way (warnings still show).
     */
    static EmbeddedNode attach(Interp interp, Path home, Identity identity, int port, NetworkWait.StatusLine status) {
        DROGULUS_LOG.setLevel(Level.WARNING);
        EmbeddedNode node = EmbeddedNode.start(identity, "127.0.0.1", port);
        DhtSession session = new DhtSession(node.drogulus(), new AliasBook(home),
            NetworkWait.blocking(status, QUIET_MILLIS), node.traffic(), DhtSession.DEFAULT_WAIT_MILLIS);
        DhtBuiltins.install(interp, session, Environments::sandbox);
        return node;
    }

    /** Joins through the seeds as {@code (dht/join ...)} does; returns the peers known. */
    static long join(Interp interp, List<String> seeds) {
        Object joinFn = interp.globals().find(Symbol.of("dht/join")).get();
        Object known = interp.apply(joinFn, seeds.toArray());
        if (!(known instanceof Long n)) {
            throw new LogosError("dht/join returned " + known);
        }
        return n;
    }

    /** Fetches and runs a published script in the sandbox as {@code (dht/eval publisher name)} does. */
    static Object evalPublished(Interp interp, String publisher, String name) {
        Object evalFn = interp.globals().find(Symbol.of("dht/eval")).get();
        return interp.apply(evalFn, publisher, name);
    }
}
