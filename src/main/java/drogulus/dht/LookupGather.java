package drogulus.dht;

import java.util.Comparator;

/**
 * For FindValue: how many holders to hear from before answering and which of two values is newer; the node's
 * round-trip estimate that sets the stall time (null: never stall); and whether up to K contacts that answered
 * without proving their ids are passed over (false: the paper's lookup, every answer counts).
 */
public record LookupGather<V>(int quorum, Comparator<? super V> newer, Rtt rtt, boolean rankProven) {
    static <V> LookupGather<V> first() {
        return new LookupGather<>(1, Comparator.comparingInt(v -> 0), null, false);
    }
}
