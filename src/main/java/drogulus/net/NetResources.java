package drogulus.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads transports run on, shared by every node of a process (a devnet runs many): the event loops that
 * do I/O and a pool that runs what may block (signature checks, SQLite) and completes request futures, so no
 * continuation ever runs on an event loop.
 */
public final class NetResources implements AutoCloseable {
    private final EventLoopGroup loops;
    private final ExecutorService workers;

    public NetResources(int ioThreads, int workerThreads) {
        this.loops = new MultiThreadIoEventLoopGroup(ioThreads, daemons("drogulus-io"), NioIoHandler.newFactory());
        this.workers = Executors.newFixedThreadPool(workerThreads, daemons("drogulus-work"));
    }

    /** Threads for a machine of this size. */
    public static NetResources forThisMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new NetResources(Math.max(1, cores), Math.max(4, 2 * cores));
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    EventLoopGroup loops() {
        return loops;
    }

    ExecutorService workers() {
        return workers;
    }

    /** Stops the threads, waiting a little for work under way. */
    @Override
    public void close() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
