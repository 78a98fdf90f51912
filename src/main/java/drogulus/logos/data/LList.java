package drogulus.logos.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An immutable singly linked list. Lists read from source carry the position of their opening parenthesis,
 * which is not part of their value: equality ignores it.
 */
public final class LList implements Iterable<Object> {
    public static final LList EMPTY = new LList(null, null, 0, null);

    private final Object first;
    private final LList rest;
    private final int count;
    private final Position position;
    /** The hash once computed; 0 until then. */
    private int hash;

    private LList(Object first, LList rest, int count, Position position) {
        this.first = first;
        this.rest = rest;
        this.count = count;
        this.position = position;
    }

    public static LList of(Object... items) {
        LList list = EMPTY;
        for (int i = items.length - 1; i >= 0; i--) {
            list = list.cons(items[i]);
        }
        return list;
    }

    public static LList from(Collection<?> items) {
        return of(items.toArray());
    }

    /** A list of the items, built from an iterable in order. */
    public static LList fromIterable(Iterable<?> items) {
        List<Object> buffer = new ArrayList<>();
        for (Object item : items) {
            buffer.add(item);
        }
        return of(buffer.toArray());
    }

    public LList cons(Object item) {
        return new LList(item, this, count + 1, null);
    }

    /** The same list with a source position attached to its head. */
    public LList withPosition(Position where) {
        return count == 0 ? this : new LList(first, rest, count, where);
    }

    public Position position() {
        return position;
    }

    /** The first item, or nil for the empty list. */
    public Object first() {
        return first;
    }

    /** All but the first item; the empty list for the empty list. */
    public LList rest() {
        return count == 0 ? this : rest;
    }

    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public Object nth(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        LList node = this;
        for (int i = 0; i < index; i++) {
            node = node.rest;
        }
        return node.first;
    }

    public Object[] toArray() {
        Object[] out = new Object[count];
        int i = 0;
        for (LList node = this; node.count > 0; node = node.rest) {
            out[i++] = node.first;
        }
        return out;
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private LList node = LList.this;

            @Override
            public boolean hasNext() {
                return node.count > 0;
            }

            @Override
            public Object next() {
                if (node.count == 0) {
                    throw new NoSuchElementException();
                }
                Object item = node.first;
                node = node.rest;
                return item;
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        return Sequential.sequentialEquals(this, other);
    }

    @Override
    public int hashCode() {
        int h = hash;
        return h != 0 ? h : hash(new Meter());
    }

    /** The hash, computed once (charging the walk's meter) and kept: values never change. */
    int hash(Meter meter) {
        int h = hash;
        if (h == 0) {
            h = Sequential.sequentialHash(this, meter);
            hash = h;
        }
        return h;
    }

    int cachedHash() {
        return hash;
    }

    @Override
    public String toString() {
        return Printer.print(this, true);
    }
}
