package org.kamaelia4j.components.util;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Regroups a stream of strings or byte arrays into chunks of a fixed size (Kamaelia's
 * {@code Util.Chunkifier}).
 *
 * <pre>{@code
 * new Pipeline(new ConsoleReader(), new Chunkifier(20), new ConsoleEchoer()).run();
 * }</pre>
 *
 * <p>Its input is a stream: messages are concatenated without boundaries, and a chunk of exactly
 * {@code chunkSize} characters (for strings) or bytes (for {@code byte[]}) goes out whenever
 * enough has arrived. What is left when it is told to finish goes out as a last, shorter chunk.
 * The stream must be all strings or all byte arrays; anything else fails the component with a
 * message naming it.
 */
public final class Chunkifier extends Transformer {

    private final int chunkSize;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Class<?> kind;

    /** A chunkifier emitting chunks of {@code chunkSize} characters or bytes. */
    public Chunkifier(int chunkSize) {
        super(boxes("strings or byte arrays, a continuous stream",
                "chunks of exactly chunkSize, the last one shorter"));
        if (chunkSize < 1) {
            throw new IllegalArgumentException("Chunkifier: the chunk size must be at least 1, got " + chunkSize);
        }
        this.chunkSize = chunkSize;
    }

    @Override
    protected void process(Object msg) {
        Class<?> k = msg instanceof CharSequence ? CharSequence.class : msg instanceof byte[] ? byte[].class : null;
        if (k == null || (kind != null && kind != k)) {
            throw new IllegalArgumentException(name() + " needs a stream of all strings or all byte arrays, but"
                    + " received a " + msg.getClass().getName()
                    + (kind == null ? "" : " after " + kind.getSimpleName() + "s") + ": " + msg);
        }
        kind = k;
        if (msg instanceof CharSequence s) {
            text.append(s);
            int start = 0;
            for (; text.length() - start >= chunkSize; start += chunkSize) {
                emit(text.substring(start, start + chunkSize));
            }
            text.delete(0, start);
        } else {
            bytes.writeBytes((byte[]) msg);
            if (bytes.size() >= chunkSize) {
                byte[] all = bytes.toByteArray();
                int start = 0;
                for (; all.length - start >= chunkSize; start += chunkSize) {
                    emit(Arrays.copyOfRange(all, start, start + chunkSize));
                }
                bytes.reset();
                bytes.write(all, start, all.length - start);
            }
        }
    }

    @Override
    protected Object finishing(Object shutdownMessage) {
        if (!text.isEmpty()) {
            emit(text.toString());
        }
        if (bytes.size() > 0) {
            emit(bytes.toByteArray());
        }
        return shutdownMessage;
    }
}
