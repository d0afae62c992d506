package org.kamaelia4j.components.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

import org.kamaelia4j.components.util.Transformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each message as one UDP datagram (Kamaelia's {@code UDP.SimplePeer} sending side): a
 * {@code byte[]} to the destination given at construction, a {@link Datagram} to its own address.
 *
 * <pre>{@code
 * new Pipeline(new DataSource(packets), new MaxSizePacketiser(1400),
 *              new UdpSender(new InetSocketAddress("127.0.0.1", port))).run();
 * }</pre>
 *
 * <p>A UDP send does not wait for the network, so it runs on the component's slice. A send that
 * fails (message too long, unreachable network) is logged as one line and the datagram dropped,
 * as UDP drops. A {@link Transformer}: finishes on {@code ProducerFinished} after what came before
 * (on {@code ShutdownMicroprocess} at once), closing its socket, and passes it on.
 */
public final class UdpSender extends Transformer {

    private static final Logger LOG = LoggerFactory.getLogger(UdpSender.class);

    private final InetSocketAddress destination;
    private final DatagramSocket socket;

    /** A sender to {@code destination}, from any free local port. */
    public UdpSender(InetSocketAddress destination) {
        super(Transformer.boxes("byte[] for the destination, or a Datagram for its own address", "not used"));
        this.destination = destination;
        try {
            this.socket = new DatagramSocket();
        } catch (IOException e) {
            throw new UncheckedIOException("UdpSender cannot open a UDP socket: " + e.getMessage(), e);
        }
    }

    @Override
    protected void process(Object m) {
        DatagramPacket packet = switch (m) {
            case byte[] b -> new DatagramPacket(b, b.length, destination);
            case Datagram d -> new DatagramPacket(d.data(), d.data().length, d.address());
            default -> throw new IllegalArgumentException(name() + " takes byte[] or Datagram on 'inbox', got "
                    + (m == null ? "null" : m.getClass().getName()));
        };
        try {
            socket.send(packet);
        } catch (IOException e) {
            LOG.info("{}: datagram of {} bytes to {} dropped: {}", name(), packet.getLength(),
                    packet.getSocketAddress(), e.toString());
        }
    }

    @Override
    protected void closeDownComponent() {
        socket.close();
    }
}
