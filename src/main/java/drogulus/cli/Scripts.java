package drogulus.cli;

import drogulus.logos.builtins.LineInput;
import drogulus.logos.builtins.PrintLength;
import drogulus.logos.builtins.Sandbox;
import drogulus.logos.builtins.ScriptBuiltins;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.eval.Interp;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** {@code -e}: evaluates the forms and prints the last value readably, unless it is nil. */
    static int evalExpression(String source, PrintStream out, PrintStream err) {
        return evalExpressions(List.of(source), out, err);
    }

    /** Several {@code -e}: each in turn in one interpreter, printing each value that is not nil. */
    static int evalExpressions(List<String> sources, PrintStream out, PrintStream err) {
        try {
            Interp interp = Environments.standard(Home.directory());
            interp.setOutput(out);
            for (String source : sources) {
                Object value = interp.evalString(source, "<-e>");
                if (value != null) {
                    out.println(Printer.printLimited(value, true, MAX_RESULT_CHARS,
                        PrintLength.of(interp, PrintLength.INTERACTIVE)));
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

    /** {@code run} of files with no arguments for them. */
    static int runFiles(List<Path> files, boolean sandboxed, PrintStream out, PrintStream err) {
        List<String> names = files.stream().map(Path::toString).toList();
        return run(new RunArgs(names, List.of(), sandboxed), InputStream.nullInputStream(), out, err);
    }

    /** {@code run}: runs each file in one interpreter; stops at the first error. */
    static int run(RunArgs run, InputStream in, PrintStream out, PrintStream err) {
        try {
            checkReadable(run.files());
            Interp interp = run.sandbox() ? Environments.sandbox(Sandbox.Limits.DEFAULT)
                : Environments.standard(Home.directory());
            interp.setOutput(out);
            if (!run.files().get(0).equals(RunArgs.STDIN)) {
                interp.globals().namespaces().setScriptDirectory(scriptDirectory(Path.of(run.files().get(0))));
            }
            ScriptBuiltins.forScript(interp, run.arguments(),
                run.sandbox() ? null : new LineInput(in, "standard input"));
            for (String file : run.files()) {
                boolean stdin = file.equals(RunArgs.STDIN);
                String label = stdin ? "<stdin>" : file;
                if (run.sandbox()) {
                    long limit = Sandbox.Limits.DEFAULT.maxSourceChars();
                    String source = stdin ? readAll(in) : Interp.readFile(Path.of(file), limit);
                    Sandbox.run(interp, source, label);
                } else if (stdin) {
                    interp.evalString(readAll(in), label);
                } else {
                    interp.loadFile(Path.of(file));
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

    /**
     * Refuses the run before any file runs if one of them is missing or can't be read, so a mistyped second
     * file does not leave the first one's effects half done.
     */
    static void checkReadable(List<String> files) {
        for (String name : files) {
            if (name.equals(RunArgs.STDIN)) {
                continue;
            }
            Path file = Path.of(name);
            String why = !Files.exists(file) ? "no such file"
                : Files.isDirectory(file) ? "it is a directory"
                : !Files.isReadable(file) ? "permission denied" : null;
            if (why != null) {
                throw new LogosError("Can't read " + name + ": " + why + "; nothing was run");
            }
        }
    }

    /**
     * Where require looks first: the directory of the script's real file, so a script linked into ~/bin
     * finds the libraries beside it, as Python and Node do.
     */
    static Path scriptDirectory(Path script) {
        Path file = script.toAbsolutePath();
        try {
            file = file.toRealPath();
        } catch (IOException e) {
            // Not there (the run reports that) or unreadable: the path as given.
        }
        return file.getParent();
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LogosError("Can't read the script from standard input: " + e.getMessage());
        }
    }
}
