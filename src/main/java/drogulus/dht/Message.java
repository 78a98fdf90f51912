package drogulus.dht;

import drogulus.crypto.Item;
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
    }

    /** Are you there? Answered with {@link Pong}. */
    record Ping(String uuid, NodeId node, String version, int port) implements Request {
        public Ping {
            Objects.requireNonNull(uuid);
            Objects.requireNonNull(node);
        }

        @Override
        public String type() {
            return "ping";
        }
    }

    /** Answers a ping and an accepted store. */
    record Pong(String uuid, NodeId node, String version) implements Message {
        @Override
        public String type() {
            return "pong";
        }
    }

    /** Asks the peer to hold a signed item; answered with {@link Pong} when accepted. */
    record Store(String uuid, NodeId node, String version, int port, Item item) implements Request {
        @Override
        public String type() {
            return "store";
        }
    }

    /** The item a {@link FindValue} asked for. */
    record Value(String uuid, NodeId node, String version, Item item) implements Message {
        @Override
        public String type() {
            return "value";
        }
    }

    /** Asks for the contacts nearest to {@code key}. */
    record FindNode(String uuid, NodeId node, String version, int port, NodeId key) implements Request {
        @Override
        public String type() {
            return "findnode";
        }
    }

    /** Asks for the item stored at {@code key}, or else the contacts nearest to it. */
    record FindValue(String uuid, NodeId node, String version, int port, NodeId key) implements Request {
        @Override
        public String type() {
            return "findvalue";
        }
    }

    /** Contacts nearest to the key asked about. */
    record Nodes(String uuid, NodeId node, String version, List<Contact> nodes) implements Message {
        public Nodes {
            nodes = List.copyOf(nodes);
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
