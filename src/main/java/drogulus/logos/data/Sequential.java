package drogulus.logos.data;

import java.util.Iterator;
import java.util.Objects;

/** Equality and hashing shared by lists and vectors, which are equal when they hold equal items in order. */
final class Sequential {
    private Sequential() {
    }

    static boolean isSequential(Object value) {
        return value instanceof LList || value instanceof LVector;
    }

    static int count(Object sequential) {
        return sequential instanceof LList list ? list.count() : ((LVector) sequential).count();
    }

    static boolean sequentialEquals(Iterable<Object> self, Object other) {
        if (self == other) {
            return true;
        }
        if (!isSequential(other) || count(self) != count(other)) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Iterator<Object> theirs = ((Iterable<Object>) other).iterator();
        for (Object mine : self) {
            if (!Objects.equals(mine, theirs.next())) {
                return false;
            }
        }
        return true;
    }

    static int sequentialHash(Iterable<Object> self) {
        int hash = 1;
        for (Object item : self) {
            hash = 31 * hash + Objects.hashCode(item);
        }
        return hash;
    }
}
