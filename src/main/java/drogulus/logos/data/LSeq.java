package drogulus.logos.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * A sequence cell that may not be computed yet: a lazy sequence ({@code lazy-seq}, {@code map}, {@code range} ...)
 * or a cell made by {@code cons}. Until first asked for, it holds a thunk; realising runs the thunk once and keeps
 * what it gave: nothing (the empty sequence), or a first item and the rest, which is another cell or a list.
 * Prints, compares and hashes as a list of its items. Belongs to the interpreter that made it: realising is not
 * synchronised, and what the thunk charges goes to that interpreter's budget.
 */
public final class LSeq implements Iterable<Object> {
    private Supplier<Object> thunk;
    private boolean empty;
    private Object first;
    /** An LSeq or an LList (possibly empty) once realised and not empty. */
    private Object rest;

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

    /** Realised cells of items[0..n) followed by tail (nil, a list or an LSeq); tail itself when n is 0. */
    public static Object chain(Object[] items, int n, Object tail) {
        Object next = asSeq(tail);
        for (int i = n - 1; i >= 0; i--) {
            LSeq cell = new LSeq(null);
            cell.first = items[i];
            cell.rest = next;
            next = cell;
        }
        return next;
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
            empty = cell.empty;
            first = cell.first;
            rest = cell.rest;
        } else {
            LList list = (LList) seq;
            empty = list.isEmpty();
            first = list.first();
            rest = list.rest();
        }
    }

    /** Whether there are no items; realises the first cell. */
    public boolean isEmpty() {
        realise();
        return empty;
    }

    /** The first item, or nil when empty. */
    public Object first() {
        realise();
        return first;
    }

    /** The items after the first as an LSeq or a list; the empty list when there are none. */
    public Object more() {
        realise();
        return empty ? LList.EMPTY : rest;
    }

    /** Whether the cell after this one is already computed (or there is none), so walking on costs no work. */
    public boolean restIsRealized() {
        Object after = more();
        return !(after instanceof LSeq cell) || cell.isRealized();
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
                cell.realise();
                if (cell.empty) {
                    return n;
                }
                at = cell.rest;
                cell = null;
            } else {
                LList list = (LList) at;
                return n + list.count();
            }
            n++;
        }
    }

    @Override
    public Iterator<Object> iterator() {
        return new Walker(this);
    }

    /**
     * Walks the cells from a start one. Static, holding only the cell it is at: an iterator that kept the cell it
     * started from would keep every cell it has passed alive, so counting or reducing a long lazy sequence would
     * hold all of it in memory at once.
     */
    private static final class Walker implements Iterator<Object> {
        private Object at;

        Walker(Object start) {
            at = start;
        }

        @Override
        public boolean hasNext() {
            if (at instanceof LSeq cell) {
                return !cell.isEmpty();
            }
            return !((LList) at).isEmpty();
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
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
