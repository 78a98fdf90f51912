package drogulus.dht;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * A discrete-event scheduler: tasks wait in a queue ordered by due time, and the clock jumps to each as it
 * runs. One thread, no sleeping, so ten thousand simulated nodes cost only the work they do.
 *
 * <p>The queue is a four-way heap (half as deep as a binary one, and a node's four children sit side by side in
 * the key arrays) in which each event knows its place, so a cancelled event leaves the heap at once. Most timers
 * are cancelled (a lookup's ten-minute limit, a request's stall timer once it is answered), and left in place they
 * would make the heap several times deeper than the events that will actually run.
 */
public final class VirtualScheduler implements Scheduler {
    private final class Event implements Cancellable {
        Runnable task;
        /** Where the event sits in the heap; -1 once it has left (run or cancelled). */
        int index;

        Event(Runnable task) {
            this.task = task;
        }

        @Override
        public void cancel() {
            task = null;
            if (index >= 0) {
                removeAt(index);
            }
        }
    }

    // The heap: slot i holds events[i], due at dues[i], scheduled seqs[i]-th (ties run in that order). The keys
    // sit in arrays of their own so that sifting compares them without reaching into the events.
    private Event[] events = new Event[1024];
    private long[] dues = new long[1024];
    private long[] seqs = new long[1024];
    private int size;
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
        Event e = new Event(task);
        if (size == events.length) {
            events = Arrays.copyOf(events, size * 2);
            dues = Arrays.copyOf(dues, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
        }
        int i = size++;
        place(i, e, now + Math.max(0, delayMillis), seq++);
        siftUp(i);
        return e;
    }

    /** Runs the next due task, moving the clock to it; false when nothing is queued. */
    public boolean runNext() {
        if (size == 0) {
            return false;
        }
        runFirst();
        return true;
    }

    private void runFirst() {
        Event e = events[0];
        now = dues[0];
        removeAt(0);
        Runnable task = e.task;
        e.task = null;
        executed++;
        task.run();
    }

    /** Runs every task due up to {@code now() + millis}, then sets the clock there. */
    public void advance(long millis) {
        long until = now + millis;
        while (size > 0 && dues[0] <= until) {
            runFirst();
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

    /** Tasks still queued (a cancelled task leaves the queue at once). */
    public int pending() {
        return size;
    }

    /** Tasks run so far. */
    public long executed() {
        return executed;
    }

    private boolean before(int a, int b) {
        return earlier(dues[a], seqs[a], dues[b], seqs[b]);
    }

    /** Order of the queue: by due time, then by the order of scheduling. */
    private static boolean earlier(long dueA, long seqA, long dueB, long seqB) {
        return dueA != dueB ? dueA < dueB : seqA < seqB;
    }

    private void place(int i, Event e, long due, long s) {
        events[i] = e;
        dues[i] = due;
        seqs[i] = s;
        e.index = i;
    }

    private void move(int from, int to) {
        events[to] = events[from];
        dues[to] = dues[from];
        seqs[to] = seqs[from];
        events[to].index = to;
    }

    private void removeAt(int i) {
        events[i].index = -1;
        int last = --size;
        if (i != last) {
            move(last, i);
            if (i > 0 && before(i, (i - 1) >>> 2)) {
                siftUp(i);
            } else {
                siftDown(i);
            }
        }
        events[last] = null;
    }

    private void siftUp(int i) {
        Event e = events[i];
        long due = dues[i];
        long s = seqs[i];
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!earlier(due, s, dues[parent], seqs[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        place(i, e, due, s);
    }

    private void siftDown(int i) {
        Event e = events[i];
        long due = dues[i];
        long s = seqs[i];
        while (true) {
            int first = 4 * i + 1;
            if (first >= size) {
                break;
            }
            int child = first;
            int last = Math.min(first + 4, size);
            for (int c = first + 1; c < last; c++) {
                if (before(c, child)) {
                    child = c;
                }
            }
            if (!earlier(dues[child], seqs[child], due, s)) {
                break;
            }
            move(child, i);
            i = child;
        }
        place(i, e, due, s);
    }
}
