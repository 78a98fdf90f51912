package drogulus.logos.data;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Equality and hashing of values, charged as they walk. Lists, vectors and lazy sequences are equal when they
 * hold equal items in order; maps when they hold equal entries; sets when they hold equal items. Collections
 * cache their hash, so a value that shares structure (a vector holding one vector twice, and so on down) is hashed
 * once per distinct part, and two collections whose cached hashes differ are unequal without a walk.
 */
final class Sequential {
    /** Stands in for a computed hash of 0, which marks a hash not computed yet. */
    private static final int ZERO_HASH = 0x9e3779b9;

    private Sequential() {
    }

    static boolean isSequential(Object value) {
        return value instanceof LList || value instanceof LVector || value instanceof LSeq;
    }

    static int count(Object sequential) {
        return sequential instanceof LList list ? list.count() : ((LVector) sequential).count();
    }

    /** The hash already computed for a collection, or 0. */
    private static int cachedHash(Object value) {
        if (value instanceof LVector vector) {
            return vector.cachedHash();
        } else if (value instanceof LList list) {
            return list.cachedHash();
        } else if (value instanceof LMap map) {
            return map.cachedHash();
        } else if (value instanceof LSet set) {
            return set.cachedHash();
        }
        return 0;
    }

    static boolean equiv(Object a, Object b, Meter meter) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (isSequential(a)) {
            return isSequential(b) && sequentialEquiv(a, b, meter);
        }
        if (a instanceof LMap map) {
            return b instanceof LMap other && mapEquiv(map, other, meter);
        }
        if (a instanceof LSet set) {
            return b instanceof LSet other && setEquiv(set, other, meter);
        }
        meter.step();
        return a.equals(b);
    }

    private static boolean hashesDiffer(Object a, Object b) {
        int mine = cachedHash(a);
        int theirs = cachedHash(b);
        return mine != 0 && theirs != 0 && mine != theirs;
    }

    @SuppressWarnings("unchecked")
    private static boolean sequentialEquiv(Object a, Object b, Meter meter) {
        // A lazy sequence has no count until walked: walk both and compare lengths at the end.
        boolean lazy = a instanceof LSeq || b instanceof LSeq;
        if (!lazy && (count(a) != count(b) || hashesDiffer(a, b))) {
            return false;
        }
        Iterator<Object> theirs = ((Iterable<Object>) b).iterator();
        for (Object mine : (Iterable<Object>) a) {
            meter.step();
            if (!theirs.hasNext() || !equiv(mine, theirs.next(), meter)) {
                return false;
            }
        }
        return !theirs.hasNext();
    }

    private static boolean mapEquiv(LMap a, LMap b, Meter meter) {
        if (a.count() != b.count() || hashesDiffer(a, b)) {
            return false;
        }
        Object missing = new Object();
        for (Map.Entry<Object, Object> entry : a) {
            meter.step();
            Object theirs = b.get(entry.getKey(), missing);
            if (theirs == missing || !equiv(entry.getValue(), theirs, meter)) {
                return false;
            }
        }
        return true;
    }

    private static boolean setEquiv(LSet a, LSet b, Meter meter) {
        if (a.count() != b.count() || hashesDiffer(a, b)) {
            return false;
        }
        for (Object item : a) {
            meter.step();
            if (!b.contains(item)) {
                return false;
            }
        }
        return true;
    }

    static boolean sequentialEquals(Object self, Object other) {
        return self == other || (isSequential(other) && equiv(self, other, new Meter()));
    }

    /** The hash of any value, computing (and caching) collections' hashes with the walk's meter. */
    static int hash(Object value, Meter meter) {
        if (value instanceof LVector vector) {
            return vector.hash(meter);
        } else if (value instanceof LList list) {
            return list.hash(meter);
        } else if (value instanceof LMap map) {
            return map.hash(meter);
        } else if (value instanceof LSet set) {
            return set.hash(meter);
        }
        meter.step();
        return Objects.hashCode(value);
    }

    /** The hash of a list's or vector's items in order; never 0, which means "not computed". */
    static int sequentialHash(Iterable<Object> self, Meter meter) {
        int hash = 1;
        for (Object item : self) {
            meter.step();
            hash = 31 * hash + hash(item, meter);
        }
        return hash == 0 ? ZERO_HASH : hash;
    }

    /** A sum over entries, so it does not depend on the order or shape the map happens to have; never 0. */
    static int mapHash(LMap map, Meter meter) {
        int hash = 0;
        for (Map.Entry<Object, Object> entry : map) {
            meter.step();
            hash += hash(entry.getKey(), meter) ^ hash(entry.getValue(), meter);
        }
        return hash == 0 ? ZERO_HASH : hash;
    }

    /** A sum over the items, so it does not depend on their order; never 0. */
    static int setHash(LSet set, Meter meter) {
        int hash = 0;
        for (Object item : set) {
            meter.step();
            hash += hash(item, meter);
        }
        return hash == 0 ? ZERO_HASH : hash;
    }
}
