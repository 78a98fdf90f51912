package drogulus.dht;

/**
 * Limits: K, ALPHA and the whole lookup's timeout in milliseconds. Each request's own timeout belongs to the
 * transport, whose failure reaches the lookup as a failed future.
 */
public record LookupParams(int k, int alpha, long lookupTimeoutMillis) {
}
