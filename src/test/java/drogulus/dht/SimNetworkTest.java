package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class SimNetworkTest {
    private final VirtualScheduler scheduler = new VirtualScheduler(0);
    private final NodeId id = NodeId.random(new Random(1));

    private SimNetwork network(double loss) {
        return new SimNetwork(scheduler, new Random(2), new SimNetwork.Conditions(10, 30, loss, 1_000, true));
    }

    private static Transport echo(SimNetwork network, NodeId id) {
        Transport t = network.newTransport();
        CompletableFuture<?> bound = t.listen((request, source) ->
            CompletableFuture.completedFuture(new Message.Pong(request.uuid(), id, "0")));
        assertTrue(bound.isDone());
        return t;
    }

    @Test
    void shouldDeliverAnswersAfterTwoLatencies() {
        SimNetwork network = network(0);
        Transport server = echo(network, id);
        Transport client = network.newTransport();
        CompletableFuture<Message> f = client.send(server.address(), server.port(), new Message.Ping("u", id, "0", 1));
        scheduler.runUntil(f::isDone);
        assertEquals(new Message.Pong("u", id, "0"), f.join());
        assertTrue(scheduler.now() >= 20 && scheduler.now() <= 60, "took " + scheduler.now());
        assertEquals(2, network.sent());
    }

    @Test
    void shouldTimeOutWhenThePeerHasLeft() {
        SimNetwork network = network(0);
        Transport server = echo(network, id);
        server.close().join();
        CompletableFuture<Message> f = network.newTransport().send(server.address(), server.port(),
            new Message.Ping("u", id, "0", 1));
        scheduler.runUntil(f::isDone);
        assertInstanceOf(DhtException.Timeout.class, assertThrows(CompletionException.class, f::join).getCause());
        assertEquals(1_000, scheduler.now());
    }

    @Test
    void shouldFailWhatIsPendingWhenClosed() {
        SimNetwork network = network(0);
        Transport server = echo(network, id);
        Transport client = network.newTransport();
        CompletableFuture<Message> f = client.send(server.address(), server.port(), new Message.Ping("u", id, "0", 1));
        client.close().join();
        assertInstanceOf(DhtException.class, assertThrows(CompletionException.class, f::join).getCause());
    }

    @Test
    void shouldForgetACancelledRequest() {
        SimNetwork network = network(0);
        Transport server = echo(network, id);
        Transport client = network.newTransport();
        CompletableFuture<Message> f = client.send(server.address(), server.port(), new Message.Ping("u", id, "0", 1));
        f.cancel(false);
        long sentBefore = network.sent();
        scheduler.advance(2_000);
        assertEquals(sentBefore, network.sent(), "a cancelled request is not delivered, so nothing is answered");
    }

    @Test
    void shouldGiveTheHandlerTheSendersAddress() {
        SimNetwork network = network(0);
        Transport client = network.newTransport();
        Transport server = network.newTransport();
        java.net.InetAddress[] from = new java.net.InetAddress[1];
        CompletableFuture<?> unused = server.listen((request, source) -> {
            from[0] = source;
            return CompletableFuture.completedFuture(new Message.Pong(request.uuid(), id, "0"));
        });
        CompletableFuture<Message> f = client.send(server.address(), server.port(), new Message.Ping("u", id, "0", 1));
        scheduler.runUntil(f::isDone);
        assertEquals(client.address(), from[0].getHostAddress());
    }

    @Test
    void shouldLoseMessagesAtTheGivenRate() {
        SimNetwork network = network(0.5);
        Transport server = echo(network, id);
        Transport client = network.newTransport();
        int answered = 0;
        for (int i = 0; i < 400; i++) {
            CompletableFuture<Message> f = client.send(server.address(), server.port(), new Message.Ping("u" + i, id,
                "0", 1));
            scheduler.runUntil(f::isDone);
            answered += f.isCompletedExceptionally() ? 0 : 1;
        }
        assertTrue(answered > 60 && answered < 140, "a quarter of round trips should survive: " + answered);
        assertTrue(network.lost() > 0);
    }
}
