package drogulus.logos.builtins;

import drogulus.logos.data.Atom;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LFn;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSeq;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Intrinsic;
import drogulus.logos.eval.Macro;

/** Type predicates and the logical {@code not}. */
final class PredicateBuiltins {
    private PredicateBuiltins() {
    }

    private interface Test {
        boolean holds(Object x);
    }

    private static void predicate(Library lib, String name, String doc, Test test) {
        lib.def(name, doc, 1, 1, args -> test.holds(args[0]), test::holds, null);
    }

    static void install(Library lib) {
        predicate(lib, "nil?", "Returns true if x is nil.", x -> x == null);
        predicate(lib, "some?", "Returns true if x is not nil.", x -> x != null);
        predicate(lib, "true?", "Returns true if x is the value true.", x -> x == Boolean.TRUE);
        predicate(lib, "false?", "Returns true if x is the value false.", x -> x == Boolean.FALSE);
        Test not = x -> x == null || x == Boolean.FALSE;
        lib.def("not", "Returns true if x is logical false (nil or false), false otherwise.", 1, 1, Intrinsic.NOT,
            args -> not.holds(args[0]), not::holds, null);
        predicate(lib, "boolean?", "Returns true if x is true or false.", x -> x instanceof Boolean);
        predicate(lib, "string?", "Returns true if x is a string.", x -> x instanceof String);
        predicate(lib, "keyword?", "Returns true if x is a keyword.", x -> x instanceof Keyword);
        predicate(lib, "symbol?", "Returns true if x is a symbol.", x -> x instanceof Symbol);
        predicate(lib, "list?", "Returns true if x is a list.", x -> x instanceof LList);
        predicate(lib, "vector?", "Returns true if x is a vector.", x -> x instanceof LVector);
        predicate(lib, "map?", "Returns true if x is a map.", x -> x instanceof LMap);
        predicate(lib, "fn?", "Returns true if x is a function (built-in or made with fn).", x -> x instanceof LFn);
        predicate(lib, "ifn?", "Returns true if x can be called: functions, keywords, maps, sets and vectors.",
            x -> x instanceof LFn || x instanceof Keyword || x instanceof LMap || x instanceof LSet
                || x instanceof LVector);
        predicate(lib, "macro?", "Returns true if x is a macro.", x -> x instanceof Macro);
        predicate(lib, "atom?", "Returns true if x is an atom.", x -> x instanceof Atom);
        predicate(lib, "coll?", "Returns true if x is a list, vector, map or set.",
            x -> x instanceof LList || x instanceof LVector || x instanceof LMap || x instanceof LSet
                || x instanceof LSeq);
        predicate(lib, "seq?", "Returns true if x is a list or a lazy sequence.",
            x -> x instanceof LList || x instanceof LSeq);
        predicate(lib, "sequential?", "Returns true if x is a list, vector or lazy sequence.",
            x -> x instanceof LList || x instanceof LVector || x instanceof LSeq);
        lib.def("identical?", "Returns true if x and y are the same object.", 2, 2, args -> args[0] == args[1]);
    }
}
