package drogulus.bindings;

import drogulus.dht.Drogulus;

/**
 * What the dht built-ins work with: the person's view of the DHT, their address book, how the interpreter
 * thread waits for the network, the counter of requests behind progress reports (null when none is kept), and
 * how long one call may wait before it is reported as timed out.
 */
public record DhtSession(Drogulus drogulus, AliasBook aliases, NetworkWait waiter, CountingTransport traffic,
                         long waitMillis) {
    /** The longest a call from the REPL waits by default: far less than a lookup's own limit of ten minutes. */
    public static final long DEFAULT_WAIT_MILLIS = 30_000;
}
