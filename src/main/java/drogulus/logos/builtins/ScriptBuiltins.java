package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.LList;
import drogulus.logos.data.LSeq;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Globals;
import drogulus.logos.eval.Interp;
import java.util.ArrayList;
import java.util.List;

/**
 * What a script needs from its process: standard input, environment variables and its command-line arguments.
 * Privileged: a sandbox never has these. Bodies are anonymous classes, not lambdas, for start-up speed ({@link
 * Library} says why).
 */
public final class ScriptBuiltins {
    private static final Symbol IN = Symbol.of("*in*");
    private static final Symbol ARGS = Symbol.of("*command-line-args*");

    private ScriptBuiltins() {
    }

    static void install(Library lib) {
        Globals globals = lib.interp().globals();
        globals.define("*in*", new LineInput(System.in, "standard input"));
        globals.cell(IN).setDoc("The input read-line and line-seq read by default: standard input.");
        globals.define("*command-line-args*", null);
        globals.cell(ARGS).setDoc("The arguments given to the script after its file name (or after --), as a "
            + "list of strings; nil when there are none.");
        lib.def("read-line", "Reads the next line of *in* (standard input) and returns it without its line end; "
            + "nil at the end of the input.", 0, 0, new Body() {
                @Override public Object apply(Object[] args) {
                    return input("read-line", globals.cell(IN).get()).readLine();
                }
            });
        lib.def("line-seq", "Returns a lazy sequence of the remaining lines of an input such as *in*, each read "
            + "when the sequence is walked to it; nil if none remain.", 1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    return lines(lib, input("line-seq", args[0]));
                }
            });
        lib.def("getenv", "Returns the value of the environment variable name, or nil if it is not set; with no "
            + "argument, a map of every variable.", 0, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    if (args.length == 0) {
                        drogulus.logos.data.LMap all = drogulus.logos.data.LMap.EMPTY;
                        for (var entry : System.getenv().entrySet()) {
                            all = all.assoc(entry.getKey(), entry.getValue());
                        }
                        return all;
                    }
                    return System.getenv(Args.string("getenv", args[0]));
                }
            });
    }

    /**
     * As Clojure's: the first line is read now (nil when there is none), the others as the sequence is walked, so
     * an endless input answers {@code (first (line-seq *in*))}.
     */
    private static LSeq lines(Library lib, LineInput in) {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        lib.chargeChars(line.length());
        Seqs.cells(lib, 1);
        return LSeq.cons(line, Seqs.lazy(lib, () -> lines(lib, in)));
    }

    private static LineInput input(String fn, Object value) {
        if (value instanceof LineInput in) {
            return in;
        }
        throw Args.typeError(fn, "an input such as *in*", value);
    }

    /** Gives a script its arguments, and its standard input unless {@code in} is null (a test passes its own). */
    public static void forScript(Interp interp, List<String> arguments, LineInput in) {
        interp.globals().cell(ARGS).set(arguments.isEmpty() ? null : LList.from(new ArrayList<Object>(arguments)));
        if (in != null) {
            interp.globals().cell(IN).set(in);
        }
    }
}
