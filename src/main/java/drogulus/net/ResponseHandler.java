package drogulus.net;

import drogulus.dht.DhtException;
import drogulus.dht.Message;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last handler of an outgoing connection: pairs each answer with the request waiting under its uuid and
 * completes that request's future on the worker pool. When the connection ends, everything still waiting fails.
 */
// Writes and closes report their failures through the pipeline, which exceptionCaught handles.
@SuppressWarnings("FutureReturnValueIgnored")
final class ResponseHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = Logger.getLogger(ResponseHandler.class.getName());

    private final String peer;
    private final Executor workers;
    private final Map<String, CompletableFuture<Message>> pending = new ConcurrentHashMap<>();

    ResponseHandler(String peer, Executor workers) {
        this.peer = peer;
        this.workers = workers;
    }

    /** Registers a request's future; false when one with the same uuid is already waiting. */
    boolean expect(String uuid, CompletableFuture<Message> answer) {
        if (pending.putIfAbsent(uuid, answer) != null) {
            return false;
        }
        CompletableFuture<?> unused = answer.whenComplete((m, e) -> pending.remove(uuid, answer));
        return true;
    }

    /** Stops waiting for an answer to the request with this uuid, if answer is still the one waiting for it. */
    void forget(String uuid, CompletableFuture<Message> answer) {
        pending.remove(uuid, answer);
    }

    int waiting() {
        return pending.size();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Message m) {
            CompletableFuture<Message> answer = pending.remove(m.uuid());
            if (answer != null) {
                workers.execute(() -> answer.complete(m));
            } else {
                LOG.log(Level.FINE, "Dropped a {0} from {1} that answers nothing we wait for",
                    new Object[] {m.type(), peer});
            }
        } else if (msg instanceof Rejected j) {
            LOG.log(Level.FINE, "Dropped an unreadable answer from {0}: {1}", new Object[] {peer, j.reason()});
            CompletableFuture<Message> answer = j.uuid() == null ? null : pending.remove(j.uuid());
            if (answer != null) {
                workers.execute(() -> answer.completeExceptionally(new DhtException(peer + " answered with an "
                    + "unreadable message: " + j.reason())));
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent && pending.isEmpty()) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.FINE, "Connection to {0} failed: {1}", new Object[] {peer, cause.toString()});
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        failAll("the connection to " + peer + " closed before it answered");
        super.channelInactive(ctx);
    }

    void failAll(String why) {
        List<CompletableFuture<Message>> all = new ArrayList<>(pending.values());
        pending.clear();
        for (CompletableFuture<Message> f : all) {
            workers.execute(() -> f.completeExceptionally(new DhtException(why)));
        }
    }
}
