package drogulus.logos.eval;

import drogulus.logos.data.Keyword;
import drogulus.logos.data.LList;
import drogulus.logos.data.LVector;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The special forms: each checks its shape and builds its node. */
final class SpecialForms {
    private static final Set<String> NAMES = Set.of("def", "fn", "fn*", "let", "let*", "if", "do", "quote",
        "quasiquote", "unquote", "splice-unquote", "defmacro", "try", "catch", "finally", "loop", "recur",
        "throw");
    private static final Symbol CATCH = Symbol.of("catch");
    private static final Symbol FINALLY = Symbol.of("finally");

    private final Analyzer analyzer;
    private final Interp interp;
    private final FnForms fns;

    SpecialForms(Analyzer analyzer, Interp interp) {
        this.analyzer = analyzer;
        this.interp = interp;
        this.fns = new FnForms(analyzer, interp);
    }

    private static final java.util.Map<String, String> DOCS = java.util.Map.ofEntries(
        java.util.Map.entry("def", "(def name doc? value) binds a global name to a value and returns the value."),
        java.util.Map.entry("fn", "(fn name? [params*] body...) or (fn name? ([params*] body...)+) makes a function."
            + " & before the last parameter collects the rest as a list; parameters may destructure."),
        java.util.Map.entry("let", "(let [binding value ...] body...) binds locals in order, then runs the body."),
        java.util.Map.entry("if", "(if test then else?) runs then if test is neither nil nor false, else otherwise."),
        java.util.Map.entry("do", "(do forms...) runs the forms in order and returns the last value."),
        java.util.Map.entry("quote", "(quote form) or 'form returns the form unevaluated."),
        java.util.Map.entry("quasiquote", "`form returns the form with ~x replaced by x's value and ~@xs spliced."),
        java.util.Map.entry("defmacro", "(defmacro name doc? [params*] body...) defines a macro."),
        java.util.Map.entry("try", "(try body... (catch e handler...)? (finally cleanup...)?) catches thrown"
            + " values and runtime errors (as maps with :message and :at)."),
        java.util.Map.entry("loop", "(loop [binding value ...] body...) is let with a target for recur."),
        java.util.Map.entry("recur", "(recur values...) jumps back to the innermost loop or fn with new bindings,"
            + " from tail position only."),
        java.util.Map.entry("throw", "(throw value) throws any value; catch binds it."));

    static String doc(String name) {
        return DOCS.get(name);
    }

    static boolean isSpecialName(String name) {
        return NAMES.contains(name);
    }

    boolean isSpecial(Symbol symbol) {
        return NAMES.contains(symbol.name());
    }

    EvalNode analyze(Symbol head, LList form, Scope scope, Analyzer.Tail tail) {
        return switch (head.name()) {
            case "def" -> def(form, scope);
            case "fn", "fn*" -> fns.fn(form, scope, null, null);
            case "let", "let*" -> let(form, scope, tail);
            case "if" -> ifForm(form, scope, tail);
            case "do" -> analyzer.body(form.rest(), scope, tail);
            case "quote" -> {
                expectCount(form, 2, "(quote form)");
                yield new EvalNodes.Constant(form.rest().first());
            }
            case "quasiquote" -> {
                expectCount(form, 2, "(quasiquote form)");
                yield new Quasiquote(analyzer, scope).template(form.rest().first());
            }
            case "defmacro" -> defmacro(form, scope);
            case "try" -> tryForm(form, scope);
            case "loop" -> loop(form, scope, tail);
            case "recur" -> recur(form, scope, tail);
            case "throw" -> {
                expectCount(form, 2, "(throw value)");
                yield new EvalNodes.Throw(analyzer.analyze(form.rest().first(), scope, Analyzer.Tail.NONE),
                    analyzer.current());
            }
            default -> throw analyzer.error(head.name() + " used outside its enclosing form");
        };
    }

    private void expectCount(LList form, int count, String shape) {
        if (form.count() != count) {
            throw analyzer.error("Bad " + ((Symbol) form.first()).name() + ": expected " + shape + ", got "
                + Printer.print(form, true));
        }
    }

    private Symbol symbolAt(LList form, int index, String what) {
        Object item = index < form.count() ? form.nth(index) : null;
        if (item instanceof Symbol s && !isSpecialName(s.name())) {
            return s;
        }
        throw analyzer.error(((Symbol) form.first()).name() + " expects " + what + ", got "
            + (index < form.count() ? Printer.describe(item) : "nothing"));
    }

    private EvalNode def(LList form, Scope scope) {
        Symbol name = symbolAt(form, 1, "a symbol to define");
        LList rest = form.rest().rest();
        String doc = null;
        if (rest.count() == 2 && rest.first() instanceof String s) {
            doc = s;
            rest = rest.rest();
        }
        if (rest.count() > 1) {
            throw analyzer.error("Bad def of " + name.name() + ": expected (def name doc? value)");
        }
        // The global's own name, my.lib/f in a namespace, so errors and stack frames say which f.
        Symbol global = interp.globals().namespaces().defined(name);
        EvalNode value = rest.isEmpty() ? new EvalNodes.Constant(null) : valueNamed(rest.first(), scope, global.name());
        return new EvalNodes.Def(interp.globals().toDefine(global), value, doc, analyzer.current());
    }

    /** Analyses a value; an anonymous {@code fn} there takes the defined name for messages and stack frames. */
    private EvalNode valueNamed(Object valueForm, Scope scope, String name) {
        if (valueForm instanceof LList list && list.first() instanceof Symbol head
            && (head.name().equals("fn") || head.name().equals("fn*")) && !scope.isLocal(head)
            && !(list.rest().first() instanceof Symbol)) {
            return fns.fn(list, scope, name, null);
        }
        return analyzer.analyze(valueForm, scope, Analyzer.Tail.NONE);
    }

    private EvalNode defmacro(LList form, Scope scope) {
        Symbol name = symbolAt(form, 1, "a symbol to define");
        LList rest = form.rest().rest();
        String doc = null;
        if (rest.first() instanceof String s && rest.count() > 1) {
            doc = s;
            rest = rest.rest();
        }
        Symbol global = interp.globals().namespaces().defined(name);
        EvalNode fn = fns.fn(rest.cons(Symbol.of("fn")), scope, global.name(), doc);
        return new EvalNodes.DefMacro(interp.globals().toDefine(global), fn, doc, analyzer.current());
    }

    private LVector bindingVector(LList form) {
        if (form.count() < 2 || !(form.nth(1) instanceof LVector bindings)) {
            throw analyzer.error(((Symbol) form.first()).name() + " expects a vector of bindings, got "
                + (form.count() < 2 ? "nothing" : Printer.describe(form.nth(1))));
        }
        if (bindings.count() % 2 != 0) {
            throw analyzer.error(((Symbol) form.first()).name()
                + " needs an even number of forms in its binding vector, got " + bindings.count());
        }
        return bindings;
    }

    private EvalNode let(LList form, Scope scope, Analyzer.Tail tail) {
        LVector bindings = bindingVector(form);
        int mark = scope.mark();
        try {
            List<EvalNode> nodes = new ArrayList<>();
            for (int i = 0; i < bindings.count(); i += 2) {
                EvalNode value = analyzer.analyze(bindings.nth(i + 1), scope, Analyzer.Tail.NONE);
                analyzer.destructure().bind(bindings.nth(i), value, scope, nodes);
            }
            EvalNode body = analyzer.body(form.rest().rest(), scope, tail);
            return nodes.isEmpty() ? body : new BindingNodes.Let(nodes.toArray(new EvalNode[0]), body);
        } finally {
            scope.reset(mark);
        }
    }

    private EvalNode loop(LList form, Scope scope, Analyzer.Tail tail) {
        LVector bindings = bindingVector(form);
        int mark = scope.mark();
        Scope.RecurTarget savedRecur = scope.recur;
        LoopOwnership savedOwnership = analyzer.ownedLoop();
        try {
            List<EvalNode> init = new ArrayList<>();
            List<EvalNode> unpack = new ArrayList<>();
            int[] slots = new int[bindings.count() / 2];
            for (int i = 0; i < bindings.count(); i += 2) {
                EvalNode value = analyzer.analyze(bindings.nth(i + 1), scope, Analyzer.Tail.NONE);
                int slot = scope.newSlot();
                slots[i / 2] = slot;
                init.add(new EvalNodes.Bind(slot, value));
                List<EvalNode> parts = new ArrayList<>();
                analyzer.destructure().bindArgument(bindings.nth(i), slot, scope, parts);
                init.addAll(parts);
                unpack.addAll(parts);
            }
            scope.recur = Scope.RecurTarget.loop(slots);
            EvalNode[] plainNames = new EvalNode[slots.length];
            for (int i = 0; i < slots.length; i++) {
                // A name bound twice refers to its last binding; only a name that reads its own slot is a candidate.
                if (bindings.nth(2 * i) instanceof Symbol name && scope.boundHere(name) instanceof EvalNodes.Local local
                        && local.slot == slots[i]) {
                    plainNames[i] = local;
                }
            }
            LoopOwnership ownership = new LoopOwnership(slots, plainNames, interp.budget());
            analyzer.setOwnedLoop(ownership);
            Analyzer.Tail bodyTail = tail == Analyzer.Tail.FN ? Analyzer.Tail.FN : Analyzer.Tail.LOOP;
            int before = analyzer.analysedCount();
            EvalNode body = analyzer.body(form.rest().rest(), scope, bodyTail);
            int weight = Math.max(1, analyzer.analysedCount() - before + unpack.size());
            return new BindingNodes.Loop(init.toArray(new EvalNode[0]), unpack.toArray(new EvalNode[0]), body,
                interp.budget(), weight, ownership.finish(scope));
        } finally {
            scope.reset(mark);
            scope.recur = savedRecur;
            analyzer.setOwnedLoop(savedOwnership);
        }
    }

    private EvalNode recur(LList form, Scope scope, Analyzer.Tail tail) {
        Scope.RecurTarget target = scope.recur;
        if (target == null) {
            throw analyzer.error("recur outside of loop or fn");
        }
        if (tail == Analyzer.Tail.NONE) {
            throw analyzer.error("recur can only be used in tail position");
        }
        EvalNode[] values = analyzer.analyzeAll(form.rest(), scope);
        LoopOwnership ownership = analyzer.ownedLoop();
        if (ownership != null && ownership.targets(target.loopSlots) && values.length == target.expected()) {
            for (int i = 0; i < values.length; i++) {
                values[i] = ownership.recurValue(i, values[i]);
            }
        }
        if (values.length != target.expected()) {
            throw analyzer.error("recur expects " + target.expected() + " values, got " + values.length);
        }
        if (target.loopSlots != null) {
            return new BindingNodes.RecurToLoop(values, target.loopSlots);
        }
        return new BindingNodes.RecurToFn(values, target.fnVariadic);
    }

    private EvalNode ifForm(LList form, Scope scope, Analyzer.Tail tail) {
        if (form.count() < 3 || form.count() > 4) {
            throw analyzer.error("Bad if: expected (if test then else?), got " + form.count() + " forms");
        }
        EvalNode test = analyzer.analyze(form.nth(1), scope, Analyzer.Tail.NONE);
        EvalNode then = analyzer.analyze(form.nth(2), scope, tail);
        EvalNode otherwise = form.count() == 4 ? analyzer.analyze(form.nth(3), scope, tail)
            : new EvalNodes.Constant(null);
        return new EvalNodes.If(test, then, otherwise);
    }

    private EvalNode tryForm(LList form, Scope scope) {
        List<Object> body = new ArrayList<>();
        LList catchClause = null;
        LList finallyClause = null;
        for (Object item : form.rest()) {
            if (item instanceof LList clause && clause.first() == CATCH) {
                if (catchClause != null || finallyClause != null) {
                    throw analyzer.error("Bad try: one catch, then at most one finally, at the end");
                }
                catchClause = clause;
            } else if (item instanceof LList clause && clause.first() == FINALLY) {
                if (finallyClause != null) {
                    throw analyzer.error("Bad try: only one finally allowed");
                }
                finallyClause = clause;
            } else {
                if (catchClause != null || finallyClause != null) {
                    throw analyzer.error("Bad try: catch and finally must come last");
                }
                body.add(item);
            }
        }
        Scope.RecurTarget savedRecur = scope.recur;
        scope.recur = null;
        try {
            EvalNode bodyNode = analyzer.body(LList.from(body), scope, Analyzer.Tail.NONE);
            int slot = -1;
            EvalNode handler = null;
            if (catchClause != null) {
                LList rest = catchClause.rest();
                // (catch e body...) or Clojure's (catch ExceptionType e body...)
                if (rest.count() >= 2 && rest.first() instanceof Symbol type && rest.nth(1) instanceof Symbol
                    && Character.isUpperCase(type.name().charAt(0))) {
                    rest = rest.rest();
                } else if (rest.first() instanceof Keyword && rest.count() >= 2) {
                    rest = rest.rest();
                }
                if (!(rest.first() instanceof Symbol name)) {
                    throw analyzer.error("Bad catch: expected (catch name body...), got "
                        + Printer.print(catchClause, true));
                }
                int mark = scope.mark();
                slot = scope.bindSlot(name);
                handler = analyzer.body(rest.rest(), scope, Analyzer.Tail.NONE);
                scope.reset(mark);
            }
            EvalNode cleanup = finallyClause == null ? null
                : analyzer.body(finallyClause.rest(), scope, Analyzer.Tail.NONE);
            return new TryNode(bodyNode, slot, handler, cleanup, interp.budget().isLimited());
        } finally {
            scope.recur = savedRecur;
        }
    }
}
