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
    /** Library definitions not loaded yet (see {@link LazyDefinitions}); null when there are none. */
    private LazyDefinitions lazy;

    void addLazy(LazyDefinitions definitions) {
        if (lazy != null) {
            lazy.loadAll();
        }
        lazy = definitions;
    }

    public Namespaces namespaces() {
        return namespaces;
    }

    /** The cell a reference to {@code symbol} in the current namespace means (see {@link Namespaces}). */
    public Cell resolve(Symbol symbol) {
        Symbol target = namespaces.resolve(symbol, this);
        if (lazy != null) {
            find(target);
        }
        return cell(target);
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
        Cell cell = cells.get(symbol);
        if (lazy != null && (cell == null || !cell.isBound()) && lazy.load(symbol)) {
            cell = cells.get(symbol);
        }
        return cell;
    }

    /**
     * The cell a {@code def} of {@code symbol} fills. Redefining a library definition not loaded yet, or a macro
     * (which library code still to be loaded would expand), loads the rest of the library first, as it would
     * have been had it all been loaded at start.
     */
    Cell toDefine(Symbol symbol) {
        if (lazy != null) {
            Cell cell = cells.get(symbol);
            if (lazy.isPending(symbol) || (cell != null && cell.isBound() && cell.value instanceof Macro)) {
                lazy.loadAll();
            }
        }
        return cell(symbol);
    }

    public void define(String name, Object value) {
        Symbol symbol = Symbol.of(name);
        if (lazy != null) {
            lazy.forget(symbol);
        }
        cell(symbol).set(value);
    }

    /**
     * Removes a global, so code analysed afterwards finds it unbound. A sandbox uses this to drop built-ins
     * that are not on its allow-list before any code runs.
     */
    public void undefine(Symbol symbol) {
        if (lazy != null) {
            lazy.forget(symbol);
        }
        cells.remove(symbol);
    }

    /** Binds a built-in under its own name, with its docstring. */
    public void define(Builtin builtin) {
        if (lazy != null) {
            lazy.forget(Symbol.of(builtin.name()));
        }
        Cell cell = cell(Symbol.of(builtin.name()));
        cell.set(builtin);
        cell.setDoc(builtin.doc());
    }

    /**
     * Whether some global's name starts with {@code prefix} ("string/"), counting library definitions not loaded
     * yet, without loading them.
     */
    public boolean definesUnder(String prefix) {
        for (Cell cell : cells.values()) {
            if (cell.isBound() && cell.symbol().name().startsWith(prefix)) {
                return true;
            }
        }
        return lazy != null && lazy.definesUnder(prefix);
    }

    /** Every bound global, sorted by name (for completion and {@code doc}). */
    public Map<String, Object> bound() {
        if (lazy != null) {
            lazy.loadAll();
        }
        Map<String, Object> out = new TreeMap<>();
        for (Cell cell : cells.values()) {
            if (cell.isBound()) {
                out.put(cell.symbol().name(), cell.value);
            }
        }
        return out;
    }
}
