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
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Builtin.Body1;
import drogulus.logos.eval.Intrinsic;
import drogulus.logos.eval.Macro;

/**
 * Type predicates and the logical {@code not}. Bodies are anonymous classes, not lambdas, for start-up speed
 * ({@link Library} says why).
 */
final class PredicateBuiltins {
    private PredicateBuiltins() {
    }

    /** A one-argument test, serving as the built-in's general body and as its one-argument fast path. */
    private abstract static class Test implements Body, Body1 {
        abstract boolean holds(Object x);

        @Override
        public Object apply(Object[] args) {
            return holds(args[0]);
        }

        @Override
        public Object apply(Object x) {
            return holds(x);
        }
    }

    /** A test of the value's type: one class serves every such predicate. */
    private static final class IsA extends Test {
        private final Class<?> type;

        IsA(Class<?> type) {
            this.type = type;
        }

        @Override
        boolean holds(Object x) {
            return type.isInstance(x);
        }
    }

    private static void predicate(Library lib, String name, String doc, Test test) {
        lib.def(name, doc, 1, 1, test, test, null);
    }

    static void install(Library lib) {
        predicate(lib, "nil?", "Returns true if x is nil.", new Test() {
            @Override boolean holds(Object x) {
                return x == null;
            }
        });
        predicate(lib, "some?", "Returns true if x is not nil.", new Test() {
            @Override boolean holds(Object x) {
                return x != null;
            }
        });
        predicate(lib, "true?", "Returns true if x is the value true.", new Test() {
            @Override boolean holds(Object x) {
                return x == Boolean.TRUE;
            }
        });
        predicate(lib, "false?", "Returns true if x is the value false.", new Test() {
            @Override boolean holds(Object x) {
                return x == Boolean.FALSE;
            }
        });
        Test not = new Test() {
            @Override boolean holds(Object x) {
                return x == null || x == Boolean.FALSE;
            }
        };
        lib.def("not", "Returns true if x is logical false (nil or false), false otherwise.", 1, 1, Intrinsic.NOT,
            not, not, null);
        predicate(lib, "boolean?", "Returns true if x is true or false.", new IsA(Boolean.class));
        predicate(lib, "string?", "Returns true if x is a string.", new IsA(String.class));
        predicate(lib, "keyword?", "Returns true if x is a keyword.", new IsA(Keyword.class));
        predicate(lib, "symbol?", "Returns true if x is a symbol.", new IsA(Symbol.class));
        predicate(lib, "list?", "Returns true if x is a list.", new IsA(LList.class));
        predicate(lib, "vector?", "Returns true if x is a vector.", new IsA(LVector.class));
        predicate(lib, "map?", "Returns true if x is a map.", new IsA(LMap.class));
        predicate(lib, "fn?", "Returns true if x is a function (built-in or made with fn).", new IsA(LFn.class));
        predicate(lib, "ifn?", "Returns true if x can be called: functions, keywords, maps, sets and vectors.",
            new Test() {
                @Override boolean holds(Object x) {
                    return x instanceof LFn || x instanceof Keyword || x instanceof LMap || x instanceof LSet
                        || x instanceof LVector;
                }
            });
        predicate(lib, "macro?", "Returns true if x is a macro.", new IsA(Macro.class));
        predicate(lib, "atom?", "Returns true if x is an atom.", new IsA(Atom.class));
        predicate(lib, "coll?", "Returns true if x is a list, vector, map or set.",
            new Test() {
                @Override boolean holds(Object x) {
                    return x instanceof LList || x instanceof LVector || x instanceof LMap || x instanceof LSet
                        || x instanceof LSeq;
                }
            });
        predicate(lib, "seq?", "Returns true if x is a list or a lazy sequence.",
            new Test() {
                @Override boolean holds(Object x) {
                    return x instanceof LList || x instanceof LSeq;
                }
            });
        predicate(lib, "sequential?", "Returns true if x is a list, vector or lazy sequence.",
            new Test() {
                @Override boolean holds(Object x) {
                    return x instanceof LList || x instanceof LVector || x instanceof LSeq;
                }
            });
        predicate(lib, "sorted?", "Returns true if x is a sorted map or sorted set.", new Test() {
            @Override boolean holds(Object x) {
                return (x instanceof LMap m && m.isSorted()) || (x instanceof LSet s && s.isSorted());
            }
        });
        predicate(lib, "counted?", "Returns true if count of x takes constant time: lists, vectors, maps and sets "
            + "(not lazy sequences or strings).", new Test() {
                @Override boolean holds(Object x) {
                    return x instanceof LList || x instanceof LVector || x instanceof LMap || x instanceof LSet;
                }
            });
        predicate(lib, "seqable?", "Returns true if seq accepts x: nil, a string or any collection.", new Test() {
            @Override boolean holds(Object x) {
                return x == null || x instanceof String || x instanceof LList || x instanceof LVector
                    || x instanceof LMap || x instanceof LSet || x instanceof LSeq;
            }
        });
        predicate(lib, "indexed?", "Returns true if nth finds items of x by index in constant time: vectors.",
            new IsA(LVector.class));
        predicate(lib, "associative?", "Returns true if assoc accepts x: maps and vectors.", new Test() {
            @Override boolean holds(Object x) {
                return x instanceof LMap || x instanceof LVector;
            }
        });
        lib.def("identical?", "Returns true if x and y are the same object.", 2, 2, new Body() {
            @Override public Object apply(Object[] args) {
                return args[0] == args[1];
            }
        });
    }
}
