package drogulus.logos.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * A sequence cell that may not be computed yet: a lazy sequence ({@code lazy-seq}, {@code map}, {@code range} ...)
 * or a cell made by {@code cons}. Until first asked for, it holds a thunk; realising runs the thunk once and keeps
 * what it gave: nothing (the empty sequence), or a first item and the rest, which is another cell or a list.
 * Prints, compares and hashes as a list of its items. Belongs to the interpreter that made it: realising is not
 * synchronised, and what the thunk charges goes to that interpreter's budget.
 *
 * <p>A realised cell may stand for a run of items kept in an array (a chunk, as Clojure's chunked sequences):
 * the items of a range, a map over it, a vector's seq are made a chunk at a time, and one cell and one array for
 * 32 items hold in a sixth of the memory of a cell each, which matters when a long sequence is kept (a def of a
 * mapped range) and when the collector copies it. {@link #more} of such a cell makes the cell for the next item
 * of the run when asked, so a walk allocates a short-lived cell a step; walkers that know runs read the array in
 * place ({@link #runLength}, {@link #runItem}, {@link #afterRun}).
 */
public final class LSeq implements Iterable<Object> {
    private Supplier<Object> thunk;
    /** The cell's item; for a cell in a run (offset not negative), the run's array, which is never changed. */
    private Object first;
    /**
     * Once realised: null when empty, else what follows the cell's items (its first item, or the run of its
     * chunk from offset on): an LSeq or an LList (possibly empty).
     */
    private Object rest;
    /**
     * Where the cell's items start in the run's array (first): it stands for items[offset..]; -1 for a cell of one
     * item. One field for the run (with first) keeps a cell at four fields, 24 bytes with compact object headers.
     */
    private int offset = -1;

    private LSeq(Supplier<Object> thunk) {
        this.thunk = thunk;
    }

    /** A sequence of what the thunk returns (nil, a list, another LSeq, or any seqable), computed when needed. */
    public static LSeq lazy(Supplier<Object> thunk) {
        return new LSeq(thunk);
    }

    /** A realised cell: first followed by the items of rest (nil, a list, an LSeq or any seqable). */
    public static LSeq cons(Object first, Object rest) {
        LSeq cell = new LSeq(null);
        cell.first = first;
        cell.rest = asSeq(rest);
        return cell;
    }

    /**
     * The items items[0..n) followed by tail (nil, a list or an LSeq); tail itself when n is 0. Takes the array
     * when n is its length (the caller must not change it afterwards), else copies the n items: one cell stands
     * for them all.
     */
    public static Object chain(Object[] items, int n, Object tail) {
        Object next = asSeq(tail);
        if (n == 0) {
            return next;
        }
        if (n == 1) {
            LSeq cell = new LSeq(null);
            cell.first = items[0];
            cell.rest = next;
            return cell;
        }
        return inRun(n == items.length ? items : Arrays.copyOf(items, n), 0, next);
    }

    private static LSeq inRun(Object[] chunk, int offset, Object after) {
        LSeq cell = new LSeq(null);
        cell.first = chunk;
        cell.offset = offset;
        cell.rest = after;
        return cell;
    }

    private static Object asSeq(Object value) {
        if (value == null) {
            return LList.EMPTY;
        }
        if (value instanceof LSeq || value instanceof LList) {
            return value;
        }
        return LList.from(Seqable.toList("lazy-seq", value));
    }

    /**
     * What computes this cell while it is not computed yet, else null: lets a consumer that knows the kind of
     * thunk (a range's) read the items it stands for without making a cell each.
     */
    public Supplier<Object> pending() {
        return thunk;
    }

    public boolean isRealized() {
        return thunk == null;
    }

    private void realise() {
        Supplier<Object> pending = thunk;
        if (pending == null) {
            return;
        }
        Object value = pending.get();
        thunk = null;
        Object seq = asSeq(value);
        if (seq instanceof LSeq cell) {
            cell.realise();
            first = cell.first;
            rest = cell.rest;
            offset = cell.offset;
        } else {
            LList list = (LList) seq;
            if (!list.isEmpty()) {
                first = list.first();
                rest = list.rest();
            }
        }
    }

    /** Whether there are no items; realises the first cell. */
    public boolean isEmpty() {
        realise();
        return rest == null;
    }

    /** The first item, or nil when empty. */
    public Object first() {
        realise();
        return offset < 0 ? first : ((Object[]) first)[offset];
    }

    /** The items after the first as an LSeq or a list; the empty list when there are none. */
    public Object more() {
        realise();
        return moreAfter(0);
    }

    /** Whether the cell after this one is already computed (or there is none), so walking on costs no work. */
    public boolean restIsRealized() {
        realise();
        if (offset >= 0 && offset + 1 < ((Object[]) first).length) {
            return true;
        }
        return !(rest instanceof LSeq cell) || cell.isRealized();
    }

    /**
     * How many items this cell holds in place, from {@link #first} on, before {@link #afterRun}: the rest of its
     * chunk, 1 for a cell of one item, 0 when empty. Realises the cell.
     */
    public int runLength() {
        realise();
        if (rest == null) {
            return 0;
        }
        return offset < 0 ? 1 : ((Object[]) first).length - offset;
    }

    /**
     * Item k of the run, k below {@link #runLength}: item 0 is {@link #first}. This and the two below read a cell
     * that runLength has realised, without asking again, so a walker's loop has one place that realises a cell.
     */
    public Object runItem(int k) {
        return offset < 0 ? first : ((Object[]) first)[offset + k];
    }

    /**
     * The items after item k of the run (k below {@link #runLength}): {@link #more} is moreAfter(0). Lets a walker
     * that read part of a run in place stop there and hand on the rest.
     */
    public Object moreAfter(int k) {
        if (offset >= 0 && offset + k + 1 < ((Object[]) first).length) {
            return inRun((Object[]) first, offset + k + 1, rest);
        }
        return rest == null ? LList.EMPTY : rest;
    }

    /** What follows the run of a non-empty cell: an LSeq or a list (possibly empty). */
    public Object afterRun() {
        return rest == null ? LList.EMPTY : rest;
    }

    /** The number of items; realises them all. */
    public int count() {
        return countFrom(new Object[] {this});
    }

    /**
     * The number of items of a sequence (an LSeq or a list), walking it with nothing but a moving cursor, so the
     * cells already counted can be collected while the rest are computed: a caller that wants a long lazy sequence
     * counted without holding it all clears its own references first and passes the only one here, in hold, which
     * this empties.
     */
    public static int countFrom(Object[] hold) {
        Object at = hold[0];
        hold[0] = null;
        int n = 0;
        while (true) {
            if (at instanceof LSeq) {
                LSeq cell = (LSeq) at;
                int run = cell.runLength();
                if (run == 0) {
                    return n;
                }
                n += run;
                at = cell.rest;
                cell = null;
            } else {
                LList list = (LList) at;
                return n + list.count();
            }
        }
    }

    @Override
    public Iterator<Object> iterator() {
        return new Walker(this);
    }

    /**
     * Walks the cells from a start one. Static, holding only where it is: an iterator that kept the cell it started
     * from would keep every cell it has passed alive, so counting or reducing a long lazy sequence would hold all of
     * it in memory at once. Reads a chunk's items from its array, without a cell per item.
     */
    private static final class Walker implements Iterator<Object> {
        /** The cell or list after the run being read, or the next one to read when run is null. */
        private Object at;
        /** The array of the run being read, from index i on; null between runs. */
        private Object[] run;
        private int i;

        Walker(Object start) {
            at = start;
        }

        @Override
        public boolean hasNext() {
            if (run != null) {
                return true;
            }
            if (at instanceof LSeq cell) {
                if (cell.isEmpty()) {
                    return false;
                }
                if (cell.offset >= 0) {
                    run = (Object[]) cell.first;
                    i = cell.offset;
                    at = cell.rest;
                }
                return true;
            }
            return !((LList) at).isEmpty();
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (run != null) {
                Object item = run[i++];
                if (i == run.length) {
                    run = null;
                }
                return item;
            }
            if (at instanceof LSeq cell) {
                Object item = cell.first;
                at = cell.rest;
                return item;
            }
            LList list = (LList) at;
            at = list.rest();
            return list.first();
        }
    }

    @Override
    public boolean equals(Object other) {
        return Sequential.sequentialEquals(this, other);
    }

    @Override
    public int hashCode() {
        return Sequential.sequentialHash(this, new Meter());
    }

    /** At most the first hundred items, so that an infinite sequence can be shown. */
    @Override
    public String toString() {
        return Printer.print(this, true, 100);
    }
}
