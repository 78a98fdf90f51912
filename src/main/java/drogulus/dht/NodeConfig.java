package drogulus.dht;

import drogulus.Constants;

/**
 * A node's parameters. {@link #defaults()} gives the seed's constants and the limits that keep a node alive
 * among strangers; tests and the simulator change single fields with the {@code with...} methods.
 *
 * @param maxItemBytes the largest item accepted, encoded; a Logos library must fit
 * @param storageQuotaBytes all items held together
 * @param sourceQuotaBytes items stored by any one source address together
 * @param ratePerAddress requests per second accepted from one address
 * @param rateTotal requests per second accepted in all
 */
public record NodeConfig(int k, int alpha, int allowedRpcFails, int duplicationCount, long rpcTimeoutMillis,
                         long lookupTimeoutMillis, long replicateIntervalMillis, long refreshIntervalMillis,
                         long refreshTimeoutMillis, int maxItemBytes, long storageQuotaBytes,
                         long sourceQuotaBytes, int ratePerAddress, int rateTotal) {
    private static final long SECOND = 1_000;

    public static NodeConfig defaults() {
        return new NodeConfig(Constants.K, Constants.ALPHA, Constants.ALLOWED_RPC_FAILS,
            Constants.DUPLICATION_COUNT, Constants.RPC_TIMEOUT * SECOND, Constants.LOOKUP_TIMEOUT * SECOND,
            Constants.REPLICATE_INTERVAL * SECOND, Constants.REFRESH_INTERVAL * SECOND,
            Constants.REFRESH_TIMEOUT * SECOND, 512 * 1024, 256L << 20, 16L << 20, 1_024, 8_192);
    }

    public NodeConfig withQuotas(int maxItem, long storage, long perSource) {
        return new NodeConfig(k, alpha, allowedRpcFails, duplicationCount, rpcTimeoutMillis, lookupTimeoutMillis,
            replicateIntervalMillis, refreshIntervalMillis, refreshTimeoutMillis, maxItem, storage, perSource,
            ratePerAddress, rateTotal);
    }

    public NodeConfig withRates(int perAddress, int total) {
        return new NodeConfig(k, alpha, allowedRpcFails, duplicationCount, rpcTimeoutMillis, lookupTimeoutMillis,
            replicateIntervalMillis, refreshIntervalMillis, refreshTimeoutMillis, maxItemBytes, storageQuotaBytes,
            sourceQuotaBytes, perAddress, total);
    }

    LookupParams lookupParams() {
        return new LookupParams(k, alpha, lookupTimeoutMillis);
    }
}
