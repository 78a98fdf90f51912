package drogulus.logos.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.builtins.CoreLibrary;
import drogulus.logos.data.Keyword;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Function bodies compiled to JVM classes give what their trees give. Each case defines {@code f}, then
 * compares the compiled body's result with the tree's for the same arguments; the compiler must accept every
 * body (it only falls back to the tree in the field, where a failure must not stop the program).
 */
@Timeout(60)
class CompilerTest {
    private final Interp interp = CoreLibrary.standard();

    /** The arity whose self tail calls may jump, as Arity.run passes it: a function's only one. */
    private static Arity selfArity(Closure closure) {
        return closure.arities.length == 1 ? closure.arities[0] : null;
    }

    private Object compiledCall(Closure closure, Object... args) throws Throwable {
        Arity arity = closure.arityFor(args.length);
        CompiledCode code = BodyCompiler.compileOrThrow(arity.body, selfArity(closure), Budget.unlimited());
        assertNotNull(code);
        Frame frame = new Frame(arity.frameSize, closure.captured, closure);
        arity.bind(frame, args);
        Object result = code.run(frame);
        return result instanceof TailCall call ? interp.apply(call.fn, call.args) : result;
    }

    private String both(String definition, String args) throws Throwable {
        Closure f = (Closure) interp.evalString(definition, "test");
        Object[] values = ((LVector) interp.evalString("[" + args + "]", "test")).toArray();
        Object tree = interp.apply(f, values);
        Object compiled = compiledCall(f, values);
        assertEquals(Printer.print(tree, true), Printer.print(compiled, true), definition);
        return Printer.print(compiled, true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(fn [n] (if (< n 2) n (+ n 1)))| 5| 6",
        "(fn [m s] [(:a m) (:z m) (:a s) (:a nil) (:a 5) (:a [1]) (:b {:a 1 :b {:c 2}})])| {:a 1} #{:a}|"
            + " [1 nil :a nil nil nil {:c 2}]",
        "(fn [m s] [(:a m 0) (:z m :none) (:a s :no) (:a nil 7) (:a [1] 8) (:b (sorted-map :a 1 :b 2))"
            + " (:c (sorted-map :a 1) 9) (:k9 (zipmap [:k1 :k2 :k3 :k4 :k5 :k6 :k7 :k8 :k9 :k10] (range 10)))])"
            + "| {:a 1} #{:a}| [1 :none :a 7 8 2 9 8]",
        "(fn [x] [{:a x} {:a x \"b\" (inc x)} {:c 1 :b x :a nil} {1 x :b 2 :c 3 :d 4} {:a {:b x}}])| 7|"
            + " [{:a 7} {:a 7, \"b\" 8} {:c 1, :b 7, :a nil} {1 7, :b 2, :c 3, :d 4} {:a {:b 7}}]",
        "(fn [x] (let [m {:id x :n (str \"c\" x) :v (* 2 x)}] [(dissoc m :id) (assoc m :id 0 :w 1) (:n m) (= m"
            + " (hash-map :v 6 :n \"c3\" :id 3))]))| 3| [{:n \"c3\", :v 6} {:id 0, :n \"c3\", :v 6, :w 1} \"c3\" true]",
        "(fn [a b] [(+ a b) (- a b) (< a b) (> a b) (<= a b) (>= a b) (= a b)])| 3 4|"
            + " [7 -1 true false true false false]",
        "(fn [a b] (+ a b))| 9223372036854775807 1| 9223372036854775808",
        "(fn [a b] (- a b))| -9223372036854775808 1| -9223372036854775809",
        "(fn [a b] [(+ a b) (< a b)])| 1.5 2| [3.5 true]",
        "(fn [x] [(inc x) (dec x) (not x) (not nil)])| 41| [42 40 false true]",
        "(fn [x] (inc x))| 9223372036854775807| 9223372036854775808",
        "(fn [x] (let [y (* x 2) z (str y)] (do (+ y 1) z)))| 21| \"42\"",
        "(fn [n] (loop [i 0 acc []] (if (< i n) (recur (inc i) (conj acc i)) acc)))| 4| [0 1 2 3]",
        "(fn [n] (loop [i 0 m {}] (if (< i n) (recur (inc i) (assoc m i (* i i))) m)))| 3| {0 0, 1 1, 2 4}",
        "(fn [[a b] {:keys [c]}] (list a b c))| [1 2] {:c 3}| (1 2 3)",
        "(fn [x] (when x (cond (> x 10) :big (> x 5) :medium :else :small)))| 7| :medium",
        "(fn [x] (try (if (> x 0) (throw (ex-info \"boom\" {:x x})) x) (catch e (ex-data e))))| 3| {:x 3}",
        "(fn [xs] (map (fn [x] (* x (count xs))) xs))| [1 2 3]| (3 6 9)",
        "(fn [f x] (f x 1 2))| + 4| 7",
        "(fn [m k] (get m k :none))| {:a 1} :b| :none",
        "(fn [v] (and (seq v) (or (first v) :nothing)))| [false]| :nothing",
        "(fn [n] (if (zero? n) :done (recur (dec n))))| 1000| :done",
        "(fn down [n acc] (if (zero? n) acc (down (dec n) (+ acc n))))| 100000 0| 5000050000",
        "(fn down [n & more] (if (zero? n) more (down (dec n) n)))| 3| (1)",
        "(fn down [n] (if (< n 1) n (let [f (if (even? n) down (fn [x] [:other x]))] (f (dec n)))))| 3| [:other 2]",
    })
    void compiledBodiesGiveWhatTheTreesGive(String definition, String args, String expected) throws Throwable {
        assertEquals(expected, both(definition, args));
    }

    @Test
    void errorsFromCompiledCodeNameTheFunctionAndPlace() throws Throwable {
        Closure f = (Closure) interp.evalString("(fn [a] (+ a \"x\"))", "test");
        LogosError e = assertThrows(LogosError.class, () -> compiledCall(f, 1L));
        assertTrue(e.getMessage().contains("+ expects a number, got \"x\" (string)"), e.getMessage());
    }

    @Test
    void aKeywordLookingUpASortedMapOfOtherKeysFailsAsInTheTree() throws Throwable {
        Closure f = (Closure) interp.evalString("(fn [m] (:a m))", "test");
        Object numbers = interp.evalString("(sorted-map 1 2)", "test");
        LogosError tree = assertThrows(LogosError.class, () -> interp.apply(f, numbers));
        LogosError compiled = assertThrows(LogosError.class, () -> compiledCall(f, numbers));
        assertEquals(tree.getMessage(), compiled.getMessage());
        assertTrue(compiled.getMessage().contains("can't compare"), compiled.getMessage());
    }

    @Test
    void aRedefinedBuiltinIsCalledFromCompiledCode() throws Throwable {
        Closure f = (Closure) interp.evalString("(fn [a b] (< a b))", "test");
        interp.evalString("(def < (fn [a b] :mine))", "test");
        assertEquals(Keyword.of("mine"), compiledCall(f, 1L, 2L));
    }

    @Test
    void deepRecursionIsStillALogosError() {
        HotCode.setCompileAfter(1);
        try {
            interp.evalString("(defn down [n] (if (= n 0) 0 (+ 1 (down (- n 1)))))", "test");
            assertEquals(5000L, interp.evalString("(down 5000)", "test"));
            LogosError e = assertThrows(LogosError.class, () -> interp.evalString("(down 10000000)", "test"));
            assertTrue(e.getMessage().contains("Stack overflow"), e.getMessage());
        } finally {
            HotCode.setCompileAfter(Integer.getInteger("drogulus.compileAfter", 1000));
        }
    }

    @Test
    void aBodyTooLargeForTheJitStaysATree() {
        String body = "(do" + " (+ x 1)".repeat(400) + ")";
        Closure f = (Closure) interp.evalString("(fn [x] " + body + ")", "test");
        assertThrows(BodyCompiler.TooLarge.class,
            () -> BodyCompiler.compileOrThrow(f.arities[0].body, null, Budget.unlimited()));
        HotCode.setCompileAfter(1);
        try {
            assertEquals(42L, interp.apply(f, 41L));
            assertEquals(42L, interp.apply(f, 41L));
        } finally {
            HotCode.setCompileAfter(Integer.getInteger("drogulus.compileAfter", 1000));
        }
    }

    @Test
    void aLimitedBudgetCompilesOnlySoManyBodiesAndNeverFailsForIt() {
        Closure f = (Closure) interp.evalString("(fn [n] (if (< n 2) n (+ n 1)))", "test");
        Budget limited = Budget.limited(1_000_000, 60_000, 100, 100);
        int[] installed = {0};
        for (int i = 0; i < Budget.MAX_LIMITED_COMPILATIONS + 10; i++) {
            HotCode.compile(f.arities[0].body, limited, null, code -> installed[0]++);
        }
        assertEquals(Budget.MAX_LIMITED_COMPILATIONS, installed[0]);
        int[] unlimited = {0};
        for (int i = 0; i < Budget.MAX_LIMITED_COMPILATIONS + 10; i++) {
            HotCode.compile(f.arities[0].body, Budget.unlimited(), null, code -> unlimited[0]++);
        }
        assertEquals(Budget.MAX_LIMITED_COMPILATIONS + 10, unlimited[0]);
    }
}
