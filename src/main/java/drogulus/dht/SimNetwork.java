package drogulus.dht;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * An in-memory network for thousands of nodes in one JVM, driven by a {@link VirtualScheduler}: each message
 * arrives after a random latency, may be lost, and goes nowhere when its peer has left. Optionally every
 * message is passed through the {@link MessageCodec}, so simulated nodes speak the real wire format. Its
 * transports keep {@link Transport}'s contract as the TCP one does: they own the request timeout, forget a
 * cancelled request, and fail what is pending when closed.
 */
public final class SimNetwork {
    /** Latency bounds in milliseconds, the chance a message is lost, and the request timeout. */
    public record Conditions(long minLatencyMillis, long maxLatencyMillis, double lossRate, long rpcTimeoutMillis,
                             boolean encodeMessages) {
    }

    private final VirtualScheduler scheduler;
    private final Random random;
    private final Conditions conditions;
    /** The endpoints listening, by address: each has an address of its own, so the port is checked apart. */
    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final MessageCodec codec = new MessageCodec();
    private long sent;
    private long lost;
    private int nextAddress = 1;

    public SimNetwork(VirtualScheduler scheduler, Random random, Conditions conditions) {
        this.scheduler = scheduler;
        this.random = random;
        this.conditions = conditions;
    }

    /** A transport at a fresh address, not yet listening. */
    public Transport newTransport() {
        return newEndpoint();
    }

    Direct newEndpoint() {
        int n = nextAddress++;
        // One node per /24, as hosts on the Internet mostly are: routing tables limit contacts per network.
        try {
            return new Endpoint(InetAddress.getByAddress(new byte[] {(byte) (10 + ((n >> 16) & 63)), (byte) (n >> 8),
                (byte) n, 1}), 9999);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes always make an address", e);
        }
    }

    /** Messages sent so far, requests and answers. */
    public long sent() {
        return sent;
    }

    /** Messages lost in transit so far. */
    public long lost() {
        return lost;
    }

    private long latency() {
        long span = conditions.maxLatencyMillis() - conditions.minLatencyMillis();
        return conditions.minLatencyMillis() + (span > 0 ? (long) (random.nextDouble() * span) : 0);
    }

    private boolean lose() {
        sent++;
        if (conditions.lossRate() > 0 && random.nextDouble() < conditions.lossRate()) {
            lost++;
            return true;
        }
        return false;
    }

    private <M extends Message> Message wire(M message) {
        return conditions.encodeMessages() ? codec.decode(codec.encode(message)) : message;
    }

    /** The endpoint listening at the address and port, or null. */
    private Endpoint listening(String address, int port) {
        Endpoint e = endpoints.get(address);
        return e != null && e.port == port && e.handler != null ? e : null;
    }

    /**
     * A transport of this network that can also hand a request straight to the peer's handler, with no latency,
     * loss or timer of its own, for a wrapper such as {@link SimLink} that draws those itself.
     */
    interface Direct extends Transport {
        /** The peer's answer (null inside when it does not answer), or null when nothing listens there. */
        CompletableFuture<Message> handleNow(String toAddress, int toPort, Message.Request request);
    }

    private final class Endpoint implements Direct {
        private final InetAddress inet;
        private final String address;
        private final int port;
        private final Map<Long, CompletableFuture<Message>> pending = new HashMap<>();
        private long nextRequest;
        private RequestHandler handler;

        Endpoint(InetAddress inet, int port) {
            this.inet = inet;
            this.address = inet.getHostAddress();
            this.port = port;
        }

        @Override
        public CompletableFuture<Message> send(String toAddress, int toPort, Message.Request request) {
            CompletableFuture<Message> answer = new CompletableFuture<>();
            long n = nextRequest++;
            pending.put(n, answer);
            Scheduler.Cancellable timer = scheduler.schedule(conditions.rpcTimeoutMillis(), () ->
                answer.completeExceptionally(new DhtException.Timeout("No answer from " + toAddress + ":" + toPort
                    + " within " + conditions.rpcTimeoutMillis() + " ms")));
            CompletableFuture<?> unused = answer.whenComplete((m, e) -> {
                timer.cancel();
                pending.remove(n);
            });
            if (lose()) {
                return answer;
            }
            Message onWire = wire(request);
            scheduler.schedule(latency(), () -> deliver(toAddress, toPort, (Message.Request) onWire, answer));
            return answer;
        }

        @Override
        public CompletableFuture<Message> handleNow(String toAddress, int toPort, Message.Request request) {
            Endpoint peer = listening(toAddress, toPort);
            if (peer == null) {
                return null;
            }
            CompletableFuture<Message> reply = peer.handler.handle((Message.Request) wire(request), inet, address);
            return conditions.encodeMessages() ? reply.thenApply(r -> r == null ? null : wire(r)) : reply;
        }

        private void deliver(String toAddress, int toPort, Message.Request request, CompletableFuture<Message> answer) {
            Endpoint peer = listening(toAddress, toPort);
            if (peer == null || answer.isDone()) {
                return;
            }
            CompletableFuture<?> unused = peer.handler.handle(request, inet, address).whenComplete((reply, e) -> {
                if (reply == null || lose()) {
                    return;
                }
                Message onWire = wire(reply);
                scheduler.schedule(latency(), () -> answer.complete(onWire));
            });
        }

        @Override
        public CompletableFuture<InetSocketAddress> listen(RequestHandler requestHandler) {
            if (endpoints.containsKey(address)) {
                return CompletableFuture.failedFuture(new DhtException(address + ":" + port + " is already in use"));
            }
            this.handler = requestHandler;
            endpoints.put(address, this);
            return CompletableFuture.completedFuture(new InetSocketAddress(inet, port));
        }

        @Override
        public String address() {
            return address;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public CompletableFuture<Void> close() {
            endpoints.remove(address, this);
            handler = null;
            List<CompletableFuture<Message>> waiting = new ArrayList<>(pending.values());
            pending.clear();
            for (CompletableFuture<Message> f : waiting) {
                f.completeExceptionally(new DhtException("The transport at " + address + " is closed"));
            }
            return CompletableFuture.completedFuture(null);
        }
    }
}
