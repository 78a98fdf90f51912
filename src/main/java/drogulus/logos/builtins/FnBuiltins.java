package drogulus.logos.builtins;

import static drogulus.logos.builtins.Colls.call;
import static drogulus.logos.builtins.Colls.truthy;

import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Numbers;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import java.util.Arrays;

/**
 * Built-ins that make functions from functions: identity, comp, partial, constantly, complement, juxt, fnil.
 * Bodies are anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class FnBuiltins {
    private static final int V = Builtin.VARIADIC;

    private static final Label CONSTANTLY = new Label("constantly");
    private static final Label COMPLEMENT = new Label("complement");
    private static final Label COMP = new Label("comp");
    private static final Label PARTIAL = new Label("partial");
    private static final Label JUXT = new Label("juxt");
    private static final Label FNIL = new Label("fnil");

    private FnBuiltins() {
    }

    static void install(Library lib) {
        lib.def("identity", "Returns its argument.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return args[0];
            }
        });
        lib.def("constantly", "Returns a function that ignores its arguments and returns x.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return made(CONSTANTLY, fnArgs -> args[0]);
                }
            });
        lib.def("complement", "Returns a function that returns the logical opposite of f.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return made(COMPLEMENT, fnArgs -> !truthy(call(lib, args[0], fnArgs)));
                }
            });
        lib.def("comp", "Returns the composition of the functions: ((comp f g) x) is (f (g x)); (comp) is "
            + "identity.", 0, V, new Body() {
                @Override public Object apply(Object[] args) {
                    return made(COMP, fnArgs -> {
                        if (args.length == 0) {
                            if (fnArgs.length != 1) {
                                throw new LogosError("Wrong number of arguments to (comp): expected 1, got "
                                    + fnArgs.length);
                            }
                            return fnArgs[0];
                        }
                        Object result = call(lib, args[args.length - 1], fnArgs);
                        for (int i = args.length - 2; i >= 0; i--) {
                            result = call(lib, args[i], result);
                        }
                        return result;
                    });
                }
            });
        lib.def("partial", "Returns a function that calls f with the given arguments followed by its own.", 1, V,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return made(PARTIAL, fnArgs -> {
                        Object[] all = Arrays.copyOfRange(args, 1, args.length + fnArgs.length);
                        System.arraycopy(fnArgs, 0, all, args.length - 1, fnArgs.length);
                        lib.chargeItems(all.length);
                        return call(lib, args[0], all);
                    }, args.length == 2 ? a -> {
                        // (partial f x) called with one argument, as closure-heavy code calls it: no arrays to copy.
                        lib.chargeItems(2);
                        return lib.interp().apply2(args[0], args[1], a);
                    } : null, null);
                }
            });
        lib.def("juxt", "Returns a function that returns the vector of each function's result on its arguments.",
            1, V, new Body() {
                @Override public Object apply(Object[] args) {
                    return made(JUXT, fnArgs -> {
                        lib.chargeItems(args.length);
                        Object[] out = new Object[args.length];
                        for (int i = 0; i < args.length; i++) {
                            out[i] = call(lib, args[i], fnArgs);
                        }
                        return LVector.of(out);
                    });
                }
            });
        lib.def("fnil", "Returns a function that calls f with nil arguments among the first few replaced by the "
            + "given defaults.", 2, 4, new Body() {
                @Override public Object apply(Object[] args) {
                    Fnil fnil = new Fnil(lib, args);
                    return made(FNIL, fnil, fnil, fnil);
                }
            }, null, new FnilOfTwo(lib));
        lib.def("max-key", "Returns the argument x for which (k x) is greatest; the last one on ties.", 2, V,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return extreme(lib, "max-key", args, 1);
                }
            });
        lib.def("min-key", "Returns the argument x for which (k x) is least; the last one on ties.", 2, V,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return extreme(lib, "min-key", args, -1);
                }
            });
    }

    private static Builtin made(Label label, Builtin.Body body) {
        return made(label, body, null, null);
    }

    private static Builtin made(Label label, Builtin.Body body, Builtin.Body1 one, Builtin.Body2 two) {
        return new Builtin(label.name(), label.doc(), 0, V, body, one, two);
    }

    /**
     * The function fnil makes: f with nil among its first arguments replaced by the defaults. One object serves
     * every argument count (one and two, as update calls it, without patching a copy of an argument array), as
     * fnil is often called once per item, inside the loop that uses its function.
     */
    private static final class Fnil implements Builtin.Body, Builtin.Body1, Builtin.Body2 {
        private final Library lib;
        /** fnil's own arguments: f, then the defaults. */
        private final Object[] args;

        Fnil(Library lib, Object[] args) {
            this.lib = lib;
            this.args = args;
        }

        @Override
        public Object apply(Object[] fnArgs) {
            Object[] patched = fnArgs.clone();
            for (int i = 1; i < args.length && i - 1 < patched.length; i++) {
                if (patched[i - 1] == null) {
                    patched[i - 1] = args[i];
                }
            }
            return call(lib, args[0], patched);
        }

        @Override
        public Object apply(Object a) {
            return lib.interp().applyBuiltinFirst(args[0], a == null ? args[1] : a);
        }

        @Override
        public Object apply(Object a, Object b) {
            Object second = args.length > 2 ? args[2] : null;
            return lib.interp().applyBuiltinFirst(args[0], a == null ? args[1] : a, b == null ? second : b);
        }
    }

    /**
     * {@code (fnil f x)}, as update's argument in a loop makes it once per item: the function made last is given
     * again while f and x are the very same objects, instead of a new function (three objects, ~80 bytes) per item.
     * A made function holds only f and x and never changes, so the one given again does all the new one would;
     * the only difference is that {@code identical?} can tell, and Logos promises nothing there for fresh functions.
     * The last one is held in an immutable record, so a reader on another thread sees it whole or not at all.
     */
    private static final class FnilOfTwo implements Builtin.Body2 {
        private final Library lib;
        private LastFnil last;

        FnilOfTwo(Library lib) {
            this.lib = lib;
        }

        @Override
        public Object apply(Object f, Object x) {
            LastFnil seen = last;
            if (seen != null && seen.f == f && seen.x == x) {
                return seen.made;
            }
            Fnil fnil = new Fnil(lib, new Object[] {f, x});
            Builtin made = made(FNIL, fnil, fnil, fnil);
            last = new LastFnil(f, x, made);
            return made;
        }
    }

    /** The arguments of the last two-argument fnil call and the function it made. */
    private record LastFnil(Object f, Object x, Builtin made) {
    }

    private static Object extreme(Library lib, String fn, Object[] args, int sign) {
        Object best = args[1];
        if (args.length == 2) {
            return best;
        }
        Object bestKey = call(lib, args[0], best);
        for (int i = 2; i < args.length; i++) {
            Object key = call(lib, args[0], args[i]);
            if (sign * Numbers.compare(fn, key, bestKey) >= 0) {
                best = args[i];
                bestKey = key;
            }
        }
        return best;
    }

    /** A made function's name and docstring, made once per kind rather than once per function made. */
    private record Label(String name, String doc) {
        Label(String maker) {
            this("fn (" + maker + ")", "A function made by " + maker + ".");
        }
    }
}
