package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.LimitExceeded;
import org.junit.jupiter.api.Test;

class BudgetClockTest {
    @Test
    void shouldReadTheClockWhenAskedRatherThanEveryFewThousandSteps() throws InterruptedException {
        Budget budget = Budget.limited(Long.MAX_VALUE - 1, 1, Long.MAX_VALUE - 1, 100);
        Thread.sleep(20);
        LimitExceeded e = assertThrows(LimitExceeded.class, budget::checkTime);
        assertEquals("time", e.limit());
    }

    @Test
    void shouldNotOverflowTheDeadlineOfAVeryLongLimit() {
        assertEquals(Long.MAX_VALUE, Budget.deadlineAfter(Long.MAX_VALUE / 1000));
        assertEquals(Long.MAX_VALUE, Budget.deadlineAfter(10_000_000_000_000L));
        assertTrue(Budget.deadlineAfter(1000) > System.nanoTime());
        Budget budget = Budget.limited(1_000_000, 9_000_000_000_000_000L, 1_000_000, 100);
        budget.steps(10_000);
        budget.checkTime();
    }
}
