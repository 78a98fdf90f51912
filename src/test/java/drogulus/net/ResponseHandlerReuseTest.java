package drogulus.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.dht.DhtException;
import drogulus.dht.Message;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A uuid is free again as soon as its request has ended, even before the clean-up that ending triggers has run:
 * code woken by the ending (a join on the future) may send the next request under that uuid at once. This was
 * the race behind TcpTransportTest's silent-peer test failing now and then with "already waiting".
 */
class ResponseHandlerReuseTest {
    private final ResponseHandler handler = new ResponseHandler("peer:1", Runnable::run);

    @Test
    void shouldTakeAUuidAgainOnceItsRequestHasEndedEvenBeforeItsCleanUpRan() {
        CompletableFuture<Message> first = new CompletableFuture<>();
        assertTrue(handler.expect("u", first));
        AtomicBoolean reused = new AtomicBoolean();
        CompletableFuture<Message> second = new CompletableFuture<>();
        // Registered after expect's clean-up, so it runs first, as a waiter woken by the timeout does.
        CompletableFuture<?> unused = first.whenComplete((m, e) -> reused.set(handler.expect("u", second)));
        first.completeExceptionally(new DhtException.Timeout("no answer"));
        assertTrue(reused.get(), "the timed-out request's uuid was still taken");
        assertEquals(1, handler.waiting(), "the clean-up of the first request must not drop the second");
    }

    @Test
    void shouldStillRefuseAUuidWhoseRequestIsWaiting() {
        assertTrue(handler.expect("u", new CompletableFuture<>()));
        assertFalse(handler.expect("u", new CompletableFuture<>()));
        assertEquals(1, handler.waiting());
    }
}
