package drogulus.dht;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Wall-clock time and one daemon thread for timers, for a node on a real network. */
public final class SystemScheduler implements Scheduler, AutoCloseable {
    private final ScheduledExecutorService executor;

    public SystemScheduler() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drogulus-timer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
