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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last handler of an incoming connection: hands requests to the node off the event loop and writes their
 * answers when ready, in whatever order answers come (each carries its request's uuid).
 *
 * <p>Requests that arrive in one read go to the worker pool as one task, and answers ready together are written
 * with one flush: a pipelining client costs two thread hops per batch, not per request. Stores each get a task of
 * their own, since a signature check is slow and the pool checks several at once.
 *
 * <p>Bounds: at most {@code maxInFlight} requests of the connection are between being read and their answer being
 * written; past that the connection is not read, so a flood waits in the sender's socket, not in our memory. An
 * answer is encoded only while the connection is writable (the peer reads what we send); until then it waits as a
 * message, which refers to the stored item rather than copying it. Framing errors answer 1 or 4 and close;
 * payload errors answer and go on.
 */
// Writes and closes report their failures through the pipeline, which exceptionCaught handles.
@SuppressWarnings("FutureReturnValueIgnored")
final class RequestDispatcher extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = Logger.getLogger(RequestDispatcher.class.getName());

    private final Transport.RequestHandler handler;
    private final TcpTransport transport;
    private final int maxInFlight;
    /** Read, over the in-flight cap: not yet handed to the node. */
    private final ArrayDeque<Message.Request> waiting = new ArrayDeque<>();
    /** Read in this read, to be handed to the node when it completes. */
    private List<Message.Request> batch = new ArrayList<>();
    /** Answered, waiting for the connection to become writable. */
    private final ArrayDeque<Message> outbox = new ArrayDeque<>();
    /** Requests handed to the node or answered and not yet written. */
    private int inFlight;
    private InetAddress source;

    RequestDispatcher(Transport.RequestHandler handler, TcpTransport transport, int maxInFlight) {
        this.handler = handler;
        this.transport = transport;
        this.maxInFlight = maxInFlight;
    }

    /** One request's outcome: its answer (null for none) or why it failed. */
    private record Outcome(Message.Request request, Message answer, Throwable error) {
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
                inFlight++;
                batch.add(r);
            } else {
                waiting.add(r);
                ctx.channel().config().setAutoRead(false);
            }
        } else if (msg instanceof Rejected j) {
            LOG.log(Level.FINE, "Refused a message from {0}: {1}", new Object[] {source, j.reason()});
            ctx.write(transport.error(j.uuid(), j.code(), j.reason()));
        } else if (msg instanceof Message m) {
            ctx.write(transport.error(m.uuid(), ErrorCode.UNKNOWN_REQUEST, "a " + m.type()
                + " is an answer, not a request"));
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        ctx.flush();
        writeReady(ctx);
        super.channelReadComplete(ctx);
    }

    private void dispatchBatch(ChannelHandlerContext ctx) {
        if (batch.isEmpty()) {
            return;
        }
        List<Message.Request> cheap = new ArrayList<>(batch.size());
        for (Message.Request r : batch) {
            if (r instanceof Message.Store) {
                dispatch(ctx, List.of(r));
            } else {
                cheap.add(r);
            }
        }
        batch = new ArrayList<>();
        if (!cheap.isEmpty()) {
            dispatch(ctx, cheap);
        }
    }

    /** Handles the requests in one worker task; the answers ready at its end come back in one event-loop task. */
    private void dispatch(ChannelHandlerContext ctx, List<Message.Request> requests) {
        transport.handlingStarted(requests.size());
        try {
            transport.workers().execute(() -> {
                List<Outcome> ready = new ArrayList<>(requests.size());
                for (Message.Request request : requests) {
                    CompletableFuture<Message> answer;
                    try {
                        answer = handler.handle(request, source);
                    } catch (RuntimeException e) {
                        answer = CompletableFuture.failedFuture(e);
                    }
                    if (answer.isDone()) {
                        ready.add(outcome(request, answer));
                    } else {
                        CompletableFuture<?> unused = answer.whenComplete((m, e) ->
                            ctx.executor().execute(() -> answered(ctx, List.of(new Outcome(request, m, e)))));
                    }
                }
                if (!ready.isEmpty()) {
                    ctx.executor().execute(() -> answered(ctx, ready));
                }
            });
        } catch (RejectedExecutionException e) {
            List<Outcome> failed = new ArrayList<>();
            for (Message.Request r : requests) {
                failed.add(new Outcome(r, null, e));
            }
            answered(ctx, failed);
        }
    }

    private static Outcome outcome(Message.Request request, CompletableFuture<Message> done) {
        try {
            return new Outcome(request, done.join(), null);
        } catch (CompletionException | CancellationException e) {
            return new Outcome(request, null, e.getCause() != null ? e.getCause() : e);
        }
    }

    private void answered(ChannelHandlerContext ctx, List<Outcome> outcomes) {
        transport.handlingEnded(outcomes.size());
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                LOG.log(Level.WARNING, "Handling a " + o.request().type() + " from " + source + " failed",
                    o.error());
                outbox.add(transport.error(o.request().uuid(), ErrorCode.INTERNAL_ERROR, "the request failed"));
            } else if (o.answer() != null) {
                logStore(o.request(), o.answer());
                outbox.add(o.answer());
            } else {
                inFlight--;
            }
        }
        writeReady(ctx);
    }

    /**
     * Writes waiting answers while the peer keeps up, then lets waiting requests in and reads on as far as the
     * bounds allow.
     */
    private void writeReady(ChannelHandlerContext ctx) {
        boolean wrote = false;
        while (!outbox.isEmpty() && (ctx.channel().isWritable() || !ctx.channel().isActive())) {
            Message m = outbox.poll();
            inFlight--;
            if (ctx.channel().isActive()) {
                ctx.write(m);
                wrote = true;
            }
        }
        if (wrote) {
            ctx.flush();
        }
        while (inFlight < maxInFlight && !waiting.isEmpty()) {
            inFlight++;
            batch.add(waiting.poll());
        }
        dispatchBatch(ctx);
        boolean keepUp = waiting.isEmpty() && ctx.channel().isWritable();
        if (keepUp != ctx.channel().config().isAutoRead() && !transport.isClosing()) {
            ctx.channel().config().setAutoRead(keepUp);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        writeReady(ctx);
        super.channelWritabilityChanged(ctx);
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
        // A peer that reads none of its answers for that long is given up too.
        if (evt instanceof IdleStateEvent && (inFlight == 0 || !ctx.channel().isWritable())) {
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
        outbox.clear();
        super.channelInactive(ctx);
    }
}
