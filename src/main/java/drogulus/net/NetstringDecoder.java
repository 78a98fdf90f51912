package drogulus.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Splits the byte stream into netstring payloads ({@code <length>:<payload>,}). It fails fast: a declared length
 * over the limit raises {@link TooLongFrameException} as soon as its digits say so, before any of the body is
 * read; anything that is not digits then ':' , or a payload not followed by ',', raises {@link
 * CorruptedFrameException}. After either it discards all further input, since the stream cannot be resynchronised.
 * A frame begun and not finished within the stall timeout raises {@link StalledFrameException}. A frame that
 * does not arrive whole in one read reserves its length from the transport's {@link FrameBudget} until it is
 * complete; when the budget is spent it raises {@link TooLongFrameException} (error 4) instead of buffering.
 */
final class NetstringDecoder extends ByteToMessageDecoder {
    private final int maxPayload;
    private final int maxDigits;
    private final long stallMillis;
    private final FrameBudget budget;
    private int length = -1;
    /** What the frame being received reserved from the budget; 0 when none. */
    private long reserved;
    private boolean failed;
    private Future<?> stallTimer;

    NetstringDecoder(int maxPayload, long stallMillis, FrameBudget budget) {
        this.maxPayload = maxPayload;
        this.maxDigits = Integer.toString(maxPayload).length();
        this.stallMillis = stallMillis;
        this.budget = budget;
    }

    NetstringDecoder(int maxPayload, long stallMillis) {
        this(maxPayload, stallMillis, FrameBudget.unlimited());
    }

    /** A frame that began and stopped arriving; the connection is given up. */
    static final class StalledFrameException extends CorruptedFrameException {
        private static final long serialVersionUID = 1L;

        StalledFrameException(String message) {
            super(message);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (true) {
            if (length < 0 && !readLength(in)) {
                break;
            }
            if (in.readableBytes() < length + 1) {
                if (reserved == 0) {
                    if (!budget.reserve(length + 1L)) {
                        throw fail(in, new TooLongFrameException("the node is receiving too many large messages at "
                            + "once; send this one again later"));
                    }
                    reserved = length + 1L;
                }
                break;
            }
            releaseReserved();
            ByteBuf payload = in.readRetainedSlice(length);
            if (in.readByte() != ',') {
                payload.release();
                throw fail(in, new CorruptedFrameException("a netstring's payload of " + length
                    + " bytes must be followed by ','"));
            }
            length = -1;
            out.add(payload);
        }
        watchForStall(ctx, in.isReadable() || length >= 0);
    }

    /** Reads "digits:" if all there; false when more bytes are needed. */
    private boolean readLength(ByteBuf in) {
        long value = 0;
        int digits = 0;
        for (int i = in.readerIndex(); i < in.writerIndex(); i++) {
            byte b = in.getByte(i);
            if (b == ':') {
                if (digits == 0) {
                    throw fail(in, new CorruptedFrameException("a netstring must start with its length in digits"));
                }
                in.readerIndex(i + 1);
                length = (int) value;
                return true;
            }
            if (b < '0' || b > '9') {
                throw fail(in, new CorruptedFrameException(String.format(Locale.ROOT,
                    "a netstring's length must be digits followed by ':', not byte 0x%02x", b & 0xff)));
            }
            value = value * 10 + (b - '0');
            digits++;
            if (value > maxPayload) {
                throw fail(in, new TooLongFrameException("a message of more than " + maxPayload
                    + " bytes was announced; the limit is " + maxPayload));
            }
            if (digits > maxDigits) {
                throw fail(in, new CorruptedFrameException("a netstring's length has too many digits"));
            }
        }
        return false;
    }

    private RuntimeException fail(ByteBuf in, RuntimeException e) {
        failed = true;
        in.skipBytes(in.readableBytes());
        cancelStallTimer();
        releaseReserved();
        return e;
    }

    private void releaseReserved() {
        if (reserved != 0) {
            budget.release(reserved);
            reserved = 0;
        }
    }

    private void watchForStall(ChannelHandlerContext ctx, boolean partial) {
        if (!partial) {
            cancelStallTimer();
        } else if (stallTimer == null && stallMillis > 0) {
            stallTimer = ctx.executor().schedule(() -> {
                stallTimer = null;
                if (!failed) {
                    failed = true;
                    releaseReserved();
                    ctx.fireExceptionCaught(new StalledFrameException("a frame was begun and not finished within "
                        + stallMillis + " ms"));
                }
            }, stallMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void cancelStallTimer() {
        if (stallTimer != null) {
            stallTimer.cancel(false);
            stallTimer = null;
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelStallTimer();
        releaseReserved();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelStallTimer();
        releaseReserved();
        super.channelInactive(ctx);
    }
}
