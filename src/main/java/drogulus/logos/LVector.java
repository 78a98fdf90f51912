package drogulus.logos;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** An immutable vector: indexed access, and {@code conj} adds at the end. */
public final class LVector implements Iterable<Object> {
    public static final LVector EMPTY = new LVector(new Object[0]);

    private final Object[] items;

    private LVector(Object[] items) {
        this.items = items;
    }

    public static LVector of(Object... items) {
        return items.length == 0 ? EMPTY : new LVector(items.clone());
    }

    public static LVector from(Collection<?> items) {
        return items.isEmpty() ? EMPTY : new LVector(items.toArray());
    }

    public int count() {
        return items.length;
    }

    public boolean isEmpty() {
        return items.length == 0;
    }

    public Object nth(int index) {
        if (index < 0 || index >= items.length) {
            throw new IndexOutOfBoundsException(index);
        }
        return items[index];
    }

    public LVector conj(Object item) {
        Object[] grown = Arrays.copyOf(items, items.length + 1);
        grown[items.length] = item;
        return new LVector(grown);
    }

    public LVector assocN(int index, Object item) {
        if (index == items.length) {
            return conj(item);
        }
        if (index < 0 || index > items.length) {
            throw new IndexOutOfBoundsException(index);
        }
        Object[] copy = items.clone();
        copy[index] = item;
        return new LVector(copy);
    }

    /** All but the last item. */
    public LVector pop() {
        if (items.length == 0) {
            throw new IllegalStateException("Can't pop an empty vector");
        }
        return new LVector(Arrays.copyOf(items, items.length - 1));
    }

    public Object[] toArray() {
        return items.clone();
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < items.length;
            }

            @Override
            public Object next() {
                if (next >= items.length) {
                    throw new NoSuchElementException();
                }
                return items[next++];
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        return Sequences.sequentialEquals(this, other);
    }

    @Override
    public int hashCode() {
        return Sequences.sequentialHash(this);
    }

    @Override
    public String toString() {
        return Printer.print(this, true);
    }
}
