package org.kamaelia4j.components.protocol;

import java.util.Arrays;

import org.kamaelia4j.components.util.Transformer;

/**
 * Splits each message into packets of at most {@code maxSize} bytes (Kamaelia's
 * {@code Packetise.MaxSizePacketiser}), e.g. to fit datagrams.
 *
 * <pre>{@code
 * new Pipeline(new FileReader(path), new MaxSizePacketiser(1400), new UdpSender("127.0.0.1", port)).activate();
 * }</pre>
 *
 * <p>As in Kamaelia, packets never span two input messages: a 2500-byte message with a limit of
 * 1000 gives 1000, 1000 and 500 bytes. An empty message gives nothing.
 */
public final class MaxSizePacketiser extends Transformer {

    private final int maxSize;

    /** A packetiser giving packets of at most {@code maxSize} bytes. */
    public MaxSizePacketiser(int maxSize) {
        super(Transformer.boxes("messages (byte[]) to split", "packets (byte[]) of at most maxSize bytes"));
        if (maxSize < 1) {
            throw new IllegalArgumentException("MaxSizePacketiser: maxSize must be >= 1, got " + maxSize);
        }
        this.maxSize = maxSize;
    }

    @Override
    protected void process(Object message) {
        byte[] data = StreamInput.of(this, byte[].class, message);
        if (data.length <= maxSize && data.length > 0) {
            emit(data);
            return;
        }
        for (int from = 0; from < data.length; from += maxSize) {
            emit(Arrays.copyOfRange(data, from, Math.min(data.length, from + maxSize)));
        }
    }
}
