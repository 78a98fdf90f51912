package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Interp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Privileged built-ins: files and the process. A sandbox never has these. Bodies are anonymous classes, not
 * lambdas, for start-up speed ({@link Library} says why).
 */
final class FileBuiltins {
    private FileBuiltins() {
    }

    static void install(Library lib) {
        Interp interp = lib.interp();
        lib.def("slurp", "Returns the contents of a file as a string (UTF-8).", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Interp.readFile(Path.of(Args.string("slurp", args[0])));
                }
            });
        lib.def("spit", "Writes (str x) to a file, replacing it, or appending with :append true; returns nil.",
            2, 4, new Body() {
                @Override public Object apply(Object[] args) {
                    Path path = Path.of(Args.string("spit", args[0]));
                    boolean append = args.length == 4 && args[2] instanceof drogulus.logos.data.Keyword k
                        && k.name().equals("append") && Colls.truthy(args[3]);
                    try {
                        Files.writeString(path, Printer.str(args[1]), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
                    } catch (IOException | RuntimeException e) {
                        throw new LogosError("Can't write " + path + ": " + e.getMessage());
                    }
                    return null;
                }
            });
        lib.def("load-file", "Evaluates every form in a file; returns the last value.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return interp.loadFile(Path.of(Args.string("load-file", args[0])));
                }
            });
        lib.def("exit", "Ends the process with the given status (default 0).", 0, 1, new Body() {
            @Override public Object apply(Object[] args) {
                System.out.flush();
                System.exit(args.length == 0 ? 0 : (int) Args.integer("exit", args[0]));
                return null;
            }
        });
    }
}
