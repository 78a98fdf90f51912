package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong clock = new AtomicLong(10_000);
    private final RateLimiter limiter = new RateLimiter(3, 5, clock::get);

    @Test
    void shouldRefuseAnAddressOverItsLimitUntilTheNextSecond() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.allow("10.0.0.1"));
        }
        assertFalse(limiter.allow("10.0.0.1"));
        assertTrue(limiter.allow("10.0.0.2"), "other addresses are not punished");
        clock.addAndGet(1_000);
        assertTrue(limiter.allow("10.0.0.1"));
    }

    @Test
    void shouldRefuseEveryoneOverTheTotalLimit() {
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.allow("10.0.0." + i));
        }
        assertFalse(limiter.allow("10.0.0.99"));
        clock.addAndGet(999);
        assertFalse(limiter.allow("10.0.0.98"));
        clock.addAndGet(1);
        assertTrue(limiter.allow("10.0.0.99"));
    }

    @Test
    void shouldTreatALimitOfZeroAsNoLimit() {
        RateLimiter unlimited = new RateLimiter(0, 0, clock::get);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(unlimited.allow("10.0.0.1"));
        }
    }
}
