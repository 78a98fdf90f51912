package drogulus.logos.eval;

import drogulus.logos.data.Gensym;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Position;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Seqable;
import drogulus.logos.data.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Syntax-quote templates: {@code `(a ~b ~@c)}. Builds nodes that construct the form at run time; a symbol
 * ending in {@code #} becomes the same fresh symbol everywhere in one template, for hygienic macros.
 */
final class Quasiquote {
    private static final Symbol UNQUOTE = Symbol.of("unquote");
    private static final Symbol SPLICE = Symbol.of("splice-unquote");

    private final Analyzer analyzer;
    private final Scope scope;
    private final Map<Symbol, Symbol> gensyms = new HashMap<>();

    Quasiquote(Analyzer analyzer, Scope scope) {
        this.analyzer = analyzer;
        this.scope = scope;
    }

    EvalNode template(Object form) {
        if (form instanceof Symbol symbol) {
            String name = symbol.name();
            if (name.length() > 1 && name.endsWith("#")) {
                return new EvalNodes.Constant(gensyms.computeIfAbsent(symbol,
                    s -> Gensym.next(name.substring(0, name.length() - 1))));
            }
            return new EvalNodes.Constant(symbol);
        }
        if (form instanceof LList list && !list.isEmpty()) {
            if (list.first() == UNQUOTE) {
                return analyzer.analyze(operand(list), scope, Analyzer.Tail.NONE);
            }
            if (list.first() == SPLICE) {
                throw analyzer.error("splice-unquote (~@) used outside a list or vector");
            }
            return sequence(list, false);
        }
        if (form instanceof LVector vector) {
            return sequence(vector, true);
        }
        if (form instanceof LSet set) {
            List<EvalNode> items = new ArrayList<>();
            for (Object item : set) {
                items.add(template(item));
            }
            return new CollectionNodes.SetOf(items.toArray(new EvalNode[0]), analyzer.current());
        }
        if (form instanceof LMap map) {
            List<EvalNode> keys = new ArrayList<>();
            List<EvalNode> values = new ArrayList<>();
            for (Map.Entry<Object, Object> entry : map) {
                keys.add(template(entry.getKey()));
                values.add(template(entry.getValue()));
            }
            return new CollectionNodes.MapOf(keys.toArray(new EvalNode[0]), values.toArray(new EvalNode[0]),
                analyzer.current());
        }
        return new EvalNodes.Constant(form);
    }

    private Object operand(LList list) {
        if (list.count() != 2) {
            throw analyzer.error(((Symbol) list.first()).name() + " expects one form");
        }
        return list.rest().first();
    }

    private EvalNode sequence(Iterable<Object> items, boolean vector) {
        List<EvalNode> parts = new ArrayList<>();
        List<Boolean> spliced = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof LList inner && !inner.isEmpty() && inner.first() == SPLICE) {
                parts.add(analyzer.analyze(operand(inner), scope, Analyzer.Tail.NONE));
                spliced.add(true);
            } else {
                parts.add(template(item));
                spliced.add(false);
            }
        }
        boolean[] splice = new boolean[spliced.size()];
        for (int i = 0; i < splice.length; i++) {
            splice[i] = spliced.get(i);
        }
        return new Build(parts.toArray(new EvalNode[0]), splice, vector, analyzer.budget(), analyzer.current());
    }

    /** Builds a list or vector from parts, splicing the marked ones. */
    static final class Build extends EvalNode {
        private final EvalNode[] parts;
        private final boolean[] splice;
        private final boolean vector;
        private final Budget budget;

        Build(EvalNode[] parts, boolean[] splice, boolean vector, Budget budget, Position position) {
            super(position);
            this.parts = parts;
            this.splice = splice;
            this.vector = vector;
            this.budget = budget;
        }

        @Override
        Object eval(Frame frame) {
            List<Object> out = new ArrayList<>();
            budget.allocate(32 + 16L * parts.length);
            for (int i = 0; i < parts.length; i++) {
                Object value = parts[i].eval(frame);
                if (splice[i]) {
                    if (!Seqable.isSeqable(value)) {
                        throw new LogosError("~@ expects a collection, got " + Printer.describe(value), position);
                    }
                    // Charged before copying, so doubling a list by splicing it twice meets the memory limit.
                    int count = Seqable.count(value);
                    budget.allocate(16L * count);
                    budget.steps(count / 16);
                    for (Object item : Seqable.items("~@", value)) {
                        out.add(item);
                    }
                } else {
                    out.add(value);
                }
            }
            return vector ? LVector.from(out) : LList.from(out);
        }
    }
}
