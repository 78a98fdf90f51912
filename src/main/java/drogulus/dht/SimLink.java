package drogulus.dht;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * A simulated transport as the simulator sees the Internet: each message, request and answer alike, waits a
 * latency drawn from a log-normal distribution (median {@code medianMillis}, half the messages within a factor
 * of 1.5 of it, one in a hundred beyond four times it) and is lost with probability {@code loss}. Wraps a
 * {@link SimNetwork} transport, whose peers' handlers it calls directly.
 */
final class SimLink implements Transport {
    /** The spread of the log-normal latency: ln(1.5) / 0.674, so the quartiles are at median / 1.5 and x 1.5. */
    static final double SIGMA = 0.6;

    private final SimNetwork.Direct inner;
    private final VirtualScheduler scheduler;
    private final Random random;
    private final double medianMillis;
    private final double loss;
    private final long timeoutMillis;
    private final long[] counters;

    /**
     * @param counters [0] messages sent, [1] messages lost, then requests sent by type at {@link #REQUESTS} + the
     *     index of {@link #TYPES}; shared by every link of one simulation
     */
    SimLink(SimNetwork.Direct inner, VirtualScheduler scheduler, Random random, double medianMillis, double loss,
            long timeoutMillis, long[] counters) {
        this.inner = inner;
        this.scheduler = scheduler;
        this.random = random;
        this.medianMillis = medianMillis;
        this.loss = loss;
        this.timeoutMillis = timeoutMillis;
        this.counters = counters;
    }

    /** The request types counted, in the order of their counters. */
    static final List<String> TYPES = List.of("ping", "findnode", "findvalue", "store");
    /** Where the request counts start in the counters. */
    static final int REQUESTS = 2;

    private static int typeIndex(Message.Request request) {
        if (request instanceof Message.Ping) {
            return 0;
        } else if (request instanceof Message.FindNode) {
            return 1;
        } else if (request instanceof Message.FindValue) {
            return 2;
        }
        return 3;
    }

    private long latency() {
        return Math.max(1, Math.round(medianMillis * Math.exp(SIGMA * random.nextGaussian())));
    }

    private boolean lost() {
        counters[0]++;
        if (loss > 0 && random.nextDouble() < loss) {
            counters[1]++;
            return true;
        }
        return false;
    }

    /**
     * Draws the request's fate as it goes: lost, or delivered after a latency and answered after another, or
     * timed out. Each request costs the scheduler two events (arrival, then answer or timeout) rather than a
     * timer that waits beside every message; what the asker sees is the same.
     */
    @Override
    public CompletableFuture<Message> send(String address, int port, Message.Request request) {
        counters[REQUESTS + typeIndex(request)]++;
        CompletableFuture<Message> answer = new CompletableFuture<>();
        long deadline = scheduler.now() + timeoutMillis;
        long there = lost() ? timeoutMillis : latency();
        if (there >= timeoutMillis) {
            timeOut(answer, deadline, address, port);
            return answer;
        }
        scheduler.schedule(there, () -> {
            if (answer.isDone()) {
                return;
            }
            CompletableFuture<Message> reply = inner.handleNow(address, port, request);
            if (reply == null) {
                timeOut(answer, deadline, address, port);
                return;
            }
            if (reply.isDone()) {
                // The handlers answer at once: the answer goes back without a stage of its own.
                answerBack(answer, deadline, address, port, reply.isCompletedExceptionally() ? null
                    : reply.getNow(null));
            } else {
                CompletableFuture<?> unused = reply.whenComplete((m, e) -> answerBack(answer, deadline, address,
                    port, e != null ? null : m));
            }
        });
        return answer;
    }

    /** Sends the peer's answer back, lost or after a latency; no answer (null) times out at the deadline. */
    private void answerBack(CompletableFuture<Message> answer, long deadline, String address, int port, Message m) {
        long back = m == null || lost() ? timeoutMillis : latency();
        if (scheduler.now() + back >= deadline) {
            timeOut(answer, deadline, address, port);
        } else {
            scheduler.schedule(back, () -> answer.complete(m));
        }
    }

    private void timeOut(CompletableFuture<Message> answer, long deadline, String address, int port) {
        scheduler.schedule(deadline - scheduler.now(), () -> {
            if (!answer.isDone()) {
                answer.completeExceptionally(new DhtException.Timeout("No answer from " + address + ":" + port
                    + " within " + timeoutMillis + " ms"));
            }
        });
    }

    @Override
    public CompletableFuture<InetSocketAddress> listen(RequestHandler handler) {
        return inner.listen(handler);
    }

    @Override
    public String address() {
        return inner.address();
    }

    @Override
    public int port() {
        return inner.port();
    }

    @Override
    public CompletableFuture<Void> close() {
        return inner.close();
    }
}
