package drogulus.logos.eval;

/**
 * What {@code reduce} (and {@code reduce-kv}) need to let a function build its map in place: a function whose
 * accumulator nothing but its own last step can see ({@link AccumulatorOwnership}) gets, from the reduce, a table
 * standing for the starting map ({@link OwnedMap}); the reduce gives back the map the table stands for. The
 * starting map itself is never changed, so anyone else holding it sees nothing.
 */
public final class Accumulators {
    private Accumulators() {
    }

    /**
     * The accumulator to pass f on its first call with {@code argCount} arguments: a table for init when f owns
     * its accumulator and init is a hash map, else init itself.
     */
    public static Object start(Object f, int argCount, Object init) {
        if (f instanceof Closure closure && init instanceof drogulus.logos.data.LMap) {
            // The arity a call with argCount arguments runs; none is no error here, as reduce may never call f.
            for (Arity arity : closure.arities) {
                if (arity.accepts(argCount)) {
                    OwnedMap table = arity.ownsAccumulator && !arity.variadic ? OwnedStep.tableFor(init) : null;
                    return table == null ? init : table;
                }
            }
        }
        return init;
    }

    /** body, giving back the map a table was building when its result is one: how reduce wraps its work. */
    public static Builtin.Body releasing(Builtin.Body body) {
        return args -> value(body.apply(args));
    }

    /** The value an accumulator stands for: the map a table was building, or the accumulator itself. */
    public static Object value(Object acc) {
        return OwnedStep.valueOf(acc);
    }
}
