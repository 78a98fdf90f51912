package drogulus.dht;

import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A discrete-event scheduler: tasks wait in a queue ordered by due time, and the clock jumps to each as it
 * runs. One thread, no sleeping, so ten thousand simulated nodes cost only the work they do.
 */
public final class VirtualScheduler implements Scheduler {
    private static final class Event implements Cancellable, Comparable<Event> {
        final long due;
        final long seq;
        Runnable task;

        Event(long due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public void cancel() {
            task = null;
        }

        @Override
        public int compareTo(Event o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long now;
    private long seq;
    private long executed;

    public VirtualScheduler(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        Event e = new Event(now + Math.max(0, delayMillis), seq++, task);
        queue.add(e);
        return e;
    }

    /** Runs the next due task, moving the clock to it; false when nothing is queued. */
    public boolean runNext() {
        while (true) {
            Event e = queue.poll();
            if (e == null) {
                return false;
            }
            if (e.task != null) {
                now = e.due;
                Runnable task = e.task;
                e.task = null;
                executed++;
                task.run();
                return true;
            }
        }
    }

    /** Runs every task due up to {@code now() + millis}, then sets the clock there. */
    public void advance(long millis) {
        long until = now + millis;
        while (!queue.isEmpty() && queue.peek().due <= until) {
            Event e = queue.poll();
            if (e.task != null) {
                now = e.due;
                Runnable task = e.task;
                e.task = null;
                executed++;
                task.run();
            }
        }
        now = Math.max(now, until);
    }

    /** Runs tasks until {@code done} holds or nothing is left; returns whether {@code done} holds. */
    public boolean runUntil(BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            if (!runNext()) {
                return done.getAsBoolean();
            }
        }
        return true;
    }

    /** Tasks still queued, cancelled ones included. */
    public int pending() {
        return queue.size();
    }

    /** Tasks run so far. */
    public long executed() {
        return executed;
    }
}
