package drogulus.dht;

import java.util.List;

/**
 * The outcome. {@code closest}: the K nearest contacts that answered, those that proved their ids first, each
 * group nearest first. {@code value} and {@code source}: the newest value found and who had it (null for
 * FindNode). {@code withoutValue}: contacts that answered with nodes or with an older value, nearest first,
 * where {@code get} writes the value back. {@code holders}: contacts that returned the newest value.
 * {@code hops}: the longest referral chain to the contact that ended the lookup; {@code messages}: requests
 * sent.
 */
public record LookupResult<V>(List<Contact> closest, V value, Contact source, List<Contact> withoutValue,
                        int hops, int messages, List<Contact> holders) {
    public LookupResult {
        closest = List.copyOf(closest);
        withoutValue = List.copyOf(withoutValue);
        holders = List.copyOf(holders);
    }

    public LookupResult(List<Contact> closest, V value, Contact source, List<Contact> withoutValue, int hops,
                  int messages) {
        this(closest, value, source, withoutValue, hops, messages, source == null ? List.of() : List.of(source));
    }
}
