package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import java.math.BigInteger;

/**
 * Parsing and testing values, bit shifts, printing to strings, and delays: the smaller names of the cheatsheet.
 * Bodies are anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class ValueBuiltins {
    private static final int V = Builtin.VARIADIC;

    private ValueBuiltins() {
    }

    static void install(Library lib) {
        parsing(lib);
        predicates(lib);
        bits(lib);
        printing(lib);
        delays(lib);
    }

    private static void parsing(Library lib) {
        lib.def("parse-long", "Returns the integer that the string s spells in decimal (an optional sign, then "
            + "digits), or nil if it spells none.", 1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    String s = Args.string("parse-long", args[0]);
                    if (!s.matches("[+-]?[0-9]{1,19}")) {
                        return null;
                    }
                    try {
                        return Long.parseLong(s);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            });
        lib.def("parse-double", "Returns the float that the string s spells (such as \"1.5\", \"-2e3\", \"NaN\" or "
            + "\"Infinity\"), or nil if it spells none.", 1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    String s = Args.string("parse-double", args[0]);
                    if (s.length() > 400 || !s.strip().equals(s) || s.isEmpty() || s.endsWith("d") || s.endsWith("D")
                        || s.endsWith("f") || s.endsWith("F")) {
                        return null;
                    }
                    try {
                        return Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            });
        lib.def("parse-boolean", "Returns true for \"true\", false for \"false\", and nil for any other string.", 1,
            1, new Body() {
                @Override public Object apply(Object[] args) {
                    return switch (Args.string("parse-boolean", args[0])) {
                        case "true" -> true;
                        case "false" -> false;
                        default -> null;
                    };
                }
            });
        lib.def("char", "Returns the one-character string of a Unicode code point: Logos has no character type, "
            + "so (char 97) is \"a\", and (char \"a\") is \"a\" too.", 1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    if (args[0] instanceof String s && !s.isEmpty() && s.offsetByCodePoints(0, 1) == s.length()) {
                        return s;
                    }
                    long code = Args.integer("char", args[0]);
                    if (code < 0 || code > Character.MAX_CODE_POINT) {
                        throw new LogosError("char: " + code + " is not a Unicode code point");
                    }
                    return new String(Character.toChars((int) code));
                }
            });
        lib.def("namespace", "Returns the namespace part of a keyword or symbol (before its /), or nil.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    String name = args[0] instanceof Keyword k ? k.name() : args[0] instanceof Symbol s ? s.name()
                        : null;
                    if (name == null) {
                        throw Args.typeError("namespace", "a keyword or symbol", args[0]);
                    }
                    int slash = name.indexOf('/');
                    return slash > 0 && slash < name.length() - 1 ? name.substring(0, slash) : null;
                }
            });
    }

    private static void predicates(Library lib) {
        lib.def("int?", "Returns true if x is an integer that fits in 64 bits.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return args[0] instanceof Long;
            }
        });
        lib.def("pos-int?", "Returns true if x is a 64-bit integer above zero.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return args[0] instanceof Long n && n > 0;
                }
            });
        lib.def("neg-int?", "Returns true if x is a 64-bit integer below zero.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return args[0] instanceof Long n && n < 0;
                }
            });
        lib.def("nat-int?", "Returns true if x is a 64-bit integer of zero or more.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return args[0] instanceof Long n && n >= 0;
                }
            });
        lib.def("double?", "Returns true if x is a float.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return args[0] instanceof Double;
            }
        });
        lib.def("boolean", "Returns false for nil and false, true for anything else.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Colls.truthy(args[0]);
                }
            });
    }

    private static void bits(Library lib) {
        lib.def("bit-not", "Returns the bitwise complement of an integer.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return ~Args.integer("bit-not", args[0]);
                }
            });
        lib.def("bit-shift-left", "Returns x shifted left by n bits (n taken mod 64, as on the JVM).", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Args.integer("bit-shift-left", args[0]) << Args.integer("bit-shift-left", args[1]);
                }
            });
        lib.def("bit-shift-right", "Returns x shifted right by n bits, keeping its sign (n taken mod 64).", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Args.integer("bit-shift-right", args[0]) >> Args.integer("bit-shift-right", args[1]);
                }
            });
        lib.def("unsigned-bit-shift-right", "Returns x shifted right by n bits, filling with zeros (n mod 64).", 2,
            2, new Body() {
                @Override public Object apply(Object[] args) {
                    return Args.integer("unsigned-bit-shift-right", args[0])
                        >>> Args.integer("unsigned-bit-shift-right", args[1]);
                }
            });
        lib.def("bit-test", "Returns true if bit n of x is set.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return BigInteger.valueOf(Args.integer("bit-test", args[0]))
                        .testBit((int) Math.min(63, Math.max(0, Args.integer("bit-test", args[1]))));
                }
            });
    }

    private static void printing(Library lib) {
        lib.def("print-str", "Returns what print would print: the arguments plainly, separated by spaces.", 0, V,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return joined(lib, args, false, "");
                }
            });
        lib.def("println-str", "Returns what println would print, newline included.", 0, V,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return joined(lib, args, false, "\n");
                }
            });
        lib.def("prn-str", "Returns what prn would print: the arguments readably, then a newline.", 0, V,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return joined(lib, args, true, "\n");
                }
            });
    }

    private static String joined(Library lib, Object[] args, boolean readably, String end) {
        // The printer charges the budget as it writes.
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            Printer.print(out, args[i], readably, 0);
        }
        out.append(end);
        lib.chargeChars(out.length());
        return out.toString();
    }

    private static void delays(Library lib) {
        lib.def("delay*", "Returns a delay of a function of no arguments; (delay body...) calls this.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return new Delay(Args.fn("delay*", args[0]));
                }
            });
        lib.def("force", "Returns the value of a delay, running its body the first time; any other x as it is.",
            1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    return args[0] instanceof Delay d ? d.force() : args[0];
                }
            });
        lib.def("delay?", "Returns true if x is a delay.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return args[0] instanceof Delay;
            }
        });
    }
}
