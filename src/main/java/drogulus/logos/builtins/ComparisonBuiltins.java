package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.Numbers;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Builtin.Body1;
import drogulus.logos.eval.Builtin.Body2;
import drogulus.logos.eval.Intrinsic;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Comparison (=, <, compare ...) and the numeric predicates (zero?, even?, number? ...). Bodies are anonymous
 * classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class ComparisonBuiltins {
    private static final int V = Builtin.VARIADIC;

    private ComparisonBuiltins() {
    }

    static void install(Library lib) {
        comparison(lib);
        predicates(lib);
    }

    private interface Test {
        boolean holds(int comparison);
    }

    /** {@code <} and friends; the two-argument fast path is given apart, free of the Test indirection. */
    private static void compareChain(Library lib, String name, String doc, Intrinsic kind, Test test,
                                     Builtin.Body2 two) {
        lib.def(name, doc, 1, V, kind, new Body() {
            @Override public Object apply(Object[] args) {
                NumberBuiltins.num(name, args[0]);
                for (int i = 0; i + 1 < args.length; i++) {
                    if (!test.holds(Numbers.compare(name, args[i], args[i + 1]))) {
                        return false;
                    }
                }
                return true;
            }
        }, new Body1() {
            @Override public Object apply(Object x) {
                NumberBuiltins.num(name, x);
                return true;
            }
        }, two);
    }

    private static void comparison(Library lib) {
        compareChain(lib, "<", "Returns true if the numbers are in strictly increasing order.",
            Intrinsic.LESS, new Test() {
                @Override public boolean holds(int c) {
                    return c < 0;
                }
            }, new Body2() {
                @Override public Object apply(Object a, Object b) {
                    return Numbers.compare("<", a, b) < 0;
                }
            });
        compareChain(lib, ">", "Returns true if the numbers are in strictly decreasing order.",
            Intrinsic.GREATER, new Test() {
                @Override public boolean holds(int c) {
                    return c > 0;
                }
            }, new Body2() {
                @Override public Object apply(Object a, Object b) {
                    return Numbers.compare(">", a, b) > 0;
                }
            });
        compareChain(lib, "<=", "Returns true if the numbers are in non-decreasing order.",
            Intrinsic.LESS_OR_EQUAL, new Test() {
                @Override public boolean holds(int c) {
                    return c <= 0;
                }
            }, new Body2() {
                @Override public Object apply(Object a, Object b) {
                    return Numbers.compare("<=", a, b) <= 0;
                }
            });
        compareChain(lib, ">=", "Returns true if the numbers are in non-increasing order.",
            Intrinsic.GREATER_OR_EQUAL, new Test() {
                @Override public boolean holds(int c) {
                    return c >= 0;
                }
            }, new Body2() {
                @Override public Object apply(Object a, Object b) {
                    return Numbers.compare(">=", a, b) >= 0;
                }
            });
        lib.def("=", "Returns true if all arguments are equal: same type of number, and collections by content "
            + "(a vector equals a list with the same items). (= 1 1.0) is false; use == for that.", 1, V,
            Intrinsic.EQUAL, new Body() {
                @Override public Object apply(Object[] args) {
                    for (int i = 0; i + 1 < args.length; i++) {
                        if (!Objects.equals(args[i], args[i + 1])) {
                            return false;
                        }
                    }
                    return true;
                }
            }, new Body1() {
                @Override public Object apply(Object x) {
                    return true;
                }
            }, new Body2() {
                @Override public Object apply(Object a, Object b) {
                    return Objects.equals(a, b);
                }
            });
        lib.def("not=", "Returns true if some arguments are not equal; (not (= ...)).", 1, V, new Body() {
            @Override public Object apply(Object[] args) {
                for (int i = 0; i + 1 < args.length; i++) {
                    if (!Objects.equals(args[i], args[i + 1])) {
                        return true;
                    }
                }
                return false;
            }
        });
        lib.def("==", "Returns true if the numbers are numerically equal, whatever their type: (== 1 1.0).", 1, V,
            new Body() {
                @Override public Object apply(Object[] args) {
                    NumberBuiltins.num("==", args[0]);
                    for (int i = 0; i + 1 < args.length; i++) {
                        if (!Numbers.numericEquals(args[i], args[i + 1])) {
                            return false;
                        }
                    }
                    return true;
                }
            });
        lib.def("compare", "Returns a negative number, zero or a positive number as x is less than, equal to or "
            + "greater than y. Compares numbers, strings, keywords, symbols, booleans and vectors.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return (long) Compare.compare("compare", args[0], args[1]);
                }
            });
    }

    private static void predicates(Library lib) {
        lib.def("zero?", "Returns true if x is zero.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Numbers.compare("zero?", NumberBuiltins.num("zero?", args[0]), 0L) == 0;
                }
            }, new Body1() {
                @Override public Object apply(Object x) {
                    return Numbers.compare("zero?", NumberBuiltins.num("zero?", x), 0L) == 0;
                }
            }, null);
        lib.def("pos?", "Returns true if x is greater than zero.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Numbers.compare("pos?", NumberBuiltins.num("pos?", args[0]), 0L) > 0;
                }
            }, new Body1() {
                @Override public Object apply(Object x) {
                    return Numbers.compare("pos?", NumberBuiltins.num("pos?", x), 0L) > 0;
                }
            }, null);
        lib.def("neg?", "Returns true if x is less than zero.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Numbers.compare("neg?", NumberBuiltins.num("neg?", args[0]), 0L) < 0;
                }
            }, new Body1() {
                @Override public Object apply(Object x) {
                    return Numbers.compare("neg?", NumberBuiltins.num("neg?", x), 0L) < 0;
                }
            }, null);
        lib.def("even?", "Returns true if the integer n is even.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return isEven("even?", args[0]);
            }
        }, new Body1() {
            @Override public Object apply(Object x) {
                return isEven("even?", x);
            }
        }, null);
        lib.def("odd?", "Returns true if the integer n is odd.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return !isEven("odd?", args[0]);
            }
        }, new Body1() {
            @Override public Object apply(Object x) {
                return !isEven("odd?", x);
            }
        }, null);
        lib.def("number?", "Returns true if x is a number.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return Numbers.isNumber(args[0]);
            }
        }, new Body1() {
            @Override public Object apply(Object x) {
                return Numbers.isNumber(x);
            }
        }, null);
        lib.def("integer?", "Returns true if x is an integer (of any size).", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return args[0] instanceof Long || args[0] instanceof BigInteger;
                }
            });
        lib.def("float?", "Returns true if x is a floating-point number.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return args[0] instanceof Double;
                }
            });
        lib.def("nan?", "Returns true if x is the float NaN.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return args[0] instanceof Double d && d.isNaN();
                }
            });
    }

    private static boolean isEven(String fn, Object x) {
        if (x instanceof Long n) {
            return (n & 1) == 0;
        }
        if (x instanceof BigInteger n) {
            return !n.testBit(0);
        }
        throw Args.typeError(fn, "an integer", x);
    }
}
