package org.kamaelia4j.components.protocol;

import java.nio.charset.StandardCharsets;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.components.util.Transformer;

/**
 * Cuts a byte stream framed by {@link Framer} back into {@link Frame}s (Kamaelia's
 * {@code Framing.DeFramer}), whatever the chunk boundaries: a frame may arrive in many pieces and
 * one piece may hold many frames.
 *
 * <pre>{@code
 * new Pipeline(new SingleServer(port), new DeFramer(65536), new FrameHandler()).activate();
 * }</pre>
 *
 * <p>Unlike Kamaelia's, which silently dropped short frames, a stream that breaks the format is
 * reported: a header that is not {@code "<tag> <length>\n"} in decimal, or a length above the
 * limit, makes it send {@code ErrorInformation} (saying what was wrong) on {@code signal} and
 * finish, since a length-framed stream cannot be resynchronised. The frames before the fault go
 * out first. A stream that ends ({@code ProducerFinished}) inside a frame is reported the same way.
 */
public final class DeFramer extends Transformer {

    /** The default largest accepted payload, in bytes. */
    public static final int DEFAULT_MAX_FRAME = 1 << 20;
    private static final int MAX_HEADER = 41;
    private static final byte[] NEWLINE = {'\n'};

    private final int maxFrame;
    private final ByteAccumulator buffer = new ByteAccumulator();
    private long tag = -1;
    private int length = -1;
    /** Set on a fault: stops work on the current input (finishNow stops the reading of more). */
    private boolean failed;

    /** A de-framer accepting payloads up to {@link #DEFAULT_MAX_FRAME} bytes. */
    public DeFramer() {
        this(DEFAULT_MAX_FRAME);
    }

    /** A de-framer accepting payloads up to {@code maxFrame} bytes. */
    public DeFramer(int maxFrame) {
        super(Boxes.builder()
                .inbox(INBOX, "framed bytes, in chunks of any size")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, "the Frames")
                .outbox(SIGNAL, "the shutdown message passed on, or ErrorInformation on a malformed stream")
                .build());
        if (maxFrame < 0) {
            throw new IllegalArgumentException("DeFramer: maxFrame must be >= 0, got " + maxFrame);
        }
        this.maxFrame = maxFrame;
    }

    @Override
    protected void process(Object message) {
        buffer.append(StreamInput.of(this, byte[].class, message));
        boolean progress = true;
        while (progress && !failed) {
            progress = length < 0 ? readHeader() : readBody();
        }
    }

    @Override
    protected Object finishing(Object shutdownMessage) {
        if (shutdownMessage instanceof ProducerFinished && (length >= 0 || buffer.size() > 0)) {
            return StreamInput.malformed(this, "the stream ended inside a frame (" + buffer.size()
                    + " bytes left over)");
        }
        return shutdownMessage;
    }

    private boolean readHeader() {
        int newline = buffer.indexOf(NEWLINE, 0);
        if (newline < 0) {
            if (buffer.size() > MAX_HEADER) {
                reject("no frame header '<tag> <length>\\n' in the first " + buffer.size() + " bytes");
            }
            return false;
        }
        String header = new String(buffer.take(newline + 1), 0, newline, StandardCharsets.US_ASCII);
        int space = header.indexOf(' ');
        long parsedTag = space < 0 ? -1 : parse(header.substring(0, space));
        long parsedLength = space < 0 ? -1 : parse(header.substring(space + 1));
        if (parsedTag < 0 || parsedLength < 0) {
            reject("malformed frame header '" + printable(header) + "', expected '<tag> <length>' in decimal");
            return false;
        }
        if (parsedLength > maxFrame) {
            reject("frame " + parsedTag + " declares " + parsedLength + " bytes, above the limit of "
                    + maxFrame);
            return false;
        }
        tag = parsedTag;
        length = (int) parsedLength;
        return true;
    }

    private boolean readBody() {
        if (buffer.size() < length) {
            return false;
        }
        emit(new Frame(tag, buffer.take(length)));
        length = -1;
        return true;
    }

    private void reject(String reason) {
        failed = true;
        finishNow(StreamInput.malformed(this, reason));
    }

    /** A non-negative decimal of up to 18 digits, or -1. */
    private static long parse(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(s);
    }

    /** The text with control and non-ASCII characters shown as '?', for error messages. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append(c >= 32 && c < 127 ? (char) c : '?'));
        return b.toString();
    }
}
