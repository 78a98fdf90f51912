package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.LFn;
import drogulus.logos.data.Printer;
import drogulus.logos.eval.Budget;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Interp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Printing to the interpreter's output. Bodies are anonymous classes, not lambdas, for start-up speed ({@link
 * Library} says why).
 */
final class OutputBuiltins {
    private static final int V = Builtin.VARIADIC;

    private OutputBuiltins() {
    }

    /** Text with-out-str keeps until its function returns: charged as memory as it grows, as a string would be. */
    private static final class Captured extends ByteArrayOutputStream {
        private final Budget budget;

        Captured(Budget budget) {
            this.budget = budget;
        }

        @Override
        public synchronized void write(int b) {
            budget.allocate(2);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            budget.allocate(2L * length);
            super.write(bytes, offset, length);
        }
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
        lib.def("with-out-str*", "Calls f with no arguments and returns what it printed as a string instead of "
            + "printing it; the with-out-str macro calls this.", 1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    LFn f = Args.fn("with-out-str*", args[0]);
                    Interp interp = lib.interp();
                    PrintStream saved = interp.output();
                    ByteArrayOutputStream captured = new Captured(interp.budget());
                    interp.setOutput(new PrintStream(captured, true, StandardCharsets.UTF_8));
                    try {
                        f.invoke(new Object[0]);
                    } finally {
                        interp.setOutput(saved);
                    }
                    return captured.toString(StandardCharsets.UTF_8);
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
