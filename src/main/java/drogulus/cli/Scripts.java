package drogulus.cli;

import drogulus.logos.builtins.Sandbox;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.eval.Interp;
import drogulus.repl.Repl;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** What the command line runs: an expression, script files, or the REPL. */
final class Scripts {
    /**
     * Longest result text -e prints: a value that shares structure can print to far more text than memory
     * holds, so printing stops with an error past this.
     */
    static final long MAX_RESULT_CHARS = 64L * 1024 * 1024;

    private Scripts() {
    }

    /** {@code -e}: evaluates the forms and prints the last value readably. */
    static int evalExpression(String source, PrintStream out, PrintStream err) {
        try {
            Interp interp = Environments.standard(Home.directory());
            interp.setOutput(out);
            Object value = interp.evalString(source, "<-e>");
            out.println(Printer.printLimited(value, true, MAX_RESULT_CHARS));
            return 0;
        } catch (LogosError e) {
            out.flush();
            err.println(e.report());
            return 1;
        } catch (OutOfMemoryError | StackOverflowError e) {
            out.flush();
            err.println(Failures.describe(e));
            return 1;
        }
    }

    /** {@code run}: runs each file in one interpreter; stops at the first error. */
    static int runFiles(List<Path> files, boolean sandboxed, PrintStream out, PrintStream err) {
        try {
            Interp interp = sandboxed ? Environments.sandbox(Sandbox.Limits.DEFAULT)
                : Environments.standard(Home.directory());
            interp.setOutput(out);
            for (Path file : files) {
                if (sandboxed) {
                    long limit = Sandbox.Limits.DEFAULT.maxSourceChars();
                    Sandbox.run(interp, Interp.readFile(file, limit), file.toString());
                } else {
                    interp.loadFile(file);
                }
            }
            out.flush();
            return 0;
        } catch (LogosError e) {
            out.flush();
            err.println(e.report());
            return 1;
        } catch (OutOfMemoryError | StackOverflowError e) {
            out.flush();
            err.println(Failures.describe(e));
            return 1;
        }
    }

    static int repl() {
        Path home = Home.directory();
        Home.ensureExists(home);
        return new Repl(Environments.standard(home)).runOnTerminal(home.resolve("history"));
    }
}
