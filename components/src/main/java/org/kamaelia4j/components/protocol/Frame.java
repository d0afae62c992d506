package org.kamaelia4j.components.protocol;

import java.util.Arrays;

/**
 * A tagged payload: what {@link Framer} frames and {@link DeFramer} gives back (Kamaelia's
 * {@code (tag, data)} pair of {@code SimpleFrame}).
 *
 * <pre>{@code
 * new Pipeline(new DataSource(new Frame(1, "hello".getBytes())), new Framer(), new TcpClient("127.0.0.1", port))
 * }</pre>
 *
 * @param tag  a sequence number or any other non-negative label
 * @param data the payload, any bytes
 */
public record Frame(long tag, byte[] data) {

    /** Checks the tag and copies nothing: the array is shared, so do not change it afterwards. */
    public Frame {
        if (tag < 0) {
            throw new IllegalArgumentException("Frame: the tag must be non-negative, got " + tag);
        }
        if (data == null) {
            throw new NullPointerException("Frame: data must be non-null");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.tag == tag && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(tag) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Frame[tag=" + tag + ", " + data.length + " bytes]";
    }
}
