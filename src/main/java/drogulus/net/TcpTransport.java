package drogulus.net;

import drogulus.dht.DhtException;
import drogulus.dht.ErrorCode;
import drogulus.dht.Message;
import drogulus.dht.MessageCodec;
import drogulus.dht.NodeId;
import drogulus.dht.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link Transport} over TCP with Netty. Incoming connections run netstring framing, the msgpack codec and a
 * {@link RequestDispatcher}; outgoing requests share one pooled connection per peer ({@link PeerConnection}),
 * matched to their answers by uuid and failed after the RPC timeout. Connections are bounded per address and in
 * all, a half-sent frame that stalls closes its connection, and so does one idle for long.
 */
public final class TcpTransport implements Transport {
    private static final Logger LOG = Logger.getLogger(TcpTransport.class.getName());

    private final NodeId self;
    private final String version;
    private final String host;
    private final int requestedPort;
    private final NetConfig config;
    private final NetResources resources;
    private final MessageCodec codec = new MessageCodec();
    private final WireCodec wire = new WireCodec(codec);
    private final ConnectionLimits limits;
    private final FrameBudget frames;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Map<String, PeerConnection> peers = new ConcurrentHashMap<>();
    private final AtomicInteger handling = new AtomicInteger();
    private volatile Channel server;
    private volatile int boundPort;
    private volatile boolean closing;

    /**
     * @param self our id, which error answers carry
     * @param host the address to listen on ("0.0.0.0" for all); a specific address is also the source address of
     *     our outgoing connections, so peers count us by it
     */
    public TcpTransport(NodeId self, String version, String host, int port, NetConfig config,
                        NetResources resources) {
        this.self = self;
        this.version = version;
        this.host = host;
        this.requestedPort = port;
        this.config = config;
        this.resources = resources;
        this.limits = new ConnectionLimits(config.maxConnections(), config.maxConnectionsPerAddress());
        this.frames = new FrameBudget(config.partialFrameBytes());
    }

    @Override
    public CompletableFuture<InetSocketAddress> listen(RequestHandler handler) {
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        ServerBootstrap b = new ServerBootstrap().group(resources.loops()).channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024).option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    InetAddress from = ch.remoteAddress().getAddress();
                    if (closing || !limits.tryOpen(from)) {
                        LOG.log(Level.FINE, "Refused a connection from {0}: over the connection limits", from);
                        ChannelFuture unused = ch.close();
                        return;
                    }
                    ch.closeFuture().addListener(f -> limits.closed(from));
                    channels.add(ch);
                    ch.pipeline().addLast(new IdleStateHandler(0, 0, config.idleMillis(), TimeUnit.MILLISECONDS),
                        new NetstringDecoder(MessageCodec.MAX_PAYLOAD, config.stallMillis(), frames), wire,
                        new RequestDispatcher(handler, TcpTransport.this, config.maxInFlight()));
                }
            });
        b.bind(host, requestedPort).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                server = f.channel();
                InetSocketAddress at = (InetSocketAddress) f.channel().localAddress();
                boundPort = at.getPort();
                resources.workers().execute(() -> bound.complete(at));
            } else {
                resources.workers().execute(() -> bound.completeExceptionally(new DhtException("Could not listen on "
                    + host + ":" + requestedPort + ": " + f.cause().getMessage(), f.cause())));
            }
        });
        return bound;
    }

    @Override
    public CompletableFuture<Message> send(String address, int port, Message.Request request) {
        if (closing) {
            return CompletableFuture.failedFuture(new DhtException("The transport is closed"));
        }
        String key = address + ":" + port;
        PeerConnection peer = peers.computeIfAbsent(key, k -> new PeerConnection(this, address, port));
        return peer.send(request);
    }

    /** A fresh outgoing connection's bootstrap; from our listening address when that is a specific one. */
    Bootstrap clientBootstrap(ChannelInitializer<SocketChannel> init) {
        Bootstrap b = new Bootstrap().group(resources.loops()).channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.rpcTimeoutMillis()))
            .handler(init);
        InetSocketAddress local = server == null ? null : (InetSocketAddress) server.localAddress();
        if (local != null && !local.getAddress().isAnyLocalAddress()) {
            b.localAddress(new InetSocketAddress(local.getAddress(), 0));
        }
        return b;
    }

    void forget(String key, PeerConnection peer) {
        peers.remove(key, peer);
    }

    void track(Channel ch) {
        channels.add(ch);
    }

    Message.ErrorReply error(String uuid, ErrorCode code, String why) {
        return new Message.ErrorReply(uuid == null ? "" : uuid, self, version, code.code(), code.title(),
            Map.of("message", String.valueOf(why)));
    }

    void handlingStarted(int requests) {
        handling.addAndGet(requests);
    }

    void handlingEnded(int requests) {
        handling.addAndGet(-requests);
    }

    boolean isClosing() {
        return closing;
    }

    ExecutorService workers() {
        return resources.workers();
    }

    NetConfig config() {
        return config;
    }

    FrameBudget frames() {
        return frames;
    }

    WireCodec wire() {
        return wire;
    }

    /** Bytes written to our connections that the peers have not yet taken: what slow readers cost us now. */
    long unsentBytes() {
        long total = 0;
        for (Channel ch : channels) {
            ChannelOutboundBuffer out = ch.unsafe().outboundBuffer();
            total += out == null ? 0 : out.totalPendingWriteBytes();
        }
        return total;
    }

    /** Incoming connections open now. */
    public int openConnections() {
        return limits.open();
    }

    @Override
    public String address() {
        return host;
    }

    @Override
    public int port() {
        return boundPort;
    }

    @Override
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closing) {
            return CompletableFuture.completedFuture(null);
        }
        closing = true;
        Channel s = server;
        if (s != null) {
            s.close().syncUninterruptibly();
        }
        for (Channel ch : channels) {
            ch.config().setAutoRead(false);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.shutdownMillis());
        Thread waiter = new Thread(() -> {
            while (handling.get() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (PeerConnection p : peers.values()) {
                p.close("the transport is closed");
            }
            channels.close().awaitUninterruptibly();
            done.complete(null);
        }, "drogulus-close");
        waiter.setDaemon(true);
        waiter.start();
        return done;
    }
}
