package drogulus.logos.eval;

import drogulus.logos.data.LogosError;
import drogulus.logos.data.Symbol;
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
        /** The value of a cell nothing has defined yet; a marker, so reading a bound cell is one load. */
        private static final Object UNBOUND = new Object();

        private final Symbol symbol;
        // Plain fields: the evaluator reads them on every global reference, and one thread evaluates at a time.
        private Object value = UNBOUND;
        private String doc;

        Cell(Symbol symbol) {
            this.symbol = symbol;
        }

        public Symbol symbol() {
            return symbol;
        }

        public boolean isBound() {
            return value != UNBOUND;
        }

        /** The bound value; an unbound cell is an error naming the symbol. */
        public Object get() {
            Object v = value;
            if (v == UNBOUND) {
                throw new LogosError("Unable to resolve symbol: " + symbol.name());
            }
            return v;
        }

        /** Whether the cell holds exactly this value: a check cheap enough to make on every call. */
        boolean holds(Object candidate) {
            return value == candidate;
        }

        public void set(Object newValue) {
            value = newValue;
        }

        public String doc() {
            return doc;
        }

        public void setDoc(String text) {
            doc = text;
        }
    }

    private final ConcurrentHashMap<Symbol, Cell> cells = new ConcurrentHashMap<>();
    private final Namespaces namespaces = new Namespaces();

    public Namespaces namespaces() {
        return namespaces;
    }

    /** The cell a reference to {@code symbol} in the current namespace means (see {@link Namespaces}). */
    public Cell resolve(Symbol symbol) {
        return cell(namespaces.resolve(symbol, this));
    }

    /** Every name code in the current namespace can use for a bound global, aliases included (completion). */
    public java.util.Set<String> visibleNames() {
        return namespaces.visibleNames(this);
    }

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

    /**
     * Removes a global, so code analysed afterwards finds it unbound. A sandbox uses this to drop built-ins
     * that are not on its allow-list before any code runs.
     */
    public void undefine(Symbol symbol) {
        cells.remove(symbol);
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
