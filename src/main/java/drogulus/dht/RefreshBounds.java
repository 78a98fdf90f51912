package drogulus.dht;

import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A bucket refresh's bounds: it wants contacts in one bucket's range, not the K nodes nearest a random id.
 * Every id in the range is nearer to a target inside it than any id outside, so the contacts in range lead the
 * shortlist; once one is known, the lookup asks only those (the rest of the network is someone else's bucket),
 * and it ends when {@code filled} holds (our bucket has K contacts) or when every contact in range it knows
 * has answered, failed or stalled: nobody is left who could bring it nearer. With none known in range yet,
 * it goes on as an ordinary lookup. A contact that {@code held} says our bucket already has is asked only when
 * nobody else in range is left to ask and nothing is in flight: its answer names others but cannot add to the
 * bucket, while each newcomer that answers takes a place in it.
 */
public record RefreshBounds(Predicate<NodeId> inRange, BooleanSupplier filled, Predicate<NodeId> held) {
    /** A refresh that treats every contact alike. */
    public RefreshBounds(Predicate<NodeId> inRange, BooleanSupplier filled) {
        this(inRange, filled, id -> false);
    }
}
