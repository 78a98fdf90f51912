package drogulus.dht;

import java.util.Objects;

/**
 * A peer as others see it: its id and where it listens. Contacts are values; the bookkeeping of when a peer
 * was last heard from and how often it failed lives in the {@link KBucket} that holds it.
 */
public record Contact(NodeId id, String address, int port, String version) {
    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(version, "version");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("A port must be between 0 and 65535, not " + port);
        }
    }

    /** "address:port", how a user names a peer. */
    public String endpoint() {
        return address + ":" + port;
    }

    /** Whether the other contact listens at the same address and port (what {@link #endpoint()} says, unbuilt). */
    public boolean sameEndpoint(Contact other) {
        return port == other.port && address.equals(other.address);
    }
}
