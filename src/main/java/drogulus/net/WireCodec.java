package drogulus.net;

import drogulus.dht.Message;
import drogulus.dht.MessageCodec;
import drogulus.dht.MessageException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Netstring payloads to {@link Message}s with the one msgpack codec of {@code dht}, and messages back to whole
 * netstrings. A payload the codec refuses becomes a {@link Rejected}, so the handler can answer it and keep the
 * connection: the framing is intact.
 */
@ChannelHandler.Sharable
final class WireCodec extends MessageToMessageCodec<ByteBuf, Message> {
    private final MessageCodec codec;
    private final ValueTemplates values;

    WireCodec(MessageCodec codec) {
        this.codec = codec;
        this.values = new ValueTemplates(codec);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        byte[] payload = ByteBufUtil.getBytes(frame);
        try {
            out.add(codec.decode(payload));
        } catch (MessageException e) {
            out.add(new Rejected(e.code(), e.uuid(), e.getMessage()));
        }
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Message message, List<Object> out) {
        if (ValueTemplates.applies(message)) {
            out.add(values.frame(ctx.alloc(), (Message.Value) message));
        } else {
            out.add(frame(ctx.alloc(), codec.encode(message)));
        }
    }

    /** The netstring of the payload. */
    static ByteBuf frame(ByteBufAllocator alloc, byte[] payload) {
        String head = payload.length + ":";
        ByteBuf buf = alloc.buffer(head.length() + payload.length + 1);
        buf.writeCharSequence(head, StandardCharsets.US_ASCII);
        buf.writeBytes(payload);
        buf.writeByte(',');
        return buf;
    }
}
