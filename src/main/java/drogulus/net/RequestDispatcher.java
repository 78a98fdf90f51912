package drogulus.net;

import drogulus.dht.ErrorCode;
import drogulus.dht.Message;
import drogulus.dht.Transport;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last handler of an incoming connection: hands each request to the node off the event loop and writes its
 * answer when ready, in whatever order answers come (each carries its request's uuid). At most {@code maxInFlight}
 * requests of the connection are handled at once; past that the connection is not read, so a flood waits in the
 * sender's socket, not in our memory. Framing errors answer 1 or 4 and close; payload errors answer and go on.
 */
// Writes and closes report their failures through the pipeline, which exceptionCaught handles.
@SuppressWarnings("FutureReturnValueIgnored")
final class RequestDispatcher extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = Logger.getLogger(RequestDispatcher.class.getName());

    private final Transport.RequestHandler handler;
    private final TcpTransport transport;
    private final int maxInFlight;
    private final ArrayDeque<Message.Request> waiting = new ArrayDeque<>();
    private int inFlight;
    private InetAddress source;

    RequestDispatcher(Transport.RequestHandler handler, TcpTransport transport, int maxInFlight) {
        this.handler = handler;
        this.transport = transport;
        this.maxInFlight = maxInFlight;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        // Only an in-process channel (a test's) has no IP address; it counts as loopback.
        source = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress()
            : InetAddress.getLoopbackAddress();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Message.Request r) {
            if (inFlight < maxInFlight) {
                dispatch(ctx, r);
            } else {
                waiting.add(r);
                ctx.channel().config().setAutoRead(false);
            }
        } else if (msg instanceof Rejected j) {
            LOG.log(Level.FINE, "Refused a message from {0}: {1}", new Object[] {source, j.reason()});
            ctx.writeAndFlush(transport.error(j.uuid(), j.code(), j.reason()));
        } else if (msg instanceof Message m) {
            ctx.writeAndFlush(transport.error(m.uuid(), ErrorCode.UNKNOWN_REQUEST, "a " + m.type()
                + " is an answer, not a request"));
        }
    }

    private void dispatch(ChannelHandlerContext ctx, Message.Request request) {
        inFlight++;
        transport.handlingStarted();
        try {
            transport.workers().execute(() -> {
                CompletableFuture<Message> answer;
                try {
                    answer = handler.handle(request, source);
                } catch (RuntimeException e) {
                    answer = CompletableFuture.failedFuture(e);
                }
                CompletableFuture<?> unused = answer.whenComplete((m, e) ->
                    ctx.executor().execute(() -> answered(ctx, request, m, e)));
            });
        } catch (RejectedExecutionException e) {
            answered(ctx, request, null, e);
        }
    }

    private void answered(ChannelHandlerContext ctx, Message.Request request, Message answer, Throwable error) {
        inFlight--;
        transport.handlingEnded();
        if (error != null) {
            LOG.log(Level.WARNING, "Handling a " + request.type() + " from " + source + " failed", error);
            ctx.writeAndFlush(transport.error(request.uuid(), ErrorCode.INTERNAL_ERROR, "the request failed"));
        } else if (answer != null) {
            logStore(request, answer);
            if (ctx.channel().isActive()) {
                ctx.writeAndFlush(answer);
            }
        }
        while (inFlight < maxInFlight && !waiting.isEmpty()) {
            dispatch(ctx, waiting.poll());
        }
        if (waiting.isEmpty() && !transport.isClosing()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void logStore(Message.Request request, Message answer) {
        if (request instanceof Message.Store s) {
            if (answer instanceof Message.ErrorReply e) {
                LOG.log(Level.FINE, "Refused to store ''{0}'' from {1}: {2}", new Object[] {s.item().name(),
                    source.getHostAddress(), e.title()});
            } else {
                LOG.log(Level.INFO, "Stored ''{0}'' from {1}", new Object[] {s.item().name(),
                    source.getHostAddress()});
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent && inFlight == 0) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            closeWith(ctx, ErrorCode.REQUEST_TOO_BIG, cause.getMessage());
        } else if (cause instanceof CorruptedFrameException) {
            closeWith(ctx, ErrorCode.BAD_REQUEST, cause.getMessage());
        } else if (cause instanceof IOException) {
            LOG.log(Level.FINE, "Connection from {0} failed: {1}", new Object[] {source, cause.getMessage()});
            ctx.close();
        } else {
            LOG.log(Level.WARNING, "Closing the connection from " + source + " after an error", cause);
            ctx.close();
        }
    }

    private void closeWith(ChannelHandlerContext ctx, ErrorCode code, String why) {
        LOG.log(Level.FINE, "Closing the connection from {0}: {1}", new Object[] {source, why});
        ctx.writeAndFlush(transport.error("", code, why)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        waiting.clear();
        super.channelInactive(ctx);
    }
}
