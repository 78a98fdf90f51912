package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {
    @Test
    void shouldRunTasksInDueOrderAndMoveTheClockToEach() {
        VirtualScheduler s = new VirtualScheduler(100);
        List<String> log = new ArrayList<>();
        s.schedule(30, () -> log.add("c@" + s.now()));
        s.schedule(10, () -> log.add("a@" + s.now()));
        s.schedule(10, () -> log.add("b@" + s.now()));
        s.runUntil(() -> false);
        assertEquals(List.of("a@110", "b@110", "c@130"), log);
    }

    @Test
    void shouldNotRunPastTheAdvanceEvenWhenCancelledTasksAreDue() {
        VirtualScheduler s = new VirtualScheduler(0);
        List<String> log = new ArrayList<>();
        s.schedule(5, () -> log.add("cancelled")).cancel();
        s.schedule(5, () -> s.schedule(5, () -> log.add("later")));
        s.advance(5);
        assertEquals(List.of(), log);
        assertEquals(5, s.now());
        s.advance(5);
        assertEquals(List.of("later"), log);
        assertFalse(s.runNext());
    }

    @Test
    void shouldDropACancelledTaskFromTheQueueAtOnceAndKeepTheOrderOfTheRest() {
        VirtualScheduler s = new VirtualScheduler(0);
        List<Long> ran = new ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        List<Scheduler.Cancellable> handles = new ArrayList<>();
        List<Long> dues = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long due = random.nextInt(1000);
            dues.add(due);
            handles.add(s.schedule(due, () -> ran.add(s.now())));
        }
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            if (i % 3 == 0) {
                handles.get(i).cancel();
                handles.get(i).cancel();
            } else {
                kept.add(dues.get(i));
            }
        }
        assertEquals(kept.size(), s.pending(), "cancelled tasks no longer wait in the queue");
        s.runUntil(() -> false);
        kept.sort(null);
        assertEquals(kept, ran);
        assertEquals(kept.size(), s.executed());
    }
}
