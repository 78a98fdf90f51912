package drogulus.dht;

/**
 * A node's measure of how long its peers take to answer, the way TCP estimates its retransmission timeout
 * (RFC 6298): a smoothed round-trip time and its variation. A lookup stops waiting for a request after
 * {@link #stallMillis()} and asks the next contact, without giving up on the slow one.
 */
public final class Rtt {
    /** Before any answer: one second, RFC 6298's initial timeout. */
    private static final long INITIAL_MILLIS = 1_000;
    private static final long MIN_MILLIS = 100;

    private final long maxMillis;
    private double smoothed = -1;
    private double variation;

    /** @param maxMillis the stall timeout never exceeds this, the request timeout */
    public Rtt(long maxMillis) {
        this.maxMillis = maxMillis;
    }

    /** Counts one answer that took {@code millis}. */
    public synchronized void sample(long millis) {
        if (smoothed < 0) {
            smoothed = millis;
            variation = millis / 2.0;
        } else {
            variation = 0.75 * variation + 0.25 * Math.abs(smoothed - millis);
            smoothed = 0.875 * smoothed + 0.125 * millis;
        }
    }

    /** How long to wait for an answer before asking someone else too. */
    public synchronized long stallMillis() {
        long t = smoothed < 0 ? INITIAL_MILLIS : (long) Math.ceil(smoothed + 4 * variation);
        return Math.max(MIN_MILLIS, Math.min(maxMillis, t));
    }
}
