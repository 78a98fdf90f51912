package drogulus.logos.eval;

import drogulus.logos.data.Args;
import drogulus.logos.data.Cost;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LFn;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Position;
import drogulus.logos.data.Printer;
import drogulus.logos.data.Symbol;
import drogulus.logos.read.Reader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One Logos interpreter: a global environment, the budget its code runs under, and the analyser. Each
 * top-level form is analysed once into nodes and then run. Not thread-safe: one thread evaluates at a time.
 */
public final class Interp {
    private static final Symbol DO = Symbol.of("do");
    private static final Object[] NOTHING = new Object[0];

    private final Globals globals;
    private final Budget budget;
    private final Analyzer analyzer;
    /** Where println and friends write; the REPL points it at its terminal. */
    private PrintStream output = System.out;
    private PrintStream guestOutput;

    public Interp(Globals globals, Budget budget) {
        this.globals = globals;
        this.budget = budget;
        this.analyzer = new Analyzer(this);
    }

    public Globals globals() {
        return globals;
    }

    public Budget budget() {
        return budget;
    }

    public PrintStream output() {
        return output;
    }

    public void setOutput(PrintStream stream) {
        output = stream;
    }

    /** Where sandboxes started from this interpreter print: its own output unless set apart. */
    public PrintStream guestOutput() {
        return guestOutput != null ? guestOutput : output;
    }

    /** Sends what sandboxed code prints to stream (the REPL escapes its control characters there). */
    public void setGuestOutput(PrintStream stream) {
        guestOutput = stream;
    }

    /** The docstring of a special form, or null if the name is not one. */
    public static String specialFormDoc(String name) {
        return SpecialForms.doc(name);
    }

    /** Evaluates one top-level form. A top-level {@code do} runs its forms one by one, so macros it defines work. */
    public Object eval(Object form) {
        Cost outer = Cost.install(budget);
        try {
            if (form instanceof LList list && !list.isEmpty() && list.first() == DO) {
                Object result = null;
                for (Object item : list.rest()) {
                    result = eval(item);
                }
                return result;
            }
            Scope scope = new Scope(null);
            EvalNode node = analyzer.analyze(form, scope, Analyzer.Tail.FN);
            Frame frame = new Frame(scope.frameSize(), NOTHING, null);
            Object result = node.eval(frame);
            if (result instanceof TailCall call) {
                result = applyTail(call);
            }
            return result;
        } catch (StackOverflowError e) {
            throw new LogosError("Stack overflow: recursion too deep for the Java stack");
        } catch (OutOfMemoryError e) {
            // The failed allocation is garbage now; reporting it lets the REPL and the node carry on.
            throw new LogosError("Out of memory: the program built more data than the Java heap holds");
        } catch (LogosError e) {
            throw e;
        } catch (RuntimeException e) {
            throw Errors.fromJava(e);
        } finally {
            Cost.restore(outer);
        }
    }

    /** Reads and evaluates every form of a source text; returns the last value. */
    public Object evalString(String source, String file) {
        Reader reader = new Reader(source, file);
        Object result = null;
        for (Object form = reader.next(); form != Reader.EOF; form = reader.next()) {
            result = evalTopLevel(form, reader.formStart());
        }
        return result;
    }

    /**
     * Evaluates a form read at {@code start} (a file's top level, a REPL entry): an error gets that position if
     * it has none, and a frame naming it if it was raised in another file with no frame in this one.
     */
    public Object evalTopLevel(Object form, Position start) {
        try {
            return eval(form);
        } catch (LogosError e) {
            // An error raised in another file (a library, a required namespace) with no frame in this one, as
            // when the form's own call was a tail call: the frame of this form says where this file reached it.
            boolean elsewhere = e.position() != null && !e.mentions(start.file());
            // A bare symbol, or an error raised outside any positioned node, still names file:line:column.
            e.at(start);
            if (elsewhere) {
                e.addFrame(topLevelLabel(form) + " (" + start + ")");
            }
            throw e;
        }
    }

    /** What a stack frame calls a top-level form: the name it calls, or "top level". */
    private static String topLevelLabel(Object form) {
        return form instanceof LList list && !list.isEmpty() && list.first() instanceof Symbol head ? head.name()
            : "top level";
    }

    /**
     * Makes the definitions of a library file available, each read and evaluated when code first names it
     * ({@link LazyDefinitions}); a file that is not made only of definitions is evaluated now, whole.
     */
    public void defineLazily(String source, String file) {
        LazyDefinitions lazy = LazyDefinitions.cut(source, file, this);
        if (lazy == null) {
            evalString(source, file);
        } else {
            globals.addLazy(lazy);
        }
    }

    /** Runs trusted library code met while other code is analysed or run, in user and without charge to it. */
    void aside(Runnable load) {
        analyzer.aside(() -> globals.namespaces().inUser(() -> budget.exemptInPassing(load)));
    }

    /** Evaluates a file's forms in this interpreter; errors carry the file's name and positions. */
    public Object loadFile(Path path) {
        return globals.namespaces().within(() -> evalString(readFile(path), path.toString()));
    }

    /** The text of a file, or a Logos error that names the file and why it can't be read. */
    public static String readFile(Path path) {
        long most = Integer.MAX_VALUE - 16;
        try {
            return readFile(path, most);
        } catch (LimitExceeded e) {
            throw new LogosError("Can't read " + path + ": it is longer than " + most + " characters");
        }
    }

    /**
     * The text of a file of at most maxChars characters. The limit is checked while reading, so a huge file
     * (or a device that never ends) is refused without being read whole, as a source limit error.
     */
    public static String readFile(Path path, long maxChars) {
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try (java.io.Reader in = new java.io.InputStreamReader(Files.newInputStream(path), utf8)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (text.length() + (long) n > maxChars) {
                    throw new LimitExceeded("source", maxChars + " characters");
                }
                text.append(buffer, 0, n);
            }
            return text.toString();
        } catch (NoSuchFileException e) {
            throw new LogosError("Can't read " + path + ": no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new LogosError("Can't read " + path + ": it is not UTF-8 text");
        } catch (IOException | RuntimeException e) {
            if (e instanceof LogosError error) {
                throw error;
            }
            throw new LogosError("Can't read " + path + ": " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new LogosError("Can't read " + path + ": it does not fit in memory");
        }
    }

    /** Calls anything callable: functions, and keywords, maps and vectors used as functions. */
    public Object apply(Object fn, Object... args) {
        return invoke(fn, args);
    }

    /**
     * Calls fn with two arguments, as {@link #apply} does, without an argument array when fn is a built-in with a
     * two-argument path: what reduce calls once per item.
     */
    public Object apply2(Object fn, Object a, Object b) {
        if (fn instanceof Builtin builtin && builtin.two != null) {
            return builtin.two.apply(a, b);
        }
        return invoke(fn, new Object[] {a, b});
    }

    /**
     * Calls fn with one argument as {@link #apply} does, by a built-in's fast path when it has one: for callers
     * that mostly call built-ins (the function fnil makes, update's f). A method of their own, not apply2, which
     * reduce calls with closures: the JIT profiles each method's branches and types once for all its callers, so
     * shared, code compiled for the built-in case would also carry the whole closure call path inlined.
     */
    public Object applyBuiltinFirst(Object fn, Object a) {
        if (fn instanceof Builtin builtin && builtin.one != null) {
            return builtin.one.apply(a);
        }
        return invoke(fn, new Object[] {a});
    }

    /** {@link #applyBuiltinFirst(Object, Object)} with two arguments. */
    public Object applyBuiltinFirst(Object fn, Object a, Object b) {
        if (fn instanceof Builtin builtin && builtin.two != null) {
            return builtin.two.apply(a, b);
        }
        return invoke(fn, new Object[] {a, b});
    }

    /** The one dispatch of every call: closures in their own interpreter, built-ins by their fast paths. */
    static Object invoke(Object fn, Object[] args) {
        if (fn instanceof Closure closure) {
            return closure.interp.call(closure, args);
        }
        if (fn instanceof Builtin builtin) {
            if (args.length == 2 && builtin.two != null) {
                return builtin.two.apply(args[0], args[1]);
            }
            if (args.length == 1 && builtin.one != null) {
                return builtin.one.apply(args[0]);
            }
            return builtin.invoke(args);
        }
        if (fn instanceof LFn callable) {
            return callable.invoke(args);
        }
        return applyData(fn, args);
    }

    static Object applyData(Object fn, Object[] args) {
        if (fn instanceof Keyword || fn instanceof LMap) {
            if (args.length < 1 || args.length > 2) {
                throw new LogosError("Wrong number of arguments to " + Printer.print(fn, true)
                    + " used as a function: expected 1 or 2, got " + args.length);
            }
            Object notFound = args.length == 2 ? args[1] : null;
            if (fn instanceof LMap map) {
                return map.get(args[0], notFound);
            }
            if (args[0] instanceof LSet set) {
                return set.get(fn, notFound);
            }
            return args[0] instanceof LMap map ? map.get(fn, notFound) : notFound;
        }
        if (fn instanceof LSet set) {
            if (args.length < 1 || args.length > 2) {
                throw new LogosError("Wrong number of arguments to a set used as a function: expected 1 or 2, got "
                    + args.length);
            }
            return set.get(args[0], args.length == 2 ? args[1] : null);
        }
        if (fn instanceof LVector vector) {
            if (args.length != 1) {
                throw new LogosError("Wrong number of arguments to a vector used as a function: expected 1, got "
                    + args.length);
            }
            int index = Args.index("vector", args[0]);
            if (index >= vector.count()) {
                throw new LogosError("Index " + index + " out of bounds for vector of " + vector.count());
            }
            return vector.nth(index);
        }
        if (fn instanceof Macro macro) {
            throw new LogosError("Can't take the value of macro " + macro.name() + ": macros are not functions");
        }
        throw new LogosError("Cannot call " + Printer.describe(fn) + ": it is not a function");
    }

    /**
     * Runs a closure: binds arguments, runs the body, and makes the tail calls it returns. Kept small, as the
     * path of every call: the JIT compiles and inlines it early. {@link LoopCallCopy} makes the same call for
     * built-ins' loops (a change here is a change there; LoopCallTest compares the two).
     */
    @Twin("closure call")
    Object call(Closure closure, Object[] args) {
        Budget b = budget;
        b.enter();
        try {
            Arity arity = closure.arityFor(args.length);
            b.steps(arity.weight);
            Object result = arity.run(arity.frame(args, closure), b);
            return result instanceof TailCall tail ? trampoline(closure, tail, b) : result;
        } finally {
            b.exit();
        }
    }

    /** Makes the tail calls a closure's body returned, one after another, in that closure's place on the stack. */
    @Twin("self tail call")
    Object trampoline(Closure closure, TailCall first, Budget b) {
        Closure current = closure;
        TailCall call = first;
        try {
            while (true) {
                if (!(call.fn instanceof Closure next) || next.interp != this) {
                    return applyTail(call);
                }
                current = next;
                Arity arity = arityAt(current, call);
                b.steps(arity.weight);
                Object result = arity.run(arity.frame(call.args, current), b);
                if (!(result instanceof TailCall more)) {
                    return result;
                }
                call = more;
            }
        } catch (LogosError e) {
            if (current != closure) {
                // A tail call replaced the caller's frame; name the function that was running.
                e.addFrame(current.name() + " (reached by a tail call from " + closure.name() + ")");
            }
            throw e;
        }
    }

    /** Makes a tail call outside a trampoline's loop; an error with no place of its own names the call's. */
    private Object applyTail(TailCall call) {
        try {
            return apply(call.fn, call.args);
        } catch (LogosError e) {
            throw e.at(call.position);
        }
    }

    /** The arity a tail call runs; a wrong count is reported where the call was written. */
    private static Arity arityAt(Closure closure, TailCall call) {
        try {
            return closure.arityFor(call.args.length);
        } catch (LogosError e) {
            throw e.at(call.position);
        }
    }

    /** Expands a form once if its head names a macro; otherwise returns it unchanged. */
    public Object macroexpand1(Object form) {
        if (form instanceof LList list && list.first() instanceof Symbol head) {
            Macro macro = analyzer.macroNamed(head);
            if (macro != null) {
                return analyzer.expand(macro, list);
            }
        }
        return form;
    }

    /** Expands a form until its head is no longer a macro. */
    public Object macroexpand(Object form) {
        Object current = form;
        for (int i = 0; i < 10_000; i++) {
            Object next = macroexpand1(current);
            if (next == current) {
                return current;
            }
            current = next;
        }
        throw new LogosError("Macro expansion does not end (over 10000 expansions)");
    }
}
