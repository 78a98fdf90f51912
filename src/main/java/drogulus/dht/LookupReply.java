package drogulus.dht;

import java.util.List;

/**
 * What a peer answers to one step of a lookup: closer contacts, or the value sought. {@code proven}: the peer
 * signed our challenge with the key of the id we asked for, so it ranks above peers that did not.
 */
public sealed interface LookupReply<V> {
    boolean proven();

    /** The peer's nearest contacts to the target. */
    record Nodes<V>(List<Contact> contacts, boolean proven) implements LookupReply<V> {
        public Nodes {
            contacts = List.copyOf(contacts);
        }

        public Nodes(List<Contact> contacts) {
            this(contacts, false);
        }
    }

    /** The peer holds the value, and named its nearest contacts to the target (possibly none). */
    record Found<V>(V value, boolean proven, List<Contact> contacts) implements LookupReply<V> {
        public Found {
            contacts = List.copyOf(contacts);
        }

        public Found(V value, boolean proven) {
            this(value, proven, List.of());
        }

        public Found(V value) {
            this(value, false);
        }
    }
}
