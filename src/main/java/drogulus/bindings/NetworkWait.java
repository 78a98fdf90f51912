package drogulus.bindings;

import java.util.concurrent.CompletableFuture;

/**
 * How the interpreter thread waits for a network call. The real one blocks, wakes for Ctrl-C and shows progress;
 * tests over the in-memory network run the simulation forward instead. Logos code only ever runs on the thread
 * that waits: results are handed back here, never evaluated on the network's threads.
 */
@FunctionalInterface
public interface NetworkWait {
    /**
     * Returns when the future is done, or when {@code maxMillis} has passed (false then). On thread interruption
     * it throws {@link InterruptedException}; the caller cancels the call.
     */
    boolean await(CompletableFuture<?> future, long maxMillis, Progress progress) throws InterruptedException;

    /** Where progress of a long wait is shown; a status line that leaves no trace once cleared. */
    interface StatusLine {
        StatusLine NONE = new StatusLine() {
            @Override
            public void show(String text) {
            }

            @Override
            public void clear() {
            }
        };

        void show(String text);

        void clear();
    }

    /** What a wait reports: the call's name and how many peers it asked and heard from so far. */
    interface Progress {
        String describe(long elapsedMillis);
    }

    /**
     * Blocks on the future in short naps, so Ctrl-C (an interrupt) is seen at once; after {@code quietMillis} it
     * shows progress on the status line, refreshing it, and clears it when done.
     */
    static NetworkWait blocking(StatusLine status, long quietMillis) {
        return (future, maxMillis, progress) -> {
            long start = System.nanoTime();
            boolean shown = false;
            try {
                while (true) {
                    try {
                        future.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                        return true;
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                        return true;
                    } catch (java.util.concurrent.TimeoutException e) {
                        long elapsed = (System.nanoTime() - start) / 1_000_000;
                        if (elapsed >= maxMillis) {
                            return false;
                        }
                        if (elapsed >= quietMillis) {
                            status.show(progress.describe(elapsed));
                            shown = true;
                        }
                    }
                }
            } finally {
                if (shown) {
                    status.clear();
                }
            }
        };
    }
}
