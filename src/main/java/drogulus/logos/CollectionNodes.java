package drogulus.logos;

/** Vector and map literals whose items are computed. */
final class CollectionNodes {
    private CollectionNodes() {
    }

    static final class VectorOf extends Node {
        private final Node[] items;

        VectorOf(Node[] items) {
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

    static final class MapOf extends Node {
        private final Node[] keys;
        private final Node[] values;

        MapOf(Node[] keys, Node[] values, Position position) {
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
