package org.kamaelia4j.components.protocol;

import java.nio.charset.StandardCharsets;

import org.kamaelia4j.components.util.Transformer;

/**
 * Marks the start of each message in a byte stream with a sync sequence, so that a receiver
 * ({@link DataDeChunker}) can find message boundaries, and resynchronise after joining mid-stream
 * (Kamaelia's {@code Framing.DataChunker}).
 *
 * <pre>{@code
 * new Pipeline(new MessageSource(), new DataChunker(), new TcpClient("127.0.0.1", port)).activate();
 * // and on the server: new Pipeline(new SingleServer(port), new DataDeChunker(), new MessageSink())
 * }</pre>
 *
 * <p>Each {@code byte[]} on {@code inbox} goes out as {@code sync + escape(message)}. The escape
 * guarantees the sync sequence never occurs inside a chunk: {@code '%'} becomes {@code "%25"} and
 * the sync sequence's first byte becomes {@code '%'} and its two hex digits, so that byte only
 * ever appears raw at the start of a sync. Hence the sync sequence may not start with {@code '%'}
 * or a hex digit. The default is Kamaelia's, 24 {@code 'X'}s.
 */
public final class DataChunker extends Transformer {

    /** Kamaelia's default sync sequence. */
    public static final String DEFAULT_SYNC = "XXXXXXXXXXXXXXXXXXXXXXXX";

    private final byte[] sync;

    /** A chunker using {@link #DEFAULT_SYNC}. */
    public DataChunker() {
        this(DEFAULT_SYNC);
    }

    /** A chunker using {@code sync} (ASCII; must not start with '%' or a hex digit). */
    public DataChunker(String sync) {
        super(Transformer.boxes("messages (byte[]) to chunk", "the chunks: sync sequence then the escaped message"));
        this.sync = checkedSync(sync);
    }

    @Override
    protected void process(Object message) {
        emit(encode(StreamInput.of(this, byte[].class, message), sync));
    }

    /** {@code sync + escape(message)}. */
    static byte[] encode(byte[] message, byte[] sync) {
        byte marker = sync[0];
        int extra = 0;
        for (byte b : message) {
            if (b == '%' || b == marker) {
                extra += 2;
            }
        }
        byte[] out = new byte[sync.length + message.length + extra];
        System.arraycopy(sync, 0, out, 0, sync.length);
        int i = sync.length;
        for (byte b : message) {
            if (b == '%' || b == marker) {
                out[i++] = '%';
                out[i++] = hex((b >> 4) & 0xF);
                out[i++] = hex(b & 0xF);
            } else {
                out[i++] = b;
            }
        }
        return out;
    }

    /** The sync sequence's bytes, checked. */
    static byte[] checkedSync(String sync) {
        if (sync == null || sync.isEmpty()) {
            throw new IllegalArgumentException("the sync sequence must be non-empty, got '" + sync + "'");
        }
        char first = sync.charAt(0);
        if (first == '%' || Character.digit(first, 16) >= 0 || first > 127) {
            throw new IllegalArgumentException("the sync sequence '" + sync
                    + "' must start with an ASCII character other than '%' and the hex digits");
        }
        return sync.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte hex(int digit) {
        return (byte) Character.toUpperCase(Character.forDigit(digit, 16));
    }
}
