package org.kamaelia4j.components.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.components.util.Transformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives UDP datagrams on a port and sends each out as a {@link Datagram} (Kamaelia's
 * {@code UDP.SimpleReceiver}).
 *
 * <pre>{@code
 * UdpReceiver rx = new UdpReceiver(new InetSocketAddress("127.0.0.1", 0));
 * int port = rx.port();                        // bound already
 * new Pipeline(rx, new DatagramPrinter()).activate();
 * }</pre>
 *
 * <p>The socket is bound in the constructor. Receiving runs on a virtual thread that hands
 * datagrams to the slices through a bounded queue (256); when the component's destination is
 * full and that queue too, further datagrams wait in the kernel's buffer and beyond it are
 * dropped, as UDP does. A {@link Transformer} source: {@code ShutdownMicroprocess} or
 * {@code ProducerFinished} on {@code control} closes the socket and is passed on.
 */
public final class UdpReceiver extends Transformer {

    private static final Logger LOG = LoggerFactory.getLogger(UdpReceiver.class);
    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket socket;
    private final Inflow<Datagram> received = new Inflow<>(this, 256);
    private Thread thread;

    /** A receiver bound to {@code address} (port 0: any free port). */
    public UdpReceiver(InetSocketAddress address) {
        super(Boxes.builder()
                .inbox(INBOX, "not used: anything sent here is discarded")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to close and finish")
                .outbox(OUTBOX, "a Datagram per datagram received, with its sender's address")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
        try {
            this.socket = new DatagramSocket(address);
        } catch (IOException e) {
            throw new UncheckedIOException("UdpReceiver cannot bind " + address + ": " + e.getMessage(), e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return socket.getLocalPort();
    }

    @Override
    protected void initialiseComponent() {
        thread = Thread.ofVirtual().name(name() + "-receiver").start(this::receiveLoop);
    }

    @Override
    protected boolean poll() {
        for (Datagram d; !holding() && (d = received.peek()) != null; received.remove()) {
            emit(d);
        }
        return false;
    }

    @Override
    protected void closeDownComponent() {
        socket.close();
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void receiveLoop() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        try {
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                received.put(new Datagram(Arrays.copyOf(buffer, packet.getLength()),
                        (InetSocketAddress) packet.getSocketAddress()));
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                LOG.warn("{}: receiving on port {} failed, no more datagrams: {}", name(), port(), e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
