package drogulus.dht;

import java.util.concurrent.CompletableFuture;

/**
 * How a node reaches its peers. The same node code runs over the Netty TCP transport (package {@code net})
 * and over {@link SimNetwork}'s in-memory one.
 */
public interface Transport {
    /**
     * Sends a request to the peer listening at address and port; the future completes with the peer's answer
     * (an {@link Message.ErrorReply} included) or fails when the peer cannot be reached or does not answer within
     * the transport's timeout.
     */
    CompletableFuture<Message> send(String address, int port, Message.Request request);

    /** Starts delivering incoming requests to the handler. */
    void listen(RequestHandler handler);

    /** The address peers reach us at, as we know it. */
    String address();

    /** The port we listen on. */
    int port();

    /** Stops listening and fails whatever is still waiting for an answer. */
    void close();

    /** Answers incoming requests. */
    @FunctionalInterface
    interface RequestHandler {
        /**
         * The answer to send back, or null to send nothing (a peer over its rate limit gets silence).
         *
         * @param sourceAddress the address the request came from, which rate limits and quotas count by
         */
        Message handle(Message.Request request, String sourceAddress);
    }
}
