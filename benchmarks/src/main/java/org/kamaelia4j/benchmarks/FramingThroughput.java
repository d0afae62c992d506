package org.kamaelia4j.benchmarks;

import java.util.Arrays;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.components.protocol.DeFramer;
import org.kamaelia4j.components.protocol.Frame;
import org.kamaelia4j.components.protocol.Framer;

/**
 * Framing then de-framing 1 KiB payloads, the framed stream re-cut into 4 KiB pieces in between
 * (as a socket would cut it): payload megabytes per second through Kamaelia4J's {@code Framer}
 * and {@code DeFramer} components on one worker, against Netty's {@code LengthFieldPrepender} and
 * {@code LengthFieldBasedFrameDecoder} driven through {@code EmbeddedChannel}s.
 */
final class FramingThroughput implements Workload {

    private static final int PAYLOAD = 1024;
    private static final int PIECE = 4096;

    @Override
    public String name() {
        return "framing-throughput";
    }

    @Override
    public String title() {
        return "frame + re-cut into 4 KiB + de-frame, 1 KiB payloads; payload MB/s";
    }

    @Override
    public Unit unit() {
        return Unit.MB_PER_SECOND;
    }

    @Override
    public String target() {
        return "within 2x of Netty's length-field codec";
    }

    @Override
    public long size(boolean quick) {
        return quick ? 20_000 : 200_000;
    }

    @Override
    public List<Contender> contenders() {
        return List.of(new Contender("Kamaelia4J Framer -> DeFramer, 1 worker", true, FramingThroughput::kamaelia),
                new Contender("Netty LengthFieldPrepender -> LengthFieldBasedFrameDecoder", false,
                        FramingThroughput::netty));
    }

    private static double kamaelia(long frames) {
        Scheduler s = Scheduler.create(1);
        Counter counter = new Counter();
        new Pipeline(new FrameSource(frames), new Framer(), new Recut(), new DeFramer(), counter).activate(s);
        long start = System.nanoTime();
        s.run();
        return check(counter.bytes, frames, System.nanoTime() - start);
    }

    private static double netty(long frames) {
        EmbeddedChannel encoder = new EmbeddedChannel(new LengthFieldPrepender(4));
        EmbeddedChannel decoder = new EmbeddedChannel(new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4));
        byte[] payload = new byte[PAYLOAD];
        ByteBuf piece = Unpooled.buffer(PIECE);
        long bytes = 0;
        long start = System.nanoTime();
        for (long i = 0; i < frames; i++) {
            encoder.writeOutbound(Unpooled.wrappedBuffer(payload));
            for (ByteBuf out; (out = encoder.readOutbound()) != null; out.release()) {
                while (out.isReadable()) {
                    piece.writeBytes(out, Math.min(out.readableBytes(), piece.writableBytes()));
                    if (!piece.isWritable()) {
                        bytes += decode(decoder, piece);
                        piece = Unpooled.buffer(PIECE);
                    }
                }
            }
        }
        bytes += decode(decoder, piece);
        return check(bytes, frames, System.nanoTime() - start);
    }

    private static long decode(EmbeddedChannel decoder, ByteBuf piece) {
        decoder.writeInbound(piece);
        long bytes = 0;
        for (ByteBuf frame; (frame = decoder.readInbound()) != null; frame.release()) {
            bytes += frame.readableBytes();
        }
        return bytes;
    }

    private static double check(long bytes, long frames, long nanos) {
        if (bytes != frames * PAYLOAD) {
            throw new IllegalStateException("de-framed " + bytes + " payload bytes of " + frames * PAYLOAD);
        }
        return bytes * 1e3 / nanos;
    }

    /** Sends {@code n} frames sharing one payload, 64 per slice, then ProducerFinished. */
    private static final class FrameSource extends Component {
        private final byte[] payload = new byte[PAYLOAD];
        private final long n;
        private long sent;

        FrameSource(long n) {
            this.n = n;
        }

        @Override
        protected Step main() {
            for (int i = 0; i < 64 && sent < n; i++) {
                send(new Frame(sent++, payload));
            }
            if (sent < n) {
                return Step.CONTINUE;
            }
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
    }

    /** Re-cuts a byte stream into 4 KiB pieces, as a socket would; flushes the rest at the end. */
    private static final class Recut extends Component {
        private byte[] piece = new byte[PIECE];
        private int filled;

        @Override
        protected Step main() {
            while (dataReady()) {
                byte[] bytes = recv();
                for (int from = 0; from < bytes.length; ) {
                    int n = Math.min(bytes.length - from, PIECE - filled);
                    System.arraycopy(bytes, from, piece, filled, n);
                    from += n;
                    filled += n;
                    if (filled == PIECE) {
                        send(piece);
                        piece = new byte[PIECE];
                        filled = 0;
                    }
                }
            }
            if (dataReady(CONTROL)) {
                if (filled > 0) {
                    send(Arrays.copyOf(piece, filled));
                }
                send(recv(CONTROL), SIGNAL);
                return Step.DONE;
            }
            return Step.PAUSE;
        }
    }

    /** Counts payload bytes; finishes on the shutdown message. */
    private static final class Counter extends Component {
        long bytes;

        @Override
        protected Step main() {
            while (dataReady()) {
                bytes += this.<Frame>recv().data().length;
            }
            return dataReady(CONTROL) ? Step.DONE : Step.PAUSE;
        }
    }
}
