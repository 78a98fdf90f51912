package drogulus.logos.data;

/**
 * Counts the items one walk over values visits (hashing, equality, comparison, printing) and charges them to
 * the current {@link Cost} in chunks, so that a walk is interrupted as it goes and a small walk costs no more
 * than a counter. Pass one meter down a whole walk: a new meter per nested value would never fill a chunk.
 * Collection types added later charge their walks the same way: {@code meter.step()} per item visited.
 */
public final class Meter {
    private static final int CHUNK = 1024;
    private Cost cost;
    private int pending;

    /** Charges one item. */
    public void step() {
        if (++pending >= CHUNK) {
            flush();
        }
    }

    /** Charges count items. */
    public void steps(long count) {
        if (count >= CHUNK - pending) {
            costNow().steps(pending + count);
            pending = 0;
        } else {
            pending += (int) count;
        }
    }

    /** Charges memory the walk builds (printed text, say). */
    public void allocate(long bytes) {
        costNow().allocate(bytes);
    }

    /** Charges what has been counted so far. */
    public void flush() {
        if (pending > 0) {
            int count = pending;
            pending = 0;
            costNow().steps(count);
        }
    }

    private Cost costNow() {
        if (cost == null) {
            cost = Cost.current();
        }
        return cost;
    }
}
