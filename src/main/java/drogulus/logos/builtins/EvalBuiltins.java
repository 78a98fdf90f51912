package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Closure;
import drogulus.logos.eval.Globals;
import drogulus.logos.eval.Interp;
import drogulus.logos.eval.Macro;
import drogulus.logos.read.Reader;

/**
 * The interpreter as code reaches it: eval, read-string, macro expansion, loading a library, whether a name is
 * bound, the clock, and documentation. Bodies are anonymous classes, not lambdas, for start-up speed ({@link
 * Library} says why).
 */
final class EvalBuiltins {
    private EvalBuiltins() {
    }

    static void install(Library lib) {
        Interp interp = lib.interp();
        lib.def("eval", "Evaluates a form (data, not a string) and returns its value.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return interp.eval(args[0]);
                }
            });
        lib.def("read-string", "Reads the first form from a string and returns it, unevaluated; nil if the "
            + "string holds no form.", 1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    String source = Args.string("read-string", args[0]);
                    lib.chargeChars(source.length());
                    Object form = new Reader(source, "<string>").next();
                    return form == Reader.EOF ? null : form;
                }
            });
        lib.def("macroexpand-1", "Expands a form once if it is a macro call; returns other forms unchanged.", 1,
            1, new Body() {
                @Override public Object apply(Object[] args) {
                    return interp.macroexpand1(args[0]);
                }
            });
        lib.def("macroexpand", "Expands a form until it is no longer a macro call.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return interp.macroexpand(args[0]);
                }
            });
        lib.def("load-library", "Loads a library that ships with drogulus (in lib-logos/), such as \"test.logos\".",
            1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    String name = Args.string("load-library", args[0]);
                    if (!name.matches("[a-z0-9-]+\\.logos")) {
                        throw new LogosError("load-library expects a library name such as \"test.logos\", got "
                            + Printer.describe(name));
                    }
                    CoreLibrary.loadLibrary(interp, name);
                    return null;
                }
            });
        lib.def("bound?", "Returns true if the symbol names a defined global.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                if (!(args[0] instanceof Symbol symbol)) {
                    throw Args.typeError("bound?", "a symbol", args[0]);
                }
                Globals.Cell cell = interp.globals().find(symbol);
                return cell != null && cell.isBound();
            }
        });
        lib.def("time-ms", "Returns the current time in milliseconds since the epoch.", 0, 0,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return System.currentTimeMillis();
                }
            });
        lib.def("doc*", "Returns the docstring of the global named by a symbol, printed with its name; the doc "
            + "macro calls this.", 1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    Symbol written = args[0] instanceof Symbol s ? s : Symbol.of(Args.string("doc*", args[0]));
                    // As code would mean it here: m/f through an alias, a plain name to its namespace's own.
                    Symbol symbol = Interp.specialFormDoc(written.name()) != null ? written
                        : interp.globals().resolve(written).symbol();
                    String text = docOf(interp.globals(), symbol);
                    Globals.Cell cell = interp.globals().find(symbol);
                    String arglists = cell == null || !cell.isBound() ? null
                        : HelpBuiltins.arglists(symbol.name(), cell.get());
                    if (text == null && arglists == null) {
                        throw new LogosError("No documentation for " + symbol.name());
                    }
                    interp.output().println(symbol.name() + (arglists == null ? "" : "\n" + arglists)
                        + (text == null ? "" : "\n  " + text.replace("\n", "\n  ")));
                    return null;
                }
            });
    }

    private static String docOf(Globals globals, Symbol symbol) {
        String special = Interp.specialFormDoc(symbol.name());
        if (special != null) {
            return special;
        }
        Globals.Cell cell = globals.find(symbol);
        if (cell == null || !cell.isBound()) {
            throw new LogosError("Unable to resolve symbol: " + symbol.name());
        }
        if (cell.doc() != null) {
            return cell.doc();
        }
        Object value = cell.get();
        if (value instanceof Builtin b) {
            return b.doc();
        }
        if (value instanceof Closure c) {
            return c.doc();
        }
        if (value instanceof Macro m) {
            return m.doc();
        }
        return null;
    }
}
