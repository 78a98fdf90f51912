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
