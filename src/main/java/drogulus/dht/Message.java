package drogulus.dht;

import drogulus.crypto.Item;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The messages nodes exchange (DESIGN.md, "The wire"). Every message has a uuid pairing a response with its
 * request, the sender's id and its version; requests also name the port the sender listens on.
 */
public sealed interface Message {
    String uuid();

    NodeId node();

    String version();

    /** The wire name of the type, the {@code message} field. */
    String type();

    /** A message that expects an answer. */
    sealed interface Request extends Message {
        int port();

        /** Random text the answerer signs to prove its id ({@link IdProofs}); null when not asked for. */
        String challenge();
    }

    /** An answer that may prove the answerer's id: its public key and its signature over our challenge. */
    sealed interface Answer extends Message {
        IdProof proof();
    }

    /**
     * The {@code id_key} and {@code id_sig} fields of an answer to a request that carried a challenge. The signature
     * is copied in and out and compared by content.
     */
    @SuppressWarnings("ArrayRecordComponent")
    record IdProof(String publicKey, byte[] sig) {
        public IdProof {
            Objects.requireNonNull(publicKey);
            sig = sig.clone();
        }

        @Override
        public byte[] sig() {
            return sig.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IdProof p && p.publicKey.equals(publicKey) && Arrays.equals(p.sig, sig);
        }

        @Override
        public int hashCode() {
            return publicKey.hashCode() * 31 + Arrays.hashCode(sig);
        }

        @Override
        public String toString() {
            return "IdProof[" + sig.length + " bytes]";
        }
    }

    /** Are you there? Answered with {@link Pong}. */
    record Ping(String uuid, NodeId node, String version, int port, String challenge) implements Request {
        public Ping {
            Objects.requireNonNull(uuid);
            Objects.requireNonNull(node);
        }

        public Ping(String uuid, NodeId node, String version, int port) {
            this(uuid, node, version, port, null);
        }

        @Override
        public String type() {
            return "ping";
        }
    }

    /** Answers a ping and an accepted store. */
    record Pong(String uuid, NodeId node, String version, IdProof proof) implements Answer {
        public Pong(String uuid, NodeId node, String version) {
            this(uuid, node, version, null);
        }

        @Override
        public String type() {
            return "pong";
        }
    }

    /**
     * Asks the peer to hold a signed item; answered with {@link Pong} when accepted. {@code cache}: the copy a
     * {@code get} leaves on its way, which the receiver keeps only for a while, never as a permanent copy.
     */
    record Store(String uuid, NodeId node, String version, int port, Item item, String challenge, boolean cache)
        implements Request {
        public Store(String uuid, NodeId node, String version, int port, Item item) {
            this(uuid, node, version, port, item, null, false);
        }

        @Override
        public String type() {
            return "store";
        }
    }

    /**
     * The item a {@link FindValue} asked for, and the answerer's contacts nearest to its key ({@code nodes}, optional
     * on the wire, empty when absent), so that a get hears of holders nearer the key than the one it asked.
     */
    record Value(String uuid, NodeId node, String version, Item item, IdProof proof, List<Contact> nodes)
        implements Answer {
        public Value {
            nodes = List.copyOf(nodes);
        }

        public Value(String uuid, NodeId node, String version, Item item, IdProof proof) {
            this(uuid, node, version, item, proof, List.of());
        }

        public Value(String uuid, NodeId node, String version, Item item) {
            this(uuid, node, version, item, null);
        }

        @Override
        public String type() {
            return "value";
        }
    }

    /** Asks for the contacts nearest to {@code key}. */
    record FindNode(String uuid, NodeId node, String version, int port, NodeId key, String challenge)
        implements Request {
        public FindNode(String uuid, NodeId node, String version, int port, NodeId key) {
            this(uuid, node, version, port, key, null);
        }

        @Override
        public String type() {
            return "findnode";
        }
    }

    /** Asks for the item stored at {@code key}, or else the contacts nearest to it. */
    record FindValue(String uuid, NodeId node, String version, int port, NodeId key, String challenge)
        implements Request {
        public FindValue(String uuid, NodeId node, String version, int port, NodeId key) {
            this(uuid, node, version, port, key, null);
        }

        @Override
        public String type() {
            return "findvalue";
        }
    }

    /** Contacts nearest to the key asked about. */
    record Nodes(String uuid, NodeId node, String version, List<Contact> nodes, IdProof proof) implements Answer {
        public Nodes {
            nodes = List.copyOf(nodes);
        }

        public Nodes(String uuid, NodeId node, String version, List<Contact> nodes) {
            this(uuid, node, version, nodes, null);
        }

        @Override
        public String type() {
            return "nodes";
        }
    }

    /** A request refused, with one of the seed's error codes and its title. */
    record ErrorReply(String uuid, NodeId node, String version, int code, String title, Map<String, String> details)
        implements Message {
        public ErrorReply {
            details = Map.copyOf(details);
        }

        @Override
        public String type() {
            return "error";
        }
    }
}
