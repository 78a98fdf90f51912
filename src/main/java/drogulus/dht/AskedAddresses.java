package drogulus.dht;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The address:port bookkeeping of one lookup. One node listens at each address, so a second id offered there is a
 * lie or stale: each address is asked once, under the first of its ids that comes up, unless the node there
 * answered under another id, which may then be asked there, once.
 */
final class AskedAddresses {
    /** Every address:port asked so far. */
    private final Set<Endpoint> asked = new HashSet<>();
    /** The first candidate offered at each address:port, to mark the candidates that share one. */
    private final Map<Endpoint, LookupCandidate> first = new HashMap<>();
    /** Addresses that answered under another id than the one asked, with that id. */
    private final Map<Endpoint, NodeId> owners = new HashMap<>();

    /** Notes a new candidate, marking it and the first at its address as sharing one when they do. */
    void offered(LookupCandidate c) {
        LookupCandidate earlier = first.putIfAbsent(c.endpoint, c);
        if (earlier != null) {
            earlier.shared = true;
            c.shared = true;
        }
    }

    /**
     * Whether the candidate's address was already asked under another id and its own id is not the one that
     * answered there. Only a candidate sharing its address can be in that state, so others cost no lookup.
     */
    boolean askedUnderAnotherId(LookupCandidate c) {
        return c.shared && !owns(c) && asked.contains(c.endpoint);
    }

    /** Takes the candidate's address for a request: true when it was not asked yet, or the candidate owns it. */
    boolean claim(LookupCandidate c) {
        return asked.add(c.endpoint) || (owns(c) && owners.remove(c.endpoint) != null);
    }

    /** The address asked under one id answered as {@code actual}, which may be asked there once. */
    void answeredAs(Contact actual) {
        owners.put(new Endpoint(actual), actual.id());
    }

    private boolean owns(LookupCandidate c) {
        return !owners.isEmpty() && c.contact.id().equals(owners.get(c.endpoint));
    }
}
