package drogulus.logos;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The global bindings of one environment. Code refers to a global through its {@link Cell}, found once when
 * the code is analysed; {@code def} fills or replaces the cell's value, so callers see redefinitions and a
 * function may use a global defined after it. A sandbox gets its own {@code Globals}.
 */
public final class Globals {
    /** One global binding; unbound until defined. */
    public static final class Cell {
        private final Symbol symbol;
        private volatile Object value;
        private volatile boolean bound;
        private volatile String doc;

        Cell(Symbol symbol) {
            this.symbol = symbol;
        }

        public Symbol symbol() {
            return symbol;
        }

        public boolean isBound() {
            return bound;
        }

        /** The bound value; an unbound cell is an error naming the symbol. */
        public Object get() {
            if (!bound) {
                throw new LogosError("Unable to resolve symbol: " + symbol.name());
            }
            return value;
        }

        public void set(Object newValue) {
            value = newValue;
            bound = true;
        }

        public String doc() {
            return doc;
        }

        public void setDoc(String text) {
            doc = text;
        }
    }

    private final ConcurrentHashMap<Symbol, Cell> cells = new ConcurrentHashMap<>();

    /** The cell for a symbol, created unbound if new. */
    public Cell cell(Symbol symbol) {
        return cells.computeIfAbsent(symbol, Cell::new);
    }

    /** The cell for a symbol if it exists, bound or not; null otherwise. */
    public Cell find(Symbol symbol) {
        return cells.get(symbol);
    }

    public void define(String name, Object value) {
        cell(Symbol.of(name)).set(value);
    }

    /** Binds a built-in under its own name, with its docstring. */
    public void define(Builtin builtin) {
        Cell cell = cell(Symbol.of(builtin.name()));
        cell.set(builtin);
        cell.setDoc(builtin.doc());
    }

    /** Every bound global, sorted by name (for completion and {@code doc}). */
    public Map<String, Object> bound() {
        Map<String, Object> out = new TreeMap<>();
        for (Cell cell : cells.values()) {
            if (cell.isBound()) {
                out.put(cell.symbol().name(), cell.value);
            }
        }
        return out;
    }
}
