package drogulus.logos.eval;

/**
 * A built-in's two-argument path whose result, a lazy sequence, {@code reduce} may fold as the items are made
 * instead of making the sequence first: {@code (reduce f init (map g coll))} written so, where the sequence is
 * never seen by anything but the reduce ({@link ReduceOfMap}).
 */
public interface Fold {
    /** What {@link #fold} answers for a collection it does not fold, having done nothing. */
    Object NOT_FOLDED = new Object();

    /**
     * What {@code (reduce f init (step g coll))} gives, with the same calls of g and f in the same order, and the
     * same steps and memory charged at the same points, as making the sequence and reducing it would; or
     * {@link #NOT_FOLDED}, before doing anything, when coll is not a collection this folds.
     */
    Object fold(Object f, Object init, Object g, Object coll);
}
