package drogulus.dht;

import java.util.Objects;

/**
 * A peer as others see it: its id and where it listens. Contacts are values; the bookkeeping of when a peer
 * was last heard from and how often it failed lives in the {@link KBucket} that holds it.
 *
 * <p>A class with a record's behaviour (equality of all four parts) rather than a record, so that it can remember
 * whether its address is plausible: every {@code nodes} answer checks each contact it carries ({@link
 * Peers#sane}), and in a simulation those are the answerer's own contact objects, so each is checked once instead
 * of at every answer that names it, without reading its address text again.
 */
public final class Contact {
    private final NodeId id;
    private final String address;
    private final int port;
    private final String version;
    /** 0 until first asked, then 1 when the address is plausible ({@link Networks#plausible}), 2 when not. */
    private byte plausible;

    public Contact(NodeId id, String address, int port, String version) {
        this.id = Objects.requireNonNull(id, "id");
        this.address = Objects.requireNonNull(address, "address");
        this.version = Objects.requireNonNull(version, "version");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("A port must be between 0 and 65535, not " + port);
        }
        this.port = port;
    }

    public NodeId id() {
        return id;
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    public String version() {
        return version;
    }

    /** "address:port", how a user names a peer. */
    public String endpoint() {
        return address + ":" + port;
    }

    /** Whether the other contact listens at the same address and port (what {@link #endpoint()} says, unbuilt). */
    public boolean sameEndpoint(Contact other) {
        return port == other.port && address.equals(other.address);
    }

    /**
     * Whether the address and port could be a peer's ({@link Networks#plausible}); worked out once per contact.
     * A race between threads only works it out twice, to the same answer.
     */
    boolean plausible() {
        byte p = plausible;
        if (p == 0) {
            p = Networks.plausible(address, port) ? (byte) 1 : (byte) 2;
            plausible = p;
        }
        return p == 1;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Contact c && port == c.port && id.equals(c.id) && address.equals(c.address)
            && version.equals(c.version));
    }

    @Override
    public int hashCode() {
        return ((id.hashCode() * 31 + address.hashCode()) * 31 + port) * 31 + version.hashCode();
    }

    @Override
    public String toString() {
        return "Contact[id=" + id + ", address=" + address + ", port=" + port + ", version=" + version + "]";
    }
}
