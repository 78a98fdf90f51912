package drogulus.logos.builtins;

import drogulus.logos.data.Printer;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import java.io.PrintStream;

/**
 * Printing to the interpreter's output. Bodies are anonymous classes, not lambdas, for start-up speed ({@link
 * Library} says why).
 */
final class OutputBuiltins {
    private static final int V = Builtin.VARIADIC;

    private OutputBuiltins() {
    }

    private static String join(Library lib, Object[] args, boolean readably) {
        StringBuilder out = new StringBuilder();
        int length = PrintLength.of(lib.interp(), -1);
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            Printer.print(out, args[i], readably, 0, length);
        }
        return out.toString();
    }

    static void install(Library lib) {
        // Every printing built-in goes through join; the printer charges as it writes.
        lib.def("println", "Prints the arguments plainly, separated by spaces, then a newline; returns nil.", 0, V,
            new Body() {
                @Override public Object apply(Object[] args) {
                    PrintStream out = lib.interp().output();
                    out.println(join(lib, args, false));
                    return null;
                }
            });
        lib.def("print", "Prints the arguments plainly, separated by spaces; returns nil.", 0, V, new Body() {
            @Override public Object apply(Object[] args) {
                lib.interp().output().print(join(lib, args, false));
                return null;
            }
        });
        lib.def("prn", "Prints the arguments readably, separated by spaces, then a newline; returns nil.", 0, V,
            new Body() {
                @Override public Object apply(Object[] args) {
                    lib.interp().output().println(join(lib, args, true));
                    return null;
                }
            });
        lib.def("pr", "Prints the arguments readably, separated by spaces; returns nil.", 0, V, new Body() {
            @Override public Object apply(Object[] args) {
                lib.interp().output().print(join(lib, args, true));
                return null;
            }
        });
        lib.def("newline", "Prints a newline; returns nil.", 0, 0, new Body() {
            @Override public Object apply(Object[] args) {
                lib.interp().output().println();
                return null;
            }
        });
        lib.def("flush", "Flushes the output; returns nil.", 0, 0, new Body() {
            @Override public Object apply(Object[] args) {
                lib.interp().output().flush();
                return null;
            }
        });
    }
}
