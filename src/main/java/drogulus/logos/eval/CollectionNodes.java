package drogulus.logos.eval;

import drogulus.logos.data.LMap;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Position;
import drogulus.logos.data.Printer;

/** Vector, map and set literals whose items are computed. */
final class CollectionNodes {
    private CollectionNodes() {
    }

    static final class VectorOf extends EvalNode {
        final EvalNode[] items;

        VectorOf(EvalNode[] items) {
            super(null);
            this.items = items;
        }

        @Override
        Object eval(Frame frame) {
            Object[] values = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                values[i] = items[i].eval(frame);
            }
            return LVector.of(values);
        }
    }

    static final class SetOf extends EvalNode {
        private final EvalNode[] items;

        SetOf(EvalNode[] items, Position position) {
            super(position);
            this.items = items;
        }

        @Override
        Object eval(Frame frame) {
            LSet set = LSet.EMPTY;
            for (EvalNode node : items) {
                Object item = node.eval(frame);
                if (set.contains(item)) {
                    throw new LogosError("Duplicate item in set literal: " + Printer.print(item, true), position);
                }
                set = set.conj(item);
            }
            return set;
        }
    }

    static final class MapOf extends EvalNode {
        final EvalNode[] keys;
        final EvalNode[] values;
        /** Whether every key is a constant and no two are equal: the literal then needs no check when it runs. */
        final boolean distinctConstantKeys;

        MapOf(EvalNode[] keys, EvalNode[] values, Position position) {
            super(position);
            this.keys = keys;
            this.values = values;
            this.distinctConstantKeys = distinctConstants(keys);
        }

        private static boolean distinctConstants(EvalNode[] keys) {
            java.util.Set<Object> seen = new java.util.HashSet<>();
            for (EvalNode key : keys) {
                // Keys equal as Logos values are equal as Java objects, with equal hashes (LMap relies on it too).
                if (!(key instanceof EvalNodes.Constant constant) || !seen.add(constant.eval(null))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        Object eval(Frame frame) {
            if (distinctConstantKeys) {
                Object[] pairs = new Object[2 * keys.length];
                for (int i = 0; i < keys.length; i++) {
                    pairs[2 * i] = keys[i].eval(frame);
                    pairs[2 * i + 1] = values[i].eval(frame);
                }
                return LMap.ofDistinctPairs(pairs);
            }
            LMap map = LMap.EMPTY;
            for (int i = 0; i < keys.length; i++) {
                Object key = keys[i].eval(frame);
                if (map.containsKey(key)) {
                    throw new LogosError("Duplicate key in map literal: " + Printer.print(key, true), position);
                }
                map = map.assoc(key, values[i].eval(frame));
            }
            return map;
        }
    }
}
