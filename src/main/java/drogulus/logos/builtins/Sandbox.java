package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.LimitExceeded;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Symbol;
import drogulus.logos.eval.Budget;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Globals;
import drogulus.logos.eval.Interp;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Interpreters for untrusted code. A sandbox is an environment, not a flag: its globals are built afresh from
 * the safe built-ins alone, so nothing it defines, and no closure it makes, can reach files, processes, the
 * network or the host's globals. Its budget limits steps, time, memory, depth and source size.
 */
public final class Sandbox {
    /** The limits of one sandboxed evaluation. */
    public record Limits(long steps, long timeMillis, long memoryBytes, int maxDepth, long maxSourceChars) {
        public static final Limits DEFAULT = new Limits(100_000_000L, 3_000L, 128L * 1024 * 1024, 2_000,
            1024L * 1024);
    }

    /**
     * Every built-in a sandbox may have, sorted: anything else installed is removed before code runs. Adding a
     * built-in to a safe group therefore changes nothing for sandboxes until a reviewer adds its name here (a
     * test fails until then). Never add anything that reads or writes files, starts or ends processes, uses
     * the network or the node's identity, writes to the DHT, reaches Java, or starts another sandbox.
     * {@code load-library} is here because it only loads the libraries bundled in the jar; {@code eval} and
     * the macro functions work on the sandbox's own globals.
     */
    public static final List<String> ALLOWED = List.of(
        "*", "+", "-", "/", "<", "<=", "=", "==", ">", ">=", "abs", "apply", "assoc", "assoc-in", "associative?",
        "atom", "atom?", "bit-and", "bit-not", "bit-or", "bit-shift-left", "bit-shift-right", "bit-test", "bit-xor",
        "boolean", "boolean?", "bound?", "butlast", "char", "coll?", "comp", "compare", "compare-and-set!",
        "complement", "concat", "conj", "cons", "constantly", "contains?", "count", "counted?",
        "crypto/construct-hash", "crypto/construct-key", "crypto/validate", "crypto/verify", "cycle", "dec",
        "delay*", "delay?", "deref", "disj", "dissoc", "distinct", "doall", "doc*", "dorun", "double", "double?",
        "drop", "drop-while", "empty", "empty?", "eval", "even?", "every?", "ex-cause", "ex-data",
        "ex-info", "ex-message", "false?", "ffirst", "filter", "filterv", "find", "first", "float",
        "float?", "flush", "fn?", "fnext", "fnil", "force", "format", "frequencies", "gensym", "get", "get-in",
        "group-by", "hash", "hash-map", "hash-set", "identical?", "identity", "ifn?", "in-ns", "inc", "indexed?",
        "int", "int?", "integer?", "interleave", "interpose", "into", "iterate", "json/parse", "json/str", "juxt",
        "keep", "keep-indexed", "key", "keys", "keyword", "keyword?", "last", "lazy-seq*", "list", "list*", "list?",
        "load-library", "macro?", "macroexpand", "macroexpand-1", "map", "map-indexed", "map?", "mapcat", "mapv",
        "math/ceil",
        "math/floor", "math/pow", "math/round", "math/sqrt", "max", "max-key", "merge", "merge-with", "min", "min-key",
        "mod", "name", "namespace", "nan?", "nat-int?", "neg-int?", "neg?", "newline", "next", "nfirst", "nil?",
        "nnext", "not", "not-any?", "not-empty", "not-every?", "not=", "ns-name", "nth", "number?", "odd?",
        "parse-boolean", "parse-double", "parse-long", "partial", "partition", "partition-all",
        "partition-by", "peek",
        "pop", "pos-int?", "pos?", "pr", "pr-str", "print", "print-str", "println", "println-str", "prn", "prn-str",
        "quot", "rand", "rand-int", "rand-nth", "range", "re-find", "re-matches", "re-pattern", "re-seq",
        "read-string", "realized?", "reduce", "reduce-kv", "reduced", "reduced?", "rem", "remove", "repeat",
        "repeatedly", "reset!", "rest", "reverse", "second", "select-keys", "seq", "seq?", "seqable?", "sequential?",
        "set", "set/difference", "set/intersection", "set/subset?", "set/superset?", "set/union", "set?", "shuffle",
        "some", "some?", "sort", "sort-by", "sorted-map", "sorted-map-by", "sorted-set", "sorted-set-by", "sorted?",
        "str", "string/blank?", "string/capitalize", "string/ends-with?", "string/includes?",
        "string/index-of", "string/join", "string/last-index-of", "string/lower-case", "string/re-quote-replacement",
        "string/replace", "string/replace-first", "string/replace-re", "string/reverse", "string/split",
        "string/split-lines", "string/split-re",
        "string/starts-with?", "string/trim", "string/triml", "string/trimr", "string/upper-case", "string?", "subs",
        "subvec", "swap!", "symbol", "symbol?", "take", "take-last", "take-while", "time-ms", "true?", "type",
        "unsigned-bit-shift-right", "update", "update-in", "val", "vals", "vec", "vector", "vector?", "with-out-str*",
        "zero?", "zipmap"
    );

    private static final Set<String> ALLOWED_SET = Set.copyOf(ALLOWED);

    private Sandbox() {
    }

    /** A fresh sandboxed interpreter with the safe built-ins and the Logos standard library. */
    public static Interp create(Limits limits) {
        return create(limits, interp -> { });
    }

    /**
     * A fresh sandboxed interpreter; {@code extras} adds safe built-ins from higher layers (JSON, hashing and
     * signature checks) before the standard library loads. Only names on {@link #ALLOWED} survive.
     */
    public static Interp create(Limits limits, Consumer<Interp> extras) {
        Interp interp = new Interp(new Globals(),
            Budget.limited(limits.steps(), limits.timeMillis(), limits.memoryBytes(), limits.maxDepth()));
        CoreLibrary.installSafe(interp);
        extras.accept(interp);
        keepAllowed(interp.globals());
        limitReadString(interp, limits.maxSourceChars());
        interp.budget().exempt(() -> CoreLibrary.loadCore(interp));
        return interp;
    }

    private static void keepAllowed(Globals globals) {
        for (String name : globals.bound().keySet()) {
            if (!ALLOWED_SET.contains(name)) {
                globals.undefine(Symbol.of(name));
            }
        }
    }

    /** read-string reads source like the sandbox's own, so it obeys the same source limit. */
    private static void limitReadString(Interp interp, long maxSourceChars) {
        Globals.Cell cell = interp.globals().find(Symbol.of("read-string"));
        if (cell == null || !(cell.get() instanceof Builtin original)) {
            return;
        }
        interp.globals().define(new Builtin(original.name(), cell.doc(), 1, 1, args -> {
            if (Args.string("read-string", args[0]).length() > maxSourceChars) {
                throw new LimitExceeded("source", maxSourceChars + " characters");
            }
            return original.invoke(args);
        }));
    }

    /**
     * Runs source in a sandboxed interpreter with a fresh allowance. A limit error reaches the caller as an
     * ordinary error, which the caller's own code may catch.
     */
    public static Object run(Interp sandbox, String source, String label) {
        return run(sandbox, source, label, Limits.DEFAULT.maxSourceChars());
    }

    public static Object run(Interp sandbox, String source, String label, long maxSourceChars) {
        if (source.length() > maxSourceChars) {
            throw new LogosError("Sandbox limit exceeded: source (" + maxSourceChars + " characters)");
        }
        sandbox.budget().reset();
        try {
            return sandbox.globals().namespaces().within(() -> sandbox.evalString(source, label));
        } catch (LimitExceeded e) {
            throw new LogosError(e.getMessage(), e.position());
        }
    }
}
