package drogulus.logos.eval;

import drogulus.logos.data.LList;
import drogulus.logos.data.LVector;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code fn} special form: checks its arities and analyses each one's parameters, destructuring and body
 * into an {@link Arity}, with the recur target and the ownership analyses a function body needs.
 */
final class FnForms {
    private static final Symbol AMPERSAND = Symbol.of("&");

    private final Analyzer analyzer;
    private final Interp interp;

    FnForms(Analyzer analyzer, Interp interp) {
        this.analyzer = analyzer;
        this.interp = interp;
    }

    /** {@code (fn name? [params] body...)} or {@code (fn name? ([params] body...) ...)}. */
    EvalNode fn(LList form, Scope outer, String displayName, String doc) {
        LList rest = form.rest();
        Symbol selfName = null;
        if (rest.first() instanceof Symbol s) {
            selfName = s;
            rest = rest.rest();
        }
        String docstring = doc;
        if (rest.first() instanceof String s && rest.count() > 1) {
            docstring = s;
            rest = rest.rest();
        }
        List<LList> clauses = new ArrayList<>();
        if (rest.first() instanceof LVector) {
            clauses.add(rest);
        } else if (rest.first() instanceof LList) {
            for (Object clause : rest) {
                if (!(clause instanceof LList c) || !(c.first() instanceof LVector)) {
                    throw analyzer.error("Bad fn: each arity must be a list starting with a parameter vector, got "
                        + Printer.describe(clause));
                }
                clauses.add(c);
            }
        } else {
            throw analyzer.error("Bad fn: expected a parameter vector, got " + Printer.describe(rest.first()));
        }
        Scope scope = new Scope(outer);
        String name = selfName != null ? selfName.name() : displayName;
        Arity[] arities = new Arity[clauses.size()];
        for (int i = 0; i < arities.length; i++) {
            arities[i] = arity(clauses.get(i), scope, selfName);
        }
        checkArities(arities);
        return new FnNode(name, arities, scope.captureSources(), interp, docstring);
    }

    private void checkArities(Arity[] arities) {
        int variadic = 0;
        for (int i = 0; i < arities.length; i++) {
            if (arities[i].variadic) {
                variadic++;
            }
            for (int j = 0; j < i; j++) {
                if (arities[i].required == arities[j].required && arities[i].variadic == arities[j].variadic) {
                    throw analyzer.error("Bad fn: two arities take " + arities[i].required + " arguments");
                }
            }
        }
        if (variadic > 1) {
            throw analyzer.error("Bad fn: only one arity may be variadic");
        }
    }

    private Arity arity(LList clause, Scope scope, Symbol selfName) {
        LVector params = (LVector) clause.first();
        int mark = scope.mark();
        Scope.RecurTarget savedRecur = scope.recur;
        LoopOwnership savedOwnership = analyzer.ownedLoop();
        AccumulatorOwnership savedAccumulator = analyzer.ownedAccumulator();
        analyzer.setOwnedLoop(null);
        analyzer.setOwnedAccumulator(null);
        scope.startArity();
        try {
            if (selfName != null) {
                scope.bind(selfName, new EvalNodes.Self());
            }
            List<Object> fixed = new ArrayList<>();
            Object restPattern = null;
            boolean variadic = false;
            for (int i = 0; i < params.count(); i++) {
                Object p = params.nth(i);
                if (p == AMPERSAND) {
                    if (i != params.count() - 2) {
                        throw analyzer.error("Bad parameters " + Printer.print(params, true)
                            + ": & must be followed by exactly one parameter");
                    }
                    variadic = true;
                    restPattern = params.nth(i + 1);
                    break;
                }
                fixed.add(p);
            }
            // Arguments occupy the first slots; destructured ones are unpacked from there by the body's first nodes.
            int count = fixed.size() + (variadic ? 1 : 0);
            int[] argSlots = new int[count];
            for (int i = 0; i < count; i++) {
                argSlots[i] = scope.newSlot();
            }
            List<EvalNode> unpack = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Object pattern = i < fixed.size() ? fixed.get(i) : restPattern;
                analyzer.destructure().bindArgument(pattern, argSlots[i], scope, unpack);
            }
            scope.recur = Scope.RecurTarget.fn(count, variadic);
            AccumulatorOwnership accumulator = accumulatorOf(fixed, variadic, argSlots, scope);
            analyzer.setOwnedAccumulator(accumulator);
            int before = analyzer.analysedCount();
            EvalNode body = analyzer.body(clause.rest(), scope, Analyzer.Tail.FN);
            if (!unpack.isEmpty()) {
                body = new BindingNodes.Let(unpack.toArray(new EvalNode[0]), body);
            }
            int weight = Math.max(1, analyzer.analysedCount() - before + unpack.size());
            boolean owns = accumulator != null && accumulator.finish(scope);
            return new Arity(fixed.size(), variadic, scope.frameSize(), body, weight, params, owns);
        } finally {
            scope.reset(mark);
            scope.recur = savedRecur;
            analyzer.setOwnedLoop(savedOwnership);
            analyzer.setOwnedAccumulator(savedAccumulator);
        }
    }

    /**
     * The ownership analysis of a reducing function's accumulator, when the arity takes the two or three fixed
     * arguments reduce and reduce-kv pass and names its first plainly; null otherwise.
     */
    private AccumulatorOwnership accumulatorOf(List<Object> fixed, boolean variadic, int[] argSlots, Scope scope) {
        if (variadic || fixed.size() < 2 || fixed.size() > 3 || !(fixed.get(0) instanceof Symbol name)) {
            return null;
        }
        // A name bound twice refers to its last binding; only a name that reads the first slot is the accumulator.
        if (scope.boundHere(name) instanceof EvalNodes.Local local && local.slot == argSlots[0]) {
            return new AccumulatorOwnership(local, interp);
        }
        return null;
    }
}
