package drogulus.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    @Test
    void shouldRunTiesInTheOrderTheyWereScheduledWhileTasksComeAndGo() {
        // Many events share a due time; ties run first scheduled, first run, whatever the heap's shape, and
        // cancellations and new events made while running keep that order.
        VirtualScheduler s = new VirtualScheduler(0);
        java.util.Random random = new java.util.Random(9);
        List<long[]> ran = new ArrayList<>();
        List<Scheduler.Cancellable> handles = new ArrayList<>();
        long[] next = {0};
        Runnable[] spawn = new Runnable[1];
        spawn[0] = () -> {
            long order = next[0]++;
            long due = s.now() + random.nextInt(4) * 10L;
            handles.add(s.schedule(due - s.now(), () -> {
                ran.add(new long[] {s.now(), due, order});
                if (random.nextInt(3) > 0 && next[0] < 3000) {
                    spawn[0].run();
                    spawn[0].run();
                }
                if (random.nextInt(4) == 0) {
                    handles.get(random.nextInt(handles.size())).cancel();
                }
            }));
        };
        for (int i = 0; i < 50; i++) {
            spawn[0].run();
        }
        s.runUntil(() -> false);
        assertTrue(ran.size() > 500);
        for (int i = 1; i < ran.size(); i++) {
            long[] a = ran.get(i - 1);
            long[] b = ran.get(i);
            assertEquals(b[1], b[0], "an event runs at its due time");
            assertTrue(a[0] < b[0] || (a[0] == b[0] && a[2] < b[2]), "ties run in the order scheduled");
        }
    }
}
