package drogulus.net;

import drogulus.dht.DhtException;
import drogulus.dht.Message;
import drogulus.dht.MessageCodec;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one connection we keep to a peer for our requests: opened on the first, reused by the rest (pipelined),
 * and dropped from the pool when it closes, so the next request opens a fresh one. Each request fails with
 * {@link DhtException.Timeout} after the RPC timeout; a cancelled one is forgotten and its late answer dropped.
 */
final class PeerConnection {
    private final TcpTransport transport;
    private final String key;
    private final ResponseHandler responses;
    private final ChannelFuture connected;

    PeerConnection(TcpTransport transport, String address, int port) {
        this.transport = transport;
        this.key = address + ":" + port;
        this.responses = new ResponseHandler(key, transport.workers());
        NetConfig config = transport.config();
        this.connected = transport.clientBootstrap(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new IdleStateHandler(0, 0, config.idleMillis(), TimeUnit.MILLISECONDS),
                    new NetstringDecoder(MessageCodec.MAX_PAYLOAD, config.stallMillis(), transport.frames()),
                    transport.wire(),
                    responses);
            }
        }).connect(address, port);
        Channel ch = connected.channel();
        transport.track(ch);
        ch.closeFuture().addListener(f -> transport.forget(key, this));
    }

    CompletableFuture<Message> send(Message.Request request) {
        CompletableFuture<Message> answer = new CompletableFuture<>();
        NetConfig config = transport.config();
        if (responses.waiting() >= config.maxInFlight()) {
            return CompletableFuture.failedFuture(new DhtException("Too many requests waiting for " + key));
        }
        if (!responses.expect(request.uuid(), answer)) {
            return CompletableFuture.failedFuture(new DhtException("A request with uuid " + request.uuid()
                + " is already waiting for " + key));
        }
        Channel ch = connected.channel();
        ScheduledFuture<?> timer = ch.eventLoop().schedule(() -> fail(request, answer, new DhtException.Timeout(
            "No answer from " + key + " within " + config.rpcTimeoutMillis() + " ms")), config.rpcTimeoutMillis(),
            TimeUnit.MILLISECONDS);
        CompletableFuture<?> unused = answer.whenComplete((m, e) -> timer.cancel(false));
        connected.addListener((ChannelFuture c) -> {
            if (!c.isSuccess()) {
                fail(request, answer, new DhtException("Could not reach " + key + ": " + c.cause().getMessage()));
                return;
            }
            c.channel().writeAndFlush(request).addListener((ChannelFuture w) -> {
                if (!w.isSuccess()) {
                    fail(request, answer, new DhtException("Could not send to " + key + ": "
                        + w.cause().getMessage()));
                }
            });
        });
        return answer;
    }

    /**
     * Fails a request that got no answer. Its uuid is forgotten first, not by the future's own completion stage,
     * which may run after a caller woken by the failure has already sent again under the same uuid.
     */
    private void fail(Message.Request request, CompletableFuture<Message> answer, DhtException why) {
        responses.forget(request.uuid(), answer);
        transport.workers().execute(() -> answer.completeExceptionally(why));
    }

    void close(String why) {
        responses.failAll(why);
        ChannelFuture unused = connected.channel().close();
    }
}
