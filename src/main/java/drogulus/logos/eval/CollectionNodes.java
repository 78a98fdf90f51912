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
        private final EvalNode[] items;

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
        private final EvalNode[] keys;
        private final EvalNode[] values;

        MapOf(EvalNode[] keys, EvalNode[] values, Position position) {
            super(position);
            this.keys = keys;
            this.values = values;
        }

        @Override
        Object eval(Frame frame) {
            if (keys.length <= LMap.SMALL) {
                return small(frame);
            }
            LMap map = LMap.EMPTY;
            for (int i = 0; i < keys.length; i++) {
                Object key = keys[i].eval(frame);
                if (map.containsKey(key)) {
                    throw duplicate(key);
                }
                map = map.assoc(key, values[i].eval(frame));
            }
            return map;
        }

        /** A small literal's map made from one array, not one assoc (and one copy) per key. */
        private LMap small(Frame frame) {
            Object[] pairs = new Object[2 * keys.length];
            for (int i = 0; i < keys.length; i++) {
                Object key = keys[i].eval(frame);
                if (LMap.hasKey(pairs, i, key)) {
                    throw duplicate(key);
                }
                pairs[2 * i] = key;
                pairs[2 * i + 1] = values[i].eval(frame);
            }
            return LMap.ofDistinctPairs(pairs);
        }

        private LogosError duplicate(Object key) {
            return new LogosError("Duplicate key in map literal: " + Printer.print(key, true), position);
        }
    }
}
