package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A cancel above the transport reaches the request the transport holds, so it can forget it. */
class NodeCancellationTest {
    private final List<CompletableFuture<Message>> sent = new ArrayList<>();
    private final Transport silent = new Transport() {
        @Override
        public CompletableFuture<Message> send(String address, int port, Message.Request request) {
            CompletableFuture<Message> f = new CompletableFuture<>();
            sent.add(f);
            return f;
        }

        @Override
        public CompletableFuture<InetSocketAddress> listen(RequestHandler handler) {
            return CompletableFuture.completedFuture(new InetSocketAddress(0));
        }

        @Override
        public String address() {
            return "10.0.0.1";
        }

        @Override
        public int port() {
            return 1;
        }

        @Override
        public CompletableFuture<Void> close() {
            return CompletableFuture.completedFuture(null);
        }
    };

    @Test
    void shouldCancelTheTransportsRequestWhenTheRpcIsCancelled() {
        Random random = new Random(8);
        Node node = new Node(NodeId.random(random), silent, new MemoryStore(), new VirtualScheduler(0),
            NodeConfig.defaults(), random, "0");
        Contact peer = new Contact(NodeId.random(random), "10.0.0.2", 2, "0");
        CompletableFuture<Message> rpc = node.rpc(peer, new Message.Ping("c", node.id(), "0", 1));
        rpc.cancel(false);
        assertTrue(sent.get(0).isCancelled());
    }

    @Test
    void shouldCancelWhatALookupLeavesInFlightWhenItTimesOut() {
        Random random = new Random(9);
        VirtualScheduler scheduler = new VirtualScheduler(0);
        NodeConfig config = NodeConfig.defaults();
        Node node = new Node(NodeId.random(random), silent, new MemoryStore(), scheduler, config, random, "0");
        for (int i = 0; i < 5; i++) {
            node.routingTable().addContact(new Contact(NodeId.random(random), "10.0.0." + (i + 2), 2, "0"));
        }
        CompletableFuture<LookupResult<drogulus.crypto.Item>> lookup = node.findNode(NodeId.random(random));
        scheduler.advance(config.lookupTimeoutMillis());
        assertTrue(lookup.isCompletedExceptionally());
        assertTrue(!sent.isEmpty());
        for (CompletableFuture<Message> f : sent) {
            assertTrue(f.isCancelled(), "every request still in flight is cancelled at the transport");
        }
    }
}
