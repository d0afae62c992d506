package org.kamaelia4j.components.protocol;

import java.io.ByteArrayOutputStream;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.components.util.Transformer;

/**
 * Finds the messages in a byte stream chunked by {@link DataChunker} (Kamaelia's
 * {@code Framing.DataDeChunker}), whatever the chunk boundaries of its input.
 *
 * <pre>{@code
 * new Pipeline(new SingleServer(port), new DataDeChunker(), new MessageSink()).activate();
 * }</pre>
 *
 * <p>As in Kamaelia, bytes before the first sync sequence are dropped (a receiver that joins
 * mid-stream synchronises on the next chunk), and a chunk goes out only when the next sync
 * sequence shows it is complete; a message on {@code flush} sends out what follows the last sync.
 * Unlike Kamaelia, input is bounded: more than {@code maxChunk} bytes without a sync sequence, or
 * a broken escape ({@code '%'} not followed by two hex digits), makes it send
 * {@code ErrorInformation} on {@code signal} and finish.
 */
public final class DataDeChunker extends Transformer {

    /** The name of the inbox that flushes the last chunk. */
    public static final String FLUSH = "flush";
    /** The default largest chunk, escaped, in bytes. */
    public static final int DEFAULT_MAX_CHUNK = 1 << 20;

    private final byte[] sync;
    private final int maxChunk;
    private final ByteAccumulator buffer = new ByteAccumulator();
    private boolean synced;
    /** Bytes of the buffer already searched for a sync sequence without finding one. */
    private int searched;
    /** Set on a fault: stops work on the current input (finishNow stops the reading of more). */
    private boolean failed;

    /** A de-chunker with {@link DataChunker#DEFAULT_SYNC} and {@link #DEFAULT_MAX_CHUNK}. */
    public DataDeChunker() {
        this(DataChunker.DEFAULT_SYNC, DEFAULT_MAX_CHUNK);
    }

    /** A de-chunker for {@code sync}, accepting escaped chunks of up to {@code maxChunk} bytes. */
    public DataDeChunker(String sync, int maxChunk) {
        super(Boxes.builder()
                .inbox(INBOX, "chunked bytes, in pieces of any size")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .inbox(FLUSH, "any message: send out the chunk after the last sync sequence")
                .outbox(OUTBOX, "the messages (byte[]), unescaped")
                .outbox(SIGNAL, "the shutdown message passed on, or ErrorInformation on a malformed stream")
                .build());
        if (maxChunk < 1) {
            throw new IllegalArgumentException("DataDeChunker: maxChunk must be >= 1, got " + maxChunk);
        }
        this.sync = DataChunker.checkedSync(sync);
        this.maxChunk = maxChunk;
    }

    @Override
    protected void process(Object message) {
        buffer.append(StreamInput.of(this, byte[].class, message));
        if (!synced) {
            int at = buffer.indexOf(sync, 0);
            if (at < 0) {
                int keep = Math.min(buffer.size(), sync.length - 1);
                buffer.skip(buffer.size() - keep);
                return;
            }
            buffer.skip(at + sync.length);
            synced = true;
        }
        for (int next; !failed && (next = buffer.indexOf(sync, searched)) >= 0; searched = 0) {
            chunk(next);
            buffer.skip(sync.length);
        }
        searched = Math.max(0, buffer.size() - sync.length + 1);
        if (!failed && buffer.size() > maxChunk + sync.length) {
            reject("no sync sequence in " + buffer.size() + " bytes, above the chunk limit of " + maxChunk);
        }
    }

    @Override
    protected boolean poll() {
        while (dataReady(FLUSH)) {
            recv(FLUSH);
            if (!failed && synced && buffer.size() > 0) {
                chunk(buffer.size());
                searched = 0;
            }
        }
        return false;
    }

    /** Sends the first {@code length} bytes, unescaped, and drops them. */
    private void chunk(int length) {
        if (length > maxChunk) {
            reject("a chunk of " + length + " bytes, above the limit of " + maxChunk);
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        for (int i = 0; i < length; i++) {
            byte b = buffer.get(i);
            if (b == '%') {
                int value = i + 2 < length ? hexPair(buffer.get(i + 1), buffer.get(i + 2)) : -1;
                if (value < 0) {
                    reject("a broken escape at byte " + i + " of a chunk: '%' must be followed by two hex digits");
                    return;
                }
                out.write(value);
                i += 2;
            } else {
                out.write(b);
            }
        }
        buffer.skip(length);
        emit(out.toByteArray());
    }

    private void reject(String reason) {
        failed = true;
        finishNow(StreamInput.malformed(this, reason));
    }

    private static int hexPair(byte high, byte low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}
