package drogulus.bindings;

import drogulus.Utils;
import drogulus.crypto.Item;
import drogulus.crypto.Items;
import drogulus.dht.Contact;
import drogulus.dht.DhtException;
import drogulus.dht.LookupResult;
import drogulus.dht.NodeId;
import drogulus.logos.data.LogosError;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The network side of the dht built-ins: waits for a call on the interpreter thread (Ctrl-C cancels it, a
 * time limit ends it), turns every failure into an error that says what failed, and checks each fetched item
 * against the publisher asked for before anything of it is returned.
 */
final class DhtCalls {
    /** Nobody holds the value; the lookup asked {@code asked} peers. */
    static final class Missing extends Exception {
        private static final long serialVersionUID = 1L;
        final long asked;

        Missing(long asked) {
            super(null, null, false, false);
            this.asked = asked;
        }
    }

    private final DhtSession session;

    DhtCalls(DhtSession session) {
        this.session = session;
    }

    DhtSession session() {
        return session;
    }

    int peersKnown() {
        return session.drogulus().node().routingTable().size();
    }

    /** An error for a call made before this node knows anyone. */
    static LogosError noPeers(String fn) {
        return new LogosError(fn + ": no peers joined yet; join a network first with (dht/join \"host:port\"), "
            + "or start with --seed HOST:PORT");
    }

    /**
     * Waits for the call; its result, or an error naming {@code fn}. Not found is {@link Missing}, for the
     * caller to decide whether that is nil or an error.
     */
    <T> T await(String fn, CompletableFuture<T> call, long maxMillis) throws Missing {
        CountingTransport traffic = session.traffic();
        long asked0 = traffic == null ? 0 : traffic.asked();
        long answered0 = traffic == null ? 0 : traffic.answered();
        long start = System.nanoTime();
        boolean done;
        try {
            done = session.waiter().await(call, maxMillis, elapsed -> fn + ": " + counts(traffic, asked0, answered0)
                + " (" + seconds(elapsed) + ")");
        } catch (InterruptedException e) {
            call.cancel(true);
            throw new LogosError(fn + ": interrupted");
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        if (!done) {
            call.cancel(true);
            throw new LogosError(fn + ": timed out after " + seconds(elapsed) + " (" + counts(traffic, asked0,
                answered0) + ")");
        }
        try {
            return call.get();
        } catch (InterruptedException e) {
            throw new LogosError(fn + ": interrupted");
        } catch (CancellationException e) {
            throw new LogosError(fn + ": cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
                : e.getCause();
            if (cause instanceof DhtException.NotFound) {
                throw new Missing(traffic == null ? -1 : traffic.asked() - asked0);
            }
            if (cause instanceof DhtException.Timeout) {
                throw new LogosError(fn + ": timed out after " + seconds(elapsed) + " (" + counts(traffic, asked0,
                    answered0) + ")");
            }
            if (cause instanceof LogosError logos) {
                throw new LogosError(fn + ": " + logos.getMessage());
            }
            throw new LogosError(fn + ": " + (cause == null ? e.getMessage() : cause.getMessage()));
        }
    }

    private static String counts(CountingTransport traffic, long asked0, long answered0) {
        if (traffic == null) {
            return "waiting";
        }
        return "asked " + (traffic.asked() - asked0) + " peers, " + (traffic.answered() - answered0) + " answered";
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** "after asking N peers", or nothing when the count is not kept. */
    static String asked(Missing m) {
        return m.asked < 0 ? "" : " after asking " + m.asked + (m.asked == 1 ? " peer" : " peers");
    }

    /**
     * The item {@code name} published by {@code publisher}, checked: its key is the one asked for, its public key
     * hashes to the publisher's id and its signature covers its fields. A value that fails any check is an error
     * naming the peer that sent it.
     */
    Item fetch(String fn, Publisher publisher, String name, long maxMillis) throws Missing {
        NodeId key = NodeId.of(publisher.keyOf(name));
        LookupResult<Item> result;
        try {
            result = await(fn, session.drogulus().node().findValue(key), maxMillis);
        } catch (Missing m) {
            if (peersKnown() == 0) {
                throw noPeers(fn);
            }
            throw m;
        }
        Item item = result.value();
        String problem = problem(item, publisher, name, key);
        if (problem != null) {
            Contact source = result.source();
            throw new LogosError(fn + ": the value of '" + name + "' from " + publisher.label() + " sent by "
                + (source == null ? "this node's own store" : "peer " + source.endpoint() + " (id "
                + source.id().hex().substring(0, 12) + "...)") + " did not check out: " + problem);
        }
        return item;
    }

    /** What is wrong with an item fetched for this publisher and name, or null when nothing is. */
    static String problem(Item item, Publisher publisher, String name, NodeId key) {
        if (!Arrays.equals(item.key(), key.toBytes())) {
            return "it is stored under another key";
        }
        String id;
        try {
            id = Utils.toHex(Items.publicKeyId(item.publicKey()));
        } catch (IllegalArgumentException e) {
            return "its public key is not usable: " + e.getMessage();
        }
        if (!id.equals(publisher.id())) {
            return "its public key belongs to " + id.substring(0, 12) + "..., not to the publisher";
        }
        if (!item.name().equals(name)) {
            return "it carries the name '" + item.name() + "'";
        }
        int code = Items.validate(item);
        if (code != 0) {
            return "its signature does not verify with its public key (error " + code + ")";
        }
        return null;
    }
}
