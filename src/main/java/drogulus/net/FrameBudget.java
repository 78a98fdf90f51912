package drogulus.net;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that frames still arriving may hold, across every connection of a transport. A frame begun and not
 * yet complete reserves its declared length; when the budget is spent, a new one is refused (error 4) rather than
 * buffered. Without it, slow senders each stalling in the middle of a 1 MiB frame could hold a gigabyte between
 * them until the stall timeout; with it, what they hold is bounded and honest senders are refused for at most that
 * timeout.
 */
final class FrameBudget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    FrameBudget(long limit) {
        this.limit = limit;
    }

    /** A budget nothing reaches, for tests of other things. */
    static FrameBudget unlimited() {
        return new FrameBudget(Long.MAX_VALUE);
    }

    /** Reserves the bytes; false (nothing reserved) when that would go over the limit. */
    boolean reserve(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > limit) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }
}
