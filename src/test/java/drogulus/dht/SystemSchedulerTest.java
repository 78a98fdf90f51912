package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SystemSchedulerTest {
    @Test
    void shouldRunTasksAfterTheirDelayUnlessCancelled() throws InterruptedException {
        try (SystemScheduler scheduler = new SystemScheduler()) {
            AtomicInteger cancelledRuns = new AtomicInteger();
            CountDownLatch ran = new CountDownLatch(1);
            scheduler.schedule(200, cancelledRuns::incrementAndGet).cancel();
            long start = scheduler.now();
            scheduler.schedule(400, ran::countDown);
            assertTrue(ran.await(5, TimeUnit.SECONDS));
            assertTrue(scheduler.now() - start >= 400);
            assertEquals(0, cancelledRuns.get());
        }
    }
}
