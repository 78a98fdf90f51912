package drogulus.net;

import drogulus.Constants;
import drogulus.dht.MessageCodec;

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
 * @param partialFrameBytes bytes that frames still arriving may hold at once, over all connections
 */
public record NetConfig(long rpcTimeoutMillis, int maxConnections, int maxConnectionsPerAddress, int maxInFlight,
                        long stallMillis, long idleMillis, long shutdownMillis, long partialFrameBytes) {
    /** At most 64 MiB, and a quarter of the heap (Netty's direct memory defaults to as much as the heap). */
    private static final long PARTIAL_FRAME_BYTES = Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 4);

    public NetConfig {
        if (maxConnections < 1 || maxConnectionsPerAddress < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1");
        }
        if (partialFrameBytes <= MessageCodec.MAX_PAYLOAD) {
            throw new IllegalArgumentException("the budget for frames arriving must hold at least one of the largest");
        }
    }

    /** These bounds, and the default budget for frames arriving. */
    public NetConfig(long rpcTimeoutMillis, int maxConnections, int maxConnectionsPerAddress, int maxInFlight,
                     long stallMillis, long idleMillis, long shutdownMillis) {
        this(rpcTimeoutMillis, maxConnections, maxConnectionsPerAddress, maxInFlight, stallMillis, idleMillis,
            shutdownMillis, PARTIAL_FRAME_BYTES);
    }

    public static NetConfig defaults() {
        return new NetConfig(Constants.RPC_TIMEOUT * 1_000L, 4_096, 64, 128, 10_000, 300_000, 5_000);
    }

    public NetConfig withPartialFrameBytes(long bytes) {
        return new NetConfig(rpcTimeoutMillis, maxConnections, maxConnectionsPerAddress, maxInFlight, stallMillis,
            idleMillis, shutdownMillis, bytes);
    }

    public NetConfig withConnections(int total, int perAddress) {
        return new NetConfig(rpcTimeoutMillis, total, perAddress, maxInFlight, stallMillis, idleMillis,
            shutdownMillis, partialFrameBytes);
    }

    public NetConfig withTimeouts(long rpc, long stall, long idle) {
        return new NetConfig(rpc, maxConnections, maxConnectionsPerAddress, maxInFlight, stall, idle,
            shutdownMillis, partialFrameBytes);
    }

    public NetConfig withMaxInFlight(int perConnection) {
        return new NetConfig(rpcTimeoutMillis, maxConnections, maxConnectionsPerAddress, perConnection,
            stallMillis, idleMillis, shutdownMillis, partialFrameBytes);
    }
}
