package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Numbers;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Builtin.Body1;
import drogulus.logos.eval.Builtin.Body2;
import drogulus.logos.eval.Intrinsic;
import java.math.BigInteger;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Arithmetic and the math functions ({@link ComparisonBuiltins} has comparison and the numeric predicates).
 * Bodies are anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class NumberBuiltins {
    private static final int V = Builtin.VARIADIC;

    private NumberBuiltins() {
    }

    static void install(Library lib) {
        arithmetic(lib);
        math(lib);
    }

    static Object num(String fn, Object x) {
        if (Numbers.isNumber(x)) {
            return x;
        }
        throw Args.typeError(fn, "a number", x);
    }

    /**
     * Big-integer results are charged to the budget: memory by their size, and steps by the work of making
     * them. A product or quotient is charged before it is computed, since one multiplication of huge numbers
     * can run for minutes by itself; sums grow by a bit at most, so they are charged once made. Long operands
     * skip all of this: their results are at most 128 bits.
     */
    private static Object add(Library lib, Object a, Object b) {
        return charged(lib, Numbers.add(a, b));
    }

    private static Object subtract(Library lib, Object a, Object b) {
        return charged(lib, Numbers.subtract(a, b));
    }

    private static Object charged(Library lib, Object result) {
        if (result instanceof BigInteger big) {
            chargeBig(lib, big.bitLength(), 1);
        }
        return result;
    }

    private static Object multiply(Library lib, Object a, Object b) {
        if (a instanceof BigInteger || b instanceof BigInteger) {
            long wordsA = words(a);
            long wordsB = words(b);
            chargeBig(lib, 32 * (wordsA + wordsB), wordsA * wordsB);
        }
        return Numbers.multiply(a, b);
    }

    /** Quotients and remainders: no larger than the dividend; long division costs about quotient × divisor. */
    private static void chargeDivision(Library lib, Object a, Object b) {
        if (a instanceof BigInteger || b instanceof BigInteger) {
            long wordsA = words(a);
            long wordsB = words(b);
            chargeBig(lib, 32 * wordsA, Math.max(1, wordsA - wordsB + 1) * wordsB);
        }
    }

    /** 32-bit words of an integer's magnitude; floats count as one. */
    private static long words(Object x) {
        return x instanceof BigInteger big ? big.bitLength() / 32 + 1 : 1;
    }

    /** One step covers about as much work as 16 word products of schoolbook multiplication, an upper bound. */
    private static void chargeBig(Library lib, long bits, long wordProducts) {
        lib.interp().budget().allocate(16 + bits / 8);
        lib.chargeSteps(wordProducts / 16 + 1);
    }

    private static void arithmetic(Library lib) {
        lib.def("+", "Returns the sum of the numbers; (+) is 0.", 0, V, Intrinsic.ADD, new Body() {
            @Override public Object apply(Object[] args) {
                // Longs are summed unboxed while the sum fits, so (+ a b c) boxes its result only, not each
                // partial sum; from a number of another kind or an overflow on, the general sum takes over.
                long sum = 0;
                int i = 0;
                for (; i < args.length && args[i] instanceof Long x; i++) {
                    long r = sum + x;
                    if (((sum ^ r) & (x ^ r)) < 0) {
                        break;
                    }
                    sum = r;
                }
                Object total = sum;
                for (; i < args.length; i++) {
                    total = add(lib, total, args[i]);
                }
                return total;
            }
        }, new Body1() {
            @Override public Object apply(Object x) {
                return num("+", x);
            }
        }, new Body2() {
            @Override public Object apply(Object a, Object b) {
                return charged(lib, Numbers.add(a, b));
            }
        });
        lib.def("-", "Returns the first number minus the rest; (- x) is x negated.", 1, V, Intrinsic.SUBTRACT,
            new Body() {
                @Override public Object apply(Object[] args) {
                    if (args.length == 1) {
                        return charged(lib, Numbers.negate(num("-", args[0])));
                    }
                    Object result = args[0];
                    for (int i = 1; i < args.length; i++) {
                        result = subtract(lib, result, args[i]);
                    }
                    return result;
                }
            }, new Body1() {
                @Override public Object apply(Object x) {
                    return charged(lib, Numbers.negate(num("-", x)));
                }
            }, new Body2() {
                @Override public Object apply(Object a, Object b) {
                    return charged(lib, Numbers.subtract(a, b));
                }
            });
        lib.def("*", "Returns the product of the numbers; (*) is 1.", 0, V, new Body() {
            @Override public Object apply(Object[] args) {
                Object product = 1L;
                for (Object x : args) {
                    product = multiply(lib, product, x);
                }
                return product;
            }
        }, new Body1() {
            @Override public Object apply(Object x) {
                return num("*", x);
            }
        }, new Body2() {
            @Override public Object apply(Object a, Object b) {
                return multiply(lib, a, b);
            }
        });
        lib.def("/", "Returns the first number divided by the rest; (/ x) is 1/x. Exact integer quotients stay "
            + "integers, others are floats.", 1, V, new Body() {
                @Override public Object apply(Object[] args) {
                    if (args.length == 1) {
                        chargeDivision(lib, 1L, args[0]);
                        return Numbers.divide(1L, args[0]);
                    }
                    Object result = args[0];
                    for (int i = 1; i < args.length; i++) {
                        chargeDivision(lib, result, args[i]);
                        result = Numbers.divide(result, args[i]);
                    }
                    return result;
                }
            });
        lib.def("quot", "Returns the quotient of dividing n by d, truncated toward zero.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    chargeDivision(lib, args[0], args[1]);
                    return Numbers.quot(args[0], args[1]);
                }
            });
        lib.def("rem", "Returns the remainder of dividing n by d, with the sign of n.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    chargeDivision(lib, args[0], args[1]);
                    return Numbers.rem(args[0], args[1]);
                }
            });
        lib.def("mod", "Returns n modulo d, with the sign of d.", 2, 2, new Body() {
            @Override public Object apply(Object[] args) {
                chargeDivision(lib, args[0], args[1]);
                return Numbers.mod(args[0], args[1]);
            }
        }, null, new Body2() {
            @Override public Object apply(Object n, Object d) {
                chargeDivision(lib, n, d);
                return Numbers.mod(n, d);
            }
        });
        lib.def("inc", "Returns x plus one.", 1, 1, Intrinsic.INC, new Body() {
            @Override public Object apply(Object[] args) {
                return add(lib, num("inc", args[0]), 1L);
            }
        }, new Body1() {
            @Override public Object apply(Object x) {
                return add(lib, num("inc", x), 1L);
            }
        }, null);
        lib.def("dec", "Returns x minus one.", 1, 1, Intrinsic.DEC, new Body() {
            @Override public Object apply(Object[] args) {
                return subtract(lib, num("dec", args[0]), 1L);
            }
        }, new Body1() {
            @Override public Object apply(Object x) {
                return subtract(lib, num("dec", x), 1L);
            }
        }, null);
        lib.def("max", "Returns the greatest of the numbers.", 1, V, new Body() {
            @Override public Object apply(Object[] args) {
                return extreme("max", args, 1);
            }
        });
        lib.def("min", "Returns the least of the numbers.", 1, V, new Body() {
            @Override public Object apply(Object[] args) {
                return extreme("min", args, -1);
            }
        });
        lib.def("abs", "Returns the absolute value of x.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return abs(lib, args[0]);
            }
        }, new Body1() {
            @Override public Object apply(Object x) {
                return abs(lib, x);
            }
        }, null);
    }

    private static Object abs(Library lib, Object value) {
        if (value instanceof Long n && n != Long.MIN_VALUE) {
            return n < 0 ? -n : n;
        }
        Object x = num("abs", value);
        return Numbers.compare("abs", x, 0L) < 0 ? charged(lib, Numbers.negate(x)) : x;
    }

    private static Object extreme(String fn, Object[] args, int sign) {
        Object best = num(fn, args[0]);
        for (int i = 1; i < args.length; i++) {
            if (Numbers.compare(fn, args[i], best) * sign > 0) {
                best = args[i];
            }
        }
        return best;
    }

    private static void math(Library lib) {
        lib.def("int", "Returns x truncated to an integer (floats toward zero); of a one-character string, its "
            + "code point, as Clojure's (int \\a) (Logos has no character type).", 1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    if (args[0] instanceof String s && !s.isEmpty() && s.offsetByCodePoints(0, 1) == s.length()) {
                        return (long) s.codePointAt(0);
                    }
                    Object x = num("int", args[0]);
                    if (x instanceof Double d) {
                        if (d.isNaN() || d.isInfinite()) {
                            throw new LogosError("int can't convert " + d + " to an integer");
                        }
                        return Numbers.normalize(new java.math.BigDecimal(d).toBigInteger());
                    }
                    return x;
                }
            });
        lib.def("float", "Returns x as a floating-point number.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Numbers.toDouble(num("float", args[0]));
                }
            });
        lib.def("double", "Returns x as a floating-point number.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Numbers.toDouble(num("double", args[0]));
                }
            });
        lib.def("math/sqrt", "Returns the square root of x as a float.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Math.sqrt(Numbers.toDouble(num("math/sqrt", args[0])));
                }
            });
        lib.def("math/pow", "Returns x raised to the power y as a float.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Math.pow(Numbers.toDouble(num("math/pow", args[0])),
                        Numbers.toDouble(num("math/pow", args[1])));
                }
            });
        lib.def("math/floor", "Returns the largest integer-valued float not above x.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Math.floor(Numbers.toDouble(num("math/floor", args[0])));
                }
            });
        lib.def("math/ceil", "Returns the smallest integer-valued float not below x.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Math.ceil(Numbers.toDouble(num("math/ceil", args[0])));
                }
            });
        lib.def("math/round", "Returns x rounded to the nearest integer.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Math.round(Numbers.toDouble(num("math/round", args[0])));
                }
            });
        lib.def("rand", "Returns a random float from 0 (inclusive) to n (default 1, exclusive).", 0, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return ThreadLocalRandom.current().nextDouble()
                        * (args.length == 0 ? 1.0 : Numbers.toDouble(num("rand", args[0])));
                }
            });
        lib.def("rand-int", "Returns a random integer from 0 (inclusive) to n (exclusive).", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                long n = Args.integer("rand-int", args[0]);
                if (n <= 0) {
                    throw new LogosError("rand-int expects a positive bound, got " + n);
                }
                return ThreadLocalRandom.current().nextLong(n);
            }
        });
        lib.def("bit-and", "Returns the bitwise and of two integers.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Args.integer("bit-and", args[0]) & Args.integer("bit-and", args[1]);
                }
            });
        lib.def("bit-or", "Returns the bitwise or of two integers.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Args.integer("bit-or", args[0]) | Args.integer("bit-or", args[1]);
                }
            });
        lib.def("bit-xor", "Returns the bitwise exclusive or of two integers.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Args.integer("bit-xor", args[0]) ^ Args.integer("bit-xor", args[1]);
                }
            });
    }
}
