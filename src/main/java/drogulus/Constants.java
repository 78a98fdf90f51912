package drogulus;

import java.util.Map;

/**
 * The seed's constants for the Kademlia network, same names and values. Durations are in seconds. Naming
 * follows the Kademlia paper where it can.
 */
public final class Constants {
    /** Failed calls allowed to a contact; at this many it leaves the routing table. */
    public static final int ALLOWED_RPC_FAILS = 5;
    /** How many network calls a lookup keeps in flight at once. */
    public static final int ALPHA = 3;
    /** How many nodes a value is stored at. */
    public static final int DUPLICATION_COUNT = 20;
    /** Added to a value's creation time to find when it expires; -1 means it never does. */
    public static final int EXPIRY_DURATION = -1;
    /** The most contacts a k-bucket holds; even. */
    public static final int K = 20;
    /** The longest a whole lookup may take. */
    public static final int LOOKUP_TIMEOUT = 600;
    /** How often a node checks whether buckets need refreshing or data republishing. */
    public static final int REFRESH_INTERVAL = 600;
    /** How long a bucket may go unused before it is refreshed. */
    public static final int REFRESH_TIMEOUT = 3600;
    /** How often a node replicates the data it stores. */
    public static final int REPLICATE_INTERVAL = 3600;
    /** How long to wait for a whole message once a connection is made. */
    public static final int RESPONSE_TIMEOUT = 1800;
    /** The timeout of one network call. */
    public static final int RPC_TIMEOUT = 5;

    /** Error codes nodes report to each other, keys of {@link #ERRORS}. */
    public static final int BAD_REQUEST = 1;
    public static final int UNKNOWN_REQUEST = 2;
    public static final int INTERNAL_ERROR = 3;
    public static final int REQUEST_TOO_BIG = 4;
    public static final int UNSUPPORTED_PROTOCOL = 5;
    public static final int UNVERIFIABLE_PROVENANCE = 6;
    public static final int KEY_MISMATCH = 7;
    public static final int SUPERSEDED_VALUE = 8;

    /** The seed's error titles, spelling included ("Superceded"), since they travel in error messages. */
    public static final Map<Integer, String> ERRORS = Map.of(
        BAD_REQUEST, "Bad request",
        UNKNOWN_REQUEST, "Unknown request",
        INTERNAL_ERROR, "Internal error",
        REQUEST_TOO_BIG, "Request too big",
        UNSUPPORTED_PROTOCOL, "Unsupported protocol",
        UNVERIFIABLE_PROVENANCE, "Unverifiable provenance",
        KEY_MISMATCH, "Key mismatch",
        SUPERSEDED_VALUE, "Superceded value");

    private Constants() {
    }
}
