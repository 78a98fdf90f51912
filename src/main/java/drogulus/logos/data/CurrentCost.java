package drogulus.logos.data;

/** Holds the thread's current cost for {@link Cost#current()}; an interface cannot hold private state. */
final class CurrentCost {
    static final ThreadLocal<Cost> CURRENT = ThreadLocal.withInitial(() -> Cost.FREE);

    private CurrentCost() {
    }
}
