package drogulus.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class NetworkWaitTest {
    /** Records what was shown; "" marks a clear. */
    private final List<String> shown = new ArrayList<>();
    private final NetworkWait.StatusLine status = new NetworkWait.StatusLine() {
        @Override
        public synchronized void show(String text) {
            shown.add(text);
        }

        @Override
        public synchronized void clear() {
            shown.add("");
        }
    };

    @Test
    void shouldShowProgressOfALongWaitAndClearItWhenDone() throws Exception {
        CompletableFuture<String> slow = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS).execute(() -> slow.complete("ok"));
        assertTrue(NetworkWait.blocking(status, 100).await(slow, 10_000, ms -> "dht/get: asked 3 peers"));
        assertTrue(shown.size() >= 2, shown.toString());
        assertEquals("dht/get: asked 3 peers", shown.get(0));
        assertEquals("", shown.get(shown.size() - 1));
    }

    @Test
    void shouldShowNothingForAQuickCall() throws Exception {
        assertTrue(NetworkWait.blocking(status, 500).await(CompletableFuture.completedFuture(1), 10_000,
            ms -> "never"));
        assertTrue(shown.isEmpty(), shown.toString());
    }

    @Test
    void shouldStopWaitingAtTheLimit() throws Exception {
        assertFalse(NetworkWait.blocking(status, 10_000).await(new CompletableFuture<>(), 250, ms -> "x"));
    }

    @Test
    void shouldWakeForAnInterrupt() {
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class,
            () -> NetworkWait.blocking(status, 10_000).await(new CompletableFuture<>(), 60_000, ms -> "x"));
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
