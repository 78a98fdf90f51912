package drogulus.logos.builtins;

import drogulus.logos.data.Args;
import drogulus.logos.data.LFn;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Printer;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import java.util.Arrays;
import java.util.Comparator;

/**
 * sorted-map-by and sorted-set-by: sorted collections ordered by a Logos function. Bodies are anonymous classes,
 * not lambdas, for start-up speed ({@link Library} says why).
 */
final class SortedByBuiltins {
    private static final int V = Builtin.VARIADIC;

    private SortedByBuiltins() {
    }

    static void install(Library lib) {
        lib.def("sorted-map-by", "(sorted-map-by comparator k v ...) returns a map that keeps its keys in the order "
            + "comparator gives: a function of two keys returning a negative, zero or positive number, or a "
            + "predicate such as > that is true when the first comes first.", 1, V, new Body() {
                @Override public Object apply(Object[] args) {
                    if (args.length % 2 != 1) {
                        throw new LogosError("sorted-map-by expects a comparator, then keys and values in pairs, "
                            + "got " + (args.length - 1) + " arguments after the comparator");
                    }
                    Comparator<Object> order = order("sorted-map-by", args[0]);
                    lib.chargeItems(args.length - 1);
                    LMap out = LMap.sorted(order);
                    for (int i = 1; i < args.length; i += 2) {
                        out = out.assoc(args[i], args[i + 1]);
                    }
                    return out;
                }
            });
        lib.def("sorted-set-by", "(sorted-set-by comparator x ...) returns a set that keeps its items in the order "
            + "comparator gives (as sorted-map-by's).", 1, V, new Body() {
                @Override public Object apply(Object[] args) {
                    Comparator<Object> order = order("sorted-set-by", args[0]);
                    lib.chargeItems(args.length - 1);
                    return LSet.sorted(order).conjAll(Arrays.asList(args).subList(1, args.length));
                }
            });
    }

    /**
     * The order a Logos function gives, read as Clojure reads one: a number is the comparison itself; otherwise
     * a truthy (f a b) puts a first, and a truthy (f b a) puts b first.
     */
    static Comparator<Object> order(String fn, Object value) {
        LFn f = Args.fn(fn, value);
        return (a, b) -> {
            Object result = f.invoke(a, b);
            if (result instanceof Long n) {
                return Long.signum(n);
            }
            if (result instanceof Double d) {
                return (int) Math.signum(d);
            }
            if (result instanceof java.math.BigInteger n) {
                return n.signum();
            }
            if (result != null && !(result instanceof Boolean)) {
                throw new LogosError(fn + ": the comparator returned " + Printer.describe(result)
                    + "; expected a number or a boolean");
            }
            if (truthy(result)) {
                return -1;
            }
            return truthy(f.invoke(b, a)) ? 1 : 0;
        };
    }

    private static boolean truthy(Object x) {
        return x != null && x != Boolean.FALSE;
    }
}
