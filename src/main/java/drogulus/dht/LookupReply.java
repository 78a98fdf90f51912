package drogulus.dht;

import java.util.List;

/** What a peer answers to one step of a lookup: closer contacts, or the value sought. */
public sealed interface LookupReply<V> {
    /** The peer's nearest contacts to the target. */
    record Nodes<V>(List<Contact> contacts) implements LookupReply<V> {
        public Nodes {
            contacts = List.copyOf(contacts);
        }
    }

    /** The peer holds the value. */
    record Found<V>(V value) implements LookupReply<V> {
    }
}
