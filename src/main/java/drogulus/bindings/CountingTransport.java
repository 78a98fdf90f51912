package drogulus.bindings;

import drogulus.dht.Message;
import drogulus.dht.Transport;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transport that counts the requests it sends and the answers that come back, so a person waiting on a
 * network call can see how far it got ("asked 12 peers, 9 answered") and an error can say how many were asked.
 */
public final class CountingTransport implements Transport {
    private final Transport inner;
    private final AtomicLong asked = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();

    public CountingTransport(Transport inner) {
        this.inner = inner;
    }

    /** Requests sent so far. */
    public long asked() {
        return asked.get();
    }

    /** Answers received so far, error answers included. */
    public long answered() {
        return answered.get();
    }

    @Override
    public CompletableFuture<Message> send(String address, int port, Message.Request request) {
        asked.incrementAndGet();
        CompletableFuture<Message> answer = inner.send(address, port, request);
        CompletableFuture<?> unused = answer.thenRun(answered::incrementAndGet);
        return answer;
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
