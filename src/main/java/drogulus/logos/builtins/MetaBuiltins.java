package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.Atom;
import drogulus.logos.data.Cost;
import drogulus.logos.data.Gensym;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LFn;
import drogulus.logos.data.LMap;
import drogulus.logos.data.Printer;
import drogulus.logos.data.StrText;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Builtin.Body1;
import drogulus.logos.eval.Builtin.Body2;
import drogulus.logos.eval.Intrinsic;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Strings of values, names, atoms and errors ({@link EvalBuiltins} has evaluation, macros and documentation).
 * Bodies are anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class MetaBuiltins {
    private static final int V = Builtin.VARIADIC;
    private static final Keyword MESSAGE = Keyword.of("message");
    private static final Keyword DATA = Keyword.of("data");
    private static final Keyword CAUSE = Keyword.of("cause");

    private MetaBuiltins() {
    }

    static void install(Library lib) {
        text(lib);
        EvalBuiltins.install(lib);
        atoms(lib);
        errors(lib);
    }

    private static void text(Library lib) {
        Builtin.Body str = new Body() {
            @Override public Object apply(Object[] args) {
                if (args.length == 1 && args[0] instanceof String s) {
                    return s;
                }
                long size = 0;
                for (Object x : args) {
                    size += StrText.size(x);
                }
                StringBuilder out = StrText.builder(size);
                Cost cost = lib.interp().budget();
                for (Object x : args) {
                    StrText.append(out, x, cost);
                }
                return out.toString();
            }
        };
        lib.def("str", "Returns the arguments printed plainly and joined: strings as they are, nil as nothing.",
            0, V, Intrinsic.STR, str, new Body1() {
                @Override public Object apply(Object x) {
                    return str.apply(new Object[] {x});
                }
            }, new Body2() {
                @Override public Object apply(Object a, Object b) {
                    if (a instanceof BigInteger || b instanceof BigInteger) {
                        return str.apply(new Object[] {a, b});
                    }
                    String first = Printer.str(a);
                    String second = Printer.str(b);
                    lib.chargeChars(first.length());
                    lib.chargeChars(second.length());
                    return first.concat(second);
                }
            });
        lib.def("pr-str", "Returns the arguments printed readably, separated by spaces.", 0, V, new Body() {
            @Override public Object apply(Object[] args) {
                StringBuilder out = new StringBuilder();
                int length = PrintLength.of(lib.interp(), -1);
                for (int i = 0; i < args.length; i++) {
                    String part = Printer.print(args[i], true, length);
                    lib.chargeChars(part.length());
                    out.append(i > 0 ? " " : "").append(part);
                }
                return out.toString();
            }
        });
        lib.def("symbol", "Returns the symbol with the given name; (symbol ns name) the symbol ns/name.", 1, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    if (args.length == 2) {
                        return Symbol.of(qualified(lib, "symbol", args));
                    }
                    if (args[0] instanceof Symbol s) {
                        return s;
                    }
                    String name = Args.string("symbol", args[0]);
                    lib.chargeChars(name.length());
                    return Symbol.of(name);
                }
            });
        lib.def("keyword", "Returns the keyword with the given name (without the colon); (keyword ns name) the "
            + "keyword :ns/name.", 1, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    if (args.length == 2) {
                        return Keyword.of(qualified(lib, "keyword", args));
                    }
                    if (args[0] instanceof Keyword k) {
                        return k;
                    }
                    if (args[0] instanceof Symbol s) {
                        return Keyword.of(s.name());
                    }
                    String name = Args.string("keyword", args[0]);
                    lib.chargeChars(name.length());
                    return Keyword.of(name);
                }
            });
        lib.def("name", "Returns the name of a keyword or symbol as a string, without its namespace (the part "
            + "after the /); a string is its own name.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    Object x = args[0];
                    if (x instanceof Keyword k) {
                        return local(k.name());
                    }
                    if (x instanceof Symbol s) {
                        return local(s.name());
                    }
                    if (x instanceof String s) {
                        return s;
                    }
                    throw Args.typeError("name", "a keyword, symbol or string", x);
                }
            });
        lib.def("gensym", "Returns a new symbol no other code uses, named from an optional prefix.", 0, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    String prefix = args.length == 0 ? "G" : Args.string("gensym", args[0]);
                    lib.chargeChars(prefix.length() + 24);
                    return Gensym.next(prefix);
                }
            });
        lib.def("type", "Returns the type of x as a keyword, such as :string or :vector.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Keyword.of(Printer.typeName(args[0]));
                }
            });
        lib.def("hash", "Returns the hash code of x; equal values have equal hashes.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return (long) Objects.hashCode(args[0]);
                }
            });
    }

    private static Atom atom(String fn, Object x) {
        if (x instanceof Atom a) {
            return a;
        }
        throw Args.typeError(fn, "an atom", x);
    }

    private static void atoms(Library lib) {
        lib.def("atom", "Returns a new atom holding x.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return new Atom(args[0]);
            }
        });
        lib.def("deref", "Returns the value an atom holds, a delay's value, or the value a reduced wraps; @a is "
            + "(deref a).", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    if (args[0] instanceof HigherOrderBuiltins.Reduced r) {
                        return r.value();
                    }
                    return args[0] instanceof Delay d ? d.force() : atom("deref", args[0]).deref();
                }
            });
        lib.def("reset!", "Sets an atom's value to x and returns x.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return atom("reset!", args[0]).reset(args[1]);
                }
            });
        lib.def("swap!", "Sets an atom's value to (f value args...) and returns the new value.", 2, V, new Body() {
            @Override public Object apply(Object[] args) {
                Atom a = atom("swap!", args[0]);
                LFn f = Args.fn("swap!", args[1]);
                Object[] callArgs = new Object[args.length - 1];
                System.arraycopy(args, 2, callArgs, 1, args.length - 2);
                synchronized (a) {
                    callArgs[0] = a.deref();
                    return a.reset(f.invoke(callArgs));
                }
            }
        });
        lib.def("compare-and-set!", "Sets an atom's value to new if it is currently identical to old; returns "
            + "whether it did.", 3, 3, new Body() {
                @Override public Object apply(Object[] args) {
                    Atom a = atom("compare-and-set!", args[0]);
                    synchronized (a) {
                        if (a.deref() != args[1]) {
                            return false;
                        }
                        a.reset(args[2]);
                        return true;
                    }
                }
            });
    }

    private static void errors(Library lib) {
        lib.def("ex-info", "(ex-info message data? cause?) returns an error value for throw: a map with :message, "
            + ":data and :cause (the error caught that led to this one).", 1, 3, new Body() {
                @Override public Object apply(Object[] args) {
                    LMap error = LMap.of(MESSAGE, Args.string("ex-info", args[0]));
                    if (args.length >= 2) {
                        error = error.assoc(DATA, args[1]);
                    }
                    return args.length == 3 ? error.assoc(CAUSE, args[2]) : error;
                }
            });
        lib.def("ex-cause", "Returns the :cause of an error made with (ex-info message data cause), or nil.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return args[0] instanceof LMap m ? m.get(CAUSE) : null;
                }
            });
        lib.def("ex-message", "Returns the message of a caught error: a string as it is, a map's :message.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    if (args[0] instanceof String s) {
                        return s;
                    }
                    return args[0] instanceof LMap m ? m.get(MESSAGE) : null;
                }
            });
        lib.def("ex-data", "Returns the :data of an error made with ex-info, or nil.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return args[0] instanceof LMap m ? m.get(DATA) : null;
                }
            });
    }

    /** ns/name of (keyword ns name) or (symbol ns name); a nil ns gives the plain name, as in Clojure. */
    private static String qualified(Library lib, String fn, Object[] args) {
        String name = Args.string(fn, args[1]);
        String ns = args[0] == null ? null : Args.string(fn, args[0]);
        String out = ns == null ? name : ns + "/" + name;
        lib.chargeChars(out.length());
        return out;
    }

    /** The name part of a keyword's or symbol's text: after the first / that is neither first nor last. */
    private static String local(String text) {
        int slash = text.indexOf('/');
        return slash > 0 && slash < text.length() - 1 ? text.substring(slash + 1) : text;
    }
}
