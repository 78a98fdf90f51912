package drogulus.dht;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * How a node reaches its peers. The same node code runs over the Netty TCP transport (package {@code net})
 * and over {@link SimNetwork}'s in-memory one, and both keep this contract:
 * <ul>
 * <li>the transport owns the per-request timeout: nobody above it sets a timer per request;</li>
 * <li>cancelling a future from {@link #send} abandons the request: the transport forgets it and drops a late
 *     answer;</li>
 * <li>futures are completed on no I/O thread and under no lock, so continuations may block briefly (validate a
 *     signature, write to SQLite) without stalling the network;</li>
 * <li>{@link #close} fails every request still waiting.</li>
 * </ul>
 * Logos code never runs on a transport's threads: whoever calls from Logos hands results back to the
 * interpreter's own thread.
 */
public interface Transport {
    /**
     * Sends a request to the peer listening at address and port; the future completes with the peer's answer
     * (an {@link Message.ErrorReply} included), or fails with {@link DhtException.Timeout} when no answer came
     * within the RPC timeout, or with a {@link DhtException} when the peer cannot be reached or the transport is
     * closed.
     */
    CompletableFuture<Message> send(String address, int port, Message.Request request);

    /**
     * Starts delivering incoming requests to the handler. The future completes with the address actually bound
     * (with port 0 the port is known only then) or fails when the bind fails.
     */
    CompletableFuture<InetSocketAddress> listen(RequestHandler handler);

    /** The address peers reach us at, as we know it. */
    String address();

    /** The port we listen on; meaningful once {@link #listen}'s future has completed. */
    int port();

    /**
     * Stops accepting requests, lets those being handled finish (for a bounded time), fails whatever is still
     * waiting for an answer and releases the transport's resources; the future completes when all that is done.
     */
    CompletableFuture<Void> close();

    /** Answers incoming requests. */
    @FunctionalInterface
    interface RequestHandler {
        /**
         * The answer to send back, which must carry the request's uuid; a future of null sends nothing (a peer
         * over its rate limit gets silence). Called off the I/O threads, so it may block briefly.
         *
         * @param source the address the request came from, which rate limits and quotas count by
         */
        CompletableFuture<Message> handle(Message.Request request, InetAddress source);

        /**
         * {@link #handle}, for a transport that already has the source's address as text (the simulated one),
         * which spares the handler working it out from {@code source} for every request.
         */
        default CompletableFuture<Message> handle(Message.Request request, InetAddress source, String sourceAddress) {
            return handle(request, source);
        }
    }
}
