package drogulus.logos.eval;

import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSeq;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Position;
import drogulus.logos.data.Symbol;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns forms into node trees, once: resolves locals to slots and globals to cells, expands macros, checks
 * the shape of special forms and where {@code recur} may appear. Errors name the form and its position.
 */
final class Analyzer {
    /** Whether a form's value is its function's (or loop's) result: tail calls and recur are allowed there. */
    enum Tail {
        /** Not in tail position. */
        NONE,
        /** Tail of a loop body that is not itself in tail position of its function: recur yes, tail calls no. */
        LOOP,
        /** Tail of a function body (or of a top-level form). */
        FN
    }

    private static final int MAX_EXPANSIONS = 10_000;

    private final Interp interp;
    private final SpecialForms specials;
    private final Destructure destructure;
    private Position current;
    /** EvalNodes analysed so far; a body's share is the steps one run of it is charged. */
    private int analysed;
    /** The innermost loop being analysed in the current function, whose tail positions are its result. */
    private LoopOwnership ownedLoop;
    /** The accumulator of the function arity being analysed, when it has a candidate one; null otherwise. */
    private AccumulatorOwnership ownedAccumulator;

    Analyzer(Interp interp) {
        this.interp = interp;
        this.specials = new SpecialForms(this, interp);
        this.destructure = new Destructure(this);
    }

    Destructure destructure() {
        return destructure;
    }

    Position current() {
        return current;
    }

    Budget budget() {
        return interp.budget();
    }

    LogosError error(String message) {
        return new LogosError(message, current);
    }

    int analysedCount() {
        return analysed;
    }

    LoopOwnership ownedLoop() {
        return ownedLoop;
    }

    void setOwnedLoop(LoopOwnership ownership) {
        ownedLoop = ownership;
    }

    AccumulatorOwnership ownedAccumulator() {
        return ownedAccumulator;
    }

    void setOwnedAccumulator(AccumulatorOwnership ownership) {
        ownedAccumulator = ownership;
    }

    /**
     * Runs {@code work}, which analyses other top-level code (a library definition loaded on first use), as if
     * it were not there: the position, the count of nodes a body is charged by and the loop and accumulator
     * being analysed are the outer code's again afterwards.
     */
    void aside(Runnable work) {
        Position savedCurrent = current;
        int savedAnalysed = analysed;
        LoopOwnership savedLoop = ownedLoop;
        AccumulatorOwnership savedAccumulator = ownedAccumulator;
        ownedLoop = null;
        ownedAccumulator = null;
        try {
            work.run();
        } finally {
            current = savedCurrent;
            analysed = savedAnalysed;
            ownedLoop = savedLoop;
            ownedAccumulator = savedAccumulator;
        }
    }

    EvalNode analyze(Object form, Scope scope, Tail tail) {
        if (form instanceof LSeq seq) {
            // Code a macro or eval builds with map, concat ... is a call, as it would be as a list.
            return analyze(LList.fromIterable(seq), scope, tail);
        }
        analysed++;
        // Code that shares structure is analysed once per occurrence: charge each, so eval of such code stops.
        interp.budget().steps(1);
        if (form instanceof Symbol symbol) {
            EvalNode node = symbol(symbol, scope);
            if (tail != Tail.NONE && ownedLoop != null) {
                ownedLoop.returned(node);
            }
            if (tail == Tail.FN && ownedAccumulator != null) {
                ownedAccumulator.returned(node);
            }
            return node;
        }
        if (form instanceof LList list) {
            if (list.isEmpty()) {
                return new EvalNodes.Constant(list);
            }
            Position saved = current;
            if (list.position() != null) {
                current = list.position();
            }
            try {
                return list(list, scope, tail);
            } finally {
                current = saved;
            }
        }
        if (form instanceof LVector vector) {
            return vector(vector, scope);
        }
        if (form instanceof LMap map) {
            return map(map, scope);
        }
        if (form instanceof LSet set) {
            EvalNode[] items = analyzeAll(set, scope);
            EvalNode node = new CollectionNodes.SetOf(items, current);
            return allConstant(items) ? new EvalNodes.Constant(node.eval(null)) : node;
        }
        return new EvalNodes.Constant(form);
    }

    EvalNode[] analyzeAll(Iterable<Object> forms, Scope scope) {
        List<EvalNode> nodes = new ArrayList<>();
        for (Object form : forms) {
            nodes.add(analyze(form, scope, Tail.NONE));
        }
        return nodes.toArray(new EvalNode[0]);
    }

    /** A body of forms: all but the last for effect, the last in the given tail position. */
    EvalNode body(LList forms, Scope scope, Tail tail) {
        if (forms.isEmpty()) {
            return new EvalNodes.Constant(null);
        }
        if (forms.count() == 1) {
            return analyze(forms.first(), scope, tail);
        }
        EvalNode[] nodes = new EvalNode[forms.count()];
        int i = 0;
        for (LList rest = forms; !rest.isEmpty(); rest = rest.rest()) {
            nodes[i] = analyze(rest.first(), scope, rest.count() == 1 ? tail : Tail.NONE);
            i++;
        }
        return new EvalNodes.Do(nodes);
    }

    private EvalNode symbol(Symbol symbol, Scope scope) {
        EvalNode local = scope.resolve(symbol);
        if (local != null) {
            return local;
        }
        try {
            return new EvalNodes.Global(interp.globals().resolve(symbol), current);
        } catch (LogosError e) {
            throw e.at(current);
        }
    }

    private EvalNode vector(LVector vector, Scope scope) {
        EvalNode[] items = analyzeAll(vector, scope);
        if (allConstant(items)) {
            return new EvalNodes.Constant(new CollectionNodes.VectorOf(items).eval(null));
        }
        return new CollectionNodes.VectorOf(items);
    }

    private EvalNode map(LMap map, Scope scope) {
        EvalNode[] keys = analyzeAll(map.keys(), scope);
        EvalNode[] values = analyzeAll(map.vals(), scope);
        EvalNode node = new CollectionNodes.MapOf(keys, values, current);
        return allConstant(keys) && allConstant(values) ? new EvalNodes.Constant(node.eval(null)) : node;
    }

    private static boolean allConstant(EvalNode[] nodes) {
        for (EvalNode node : nodes) {
            if (!(node instanceof EvalNodes.Constant)) {
                return false;
            }
        }
        return true;
    }

    private EvalNode list(LList list, Scope scope, Tail tail) {
        Object head = list.first();
        int expansions = 0;
        while (head instanceof Symbol symbol && !scope.isLocal(symbol)) {
            if (specials.isSpecial(symbol)) {
                return specials.analyze(symbol, list, scope, tail);
            }
            Macro macro = macroNamed(symbol);
            if (macro == null) {
                break;
            }
            if (++expansions > MAX_EXPANSIONS) {
                throw error("Macro expansion of " + symbol.name() + " does not end (over " + MAX_EXPANSIONS
                    + " expansions)");
            }
            Object expanded = expand(macro, list);
            if (expanded instanceof LSeq seq) {
                expanded = LList.fromIterable(seq);
            }
            if (!(expanded instanceof LList expandedList) || expandedList.isEmpty()) {
                return analyze(expanded, scope, tail);
            }
            list = expandedList.position() == null ? expandedList.withPosition(current) : expandedList;
            if (list.position() != null) {
                current = list.position();
            }
            head = list.first();
        }
        EvalNode fn = analyze(head, scope, Tail.NONE);
        EvalNode[] args = analyzeAll(list.rest(), scope);
        String label = head instanceof Symbol s ? s.name() : "fn";
        EvalNode call = CallNode.of(fn, args, tail == Tail.FN, label, current);
        if (ownedAccumulator == null) {
            return call;
        }
        return tail == Tail.FN ? ownedAccumulator.tailCall(call) : ownedAccumulator.call(call);
    }

    Macro macroNamed(Symbol symbol) {
        Globals globals = interp.globals();
        Globals.Cell cell;
        try {
            cell = globals.find(globals.namespaces().resolve(symbol, globals));
        } catch (LogosError e) {
            throw e.at(current);
        }
        if (cell != null && cell.isBound() && cell.get() instanceof Macro macro) {
            return macro;
        }
        return null;
    }

    /** Calls a macro's expander with the unevaluated argument forms. */
    Object expand(Macro macro, LList form) {
        try {
            return macro.expander.invoke(form.rest().toArray());
        } catch (LimitExceeded e) {
            throw e;
        } catch (LogosError e) {
            e.at(current);
            e.addFrame("expanding macro " + macro.name() + " (" + current + ")");
            throw e;
        } catch (RuntimeException e) {
            throw Errors.fromJava(e).at(current);
        }
    }
}
