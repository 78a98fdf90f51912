package drogulus.dht;

/**
 * An address and port where one node listens, compared without building their "address:port" text: the text's
 * characters need not be read at all when both sides share one address string, as a node's contacts of one peer
 * do.
 */
record Endpoint(String address, int port) {
    Endpoint(Contact c) {
        this(c.address(), c.port());
    }
}
