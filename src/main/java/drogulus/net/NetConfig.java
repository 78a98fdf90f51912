package drogulus.net;

import drogulus.Constants;

/**
 * The TCP transport's bounds.
 *
 * @param rpcTimeoutMillis how long a request waits for its answer (RPC_TIMEOUT)
 * @param maxConnections incoming connections held at once, from everyone
 * @param maxConnectionsPerAddress incoming connections held at once from one address
 * @param maxInFlight requests of one connection being handled at once; past it the connection is not read
 * @param stallMillis how long a frame may stay half received before the connection is closed
 * @param idleMillis how long a connection may carry nothing before it is closed
 * @param shutdownMillis how long closing waits for requests being handled to finish
 */
public record NetConfig(long rpcTimeoutMillis, int maxConnections, int maxConnectionsPerAddress, int maxInFlight,
                        long stallMillis, long idleMillis, long shutdownMillis) {
    public NetConfig {
        if (maxConnections < 1 || maxConnectionsPerAddress < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1");
        }
    }

    public static NetConfig defaults() {
        return new NetConfig(Constants.RPC_TIMEOUT * 1_000L, 4_096, 64, 128, 10_000, 300_000, 5_000);
    }

    public NetConfig withConnections(int total, int perAddress) {
        return new NetConfig(rpcTimeoutMillis, total, perAddress, maxInFlight, stallMillis, idleMillis,
            shutdownMillis);
    }

    public NetConfig withTimeouts(long rpc, long stall, long idle) {
        return new NetConfig(rpc, maxConnections, maxConnectionsPerAddress, maxInFlight, stall, idle,
            shutdownMillis);
    }

    public NetConfig withMaxInFlight(int perConnection) {
        return new NetConfig(rpcTimeoutMillis, maxConnections, maxConnectionsPerAddress, perConnection,
            stallMillis, idleMillis, shutdownMillis);
    }
}
