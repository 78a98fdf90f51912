package drogulus.logos.eval;

import drogulus.logos.data.Keyword;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LVector;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import java.util.List;
import java.util.Map;

/**
 * Binding patterns, as Clojure has them: a symbol binds the whole value; a vector binds by position, with
 * {@code & rest} and {@code :as whole}; a map binds by key, with {@code :keys}, {@code :strs}, {@code :syms},
 * {@code :or} defaults and {@code :as}. Each pattern becomes a list of slot assignments.
 */
final class Destructure {
    private static final Symbol AMPERSAND = Symbol.of("&");
    private static final Keyword AS = Keyword.of("as");
    private static final Keyword OR = Keyword.of("or");
    private static final Keyword KEYS = Keyword.of("keys");
    private static final Keyword STRS = Keyword.of("strs");
    private static final Keyword SYMS = Keyword.of("syms");

    private final Analyzer analyzer;

    Destructure(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Binds a pattern to the value a node computes, adding the assignments to {@code out}. */
    void bind(Object pattern, EvalNode value, Scope scope, List<EvalNode> out) {
        if (pattern instanceof Symbol symbol) {
            checkName(symbol);
            int slot = scope.newSlot();
            out.add(new EvalNodes.Bind(slot, value));
            scope.bind(symbol, new EvalNodes.Local(slot));
            return;
        }
        int slot = scope.newSlot();
        out.add(new EvalNodes.Bind(slot, value));
        unpack(pattern, slot, scope, out);
    }

    /** Binds a pattern to a value already in a slot (a function argument or loop binding). */
    void bindArgument(Object pattern, int slot, Scope scope, List<EvalNode> out) {
        if (pattern instanceof Symbol symbol) {
            checkName(symbol);
            scope.bind(symbol, new EvalNodes.Local(slot));
            return;
        }
        unpack(pattern, slot, scope, out);
    }

    private void checkName(Symbol symbol) {
        if (symbol == AMPERSAND) {
            throw analyzer.error("Bad binding: & must be followed by one name");
        }
        if (symbol.name().length() > 1 && symbol.name().contains("/")) {
            throw analyzer.error("Can't bind a qualified name: " + symbol.name());
        }
    }

    private void unpack(Object pattern, int slot, Scope scope, List<EvalNode> out) {
        EvalNode source = new EvalNodes.Local(slot);
        if (pattern instanceof LVector vector) {
            unpackVector(vector, source, scope, out);
        } else if (pattern instanceof LMap map) {
            unpackMap(map, source, scope, out);
        } else {
            throw analyzer.error("Bad binding form: expected a symbol, vector or map, got "
                + Printer.describe(pattern));
        }
    }

    private void unpackVector(LVector pattern, EvalNode source, Scope scope, List<EvalNode> out) {
        int position = 0;
        for (int i = 0; i < pattern.count(); i++) {
            Object item = pattern.nth(i);
            if (item == AMPERSAND) {
                if (i + 1 >= pattern.count()) {
                    throw analyzer.error("Bad binding: & must be followed by one name in " + pattern);
                }
                bind(pattern.nth(i + 1), new BindingNodes.NthRest(source, position), scope, out);
                i++;
            } else if (item == AS) {
                if (i + 1 >= pattern.count() || !(pattern.nth(i + 1) instanceof Symbol)) {
                    throw analyzer.error("Bad binding: :as must be followed by a name in " + pattern);
                }
                bind(pattern.nth(i + 1), source, scope, out);
                i++;
            } else {
                bind(item, new BindingNodes.Nth(source, position), scope, out);
                position++;
            }
        }
    }

    private void unpackMap(LMap pattern, EvalNode source, Scope scope, List<EvalNode> out) {
        Object defaults = pattern.get(OR);
        if (defaults != null && !(defaults instanceof LMap)) {
            throw analyzer.error("Bad binding: :or expects a map, got " + Printer.describe(defaults));
        }
        LMap or = defaults == null ? LMap.EMPTY : (LMap) defaults;
        for (Map.Entry<Object, Object> entry : pattern) {
            Object key = entry.getKey();
            Object value = entry.getValue();
            if (key == OR) {
                continue;
            }
            if (key == AS) {
                if (!(value instanceof Symbol)) {
                    throw analyzer.error("Bad binding: :as must be followed by a name, got "
                        + Printer.describe(value));
                }
                bind(value, source, scope, out);
            } else if (key == KEYS || key == STRS || key == SYMS) {
                if (!(value instanceof LVector names)) {
                    throw analyzer.error("Bad binding: " + key + " expects a vector of names, got "
                        + Printer.describe(value));
                }
                for (Object name : names) {
                    if (!(name instanceof Symbol symbol)) {
                        throw analyzer.error("Bad binding: " + key + " expects names, got "
                            + Printer.describe(name));
                    }
                    Object lookupKey = key == KEYS ? Keyword.of(symbol.name())
                        : key == STRS ? symbol.name() : symbol;
                    bind(symbol, lookup(source, lookupKey, or.get(symbol), or.containsKey(symbol), scope), scope,
                        out);
                }
            } else {
                EvalNode fallback = key instanceof Symbol s && or.containsKey(s)
                    ? analyzer.analyze(or.get(s), scope, Analyzer.Tail.NONE) : null;
                bind(key, new BindingNodes.Lookup(source, value, fallback), scope, out);
            }
        }
    }

    private EvalNode lookup(EvalNode source, Object key, Object fallbackForm, boolean hasFallback, Scope scope) {
        EvalNode fallback = hasFallback ? analyzer.analyze(fallbackForm, scope, Analyzer.Tail.NONE) : null;
        return new BindingNodes.Lookup(source, key, fallback);
    }
}
