package drogulus.dht;

/**
 * Time for the node: a clock and delayed tasks. The simulator and tests use {@link VirtualScheduler}, whose
 * time moves only when they say so; a real node uses {@link SystemScheduler}.
 */
public interface Scheduler {
    /** Milliseconds since the epoch, in this scheduler's time. */
    long now();

    /** Runs {@code task} once after {@code delayMillis}; the handle cancels it. */
    Cancellable schedule(long delayMillis, Runnable task);

    /** A scheduled task that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
