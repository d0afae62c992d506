package org.kamaelia4j.components.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
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
 * as UDP drops. Finishes on {@code ProducerFinished} or {@code ShutdownMicroprocess} after what came
 * before, closing its socket, and passes it on.
 */
public final class UdpSender extends Component {

    private static final Logger LOG = LoggerFactory.getLogger(UdpSender.class);

    private final InetSocketAddress destination;
    private final DatagramSocket socket;

    /** A sender to {@code destination}, from any free local port. */
    public UdpSender(InetSocketAddress destination) {
        super(Boxes.builder()
                .inbox(INBOX, "byte[] for the destination, or a Datagram for its own address")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, "not used")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
        this.destination = destination;
        try {
            this.socket = new DatagramSocket();
        } catch (IOException e) {
            throw new UncheckedIOException("UdpSender cannot open a UDP socket: " + e.getMessage(), e);
        }
    }

    @Override
    protected Step main() {
        while (dataReady()) {
            Object m = recv();
            DatagramPacket packet = switch (m) {
                case byte[] b -> new DatagramPacket(b, b.length, destination);
                case Datagram d -> new DatagramPacket(d.data(), d.data().length, d.address());
                default -> throw new IllegalArgumentException(name() + " takes byte[] or Datagram on 'inbox', got "
                        + m.getClass().getName());
            };
            try {
                socket.send(packet);
            } catch (IOException e) {
                LOG.info("{}: datagram of {} bytes to {} dropped: {}", name(), packet.getLength(),
                        packet.getSocketAddress(), e.toString());
            }
        }
        if (dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess) {
                send(m, SIGNAL);
                return Step.DONE;
            }
        }
        return Step.PAUSE;
    }

    @Override
    protected void closeDownComponent() {
        socket.close();
    }
}
