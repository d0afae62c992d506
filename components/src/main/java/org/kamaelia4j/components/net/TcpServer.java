package org.kamaelia4j.components.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on a TCP port and sends a {@link NewConnection} for every client that connects
 * (Kamaelia's {@code TCPServer}); whoever receives it activates and wires the
 * {@link ConnectedSocketAdapter} inside, as {@link org.kamaelia4j.components.chassis.ServerCore}
 * does.
 *
 * <pre>{@code
 * TcpServer server = new TcpServer(new InetSocketAddress("127.0.0.1", 0), ConnectionSettings.DEFAULT);
 * int port = server.port();                  // bound already: 0 picks a free port
 * link(server, OUTBOX, this, "newConnections");
 * server.activate(scheduler());
 * }</pre>
 *
 * <p>The socket is bound in the constructor, so {@link #port()} is known before activation and a
 * port in use fails at once. Accepting runs on a virtual thread that hands each socket to the
 * component's slices through a bounded queue. {@code ProducerFinished} or
 * {@code ShutdownMicroprocess} on {@code control} closes the listening socket (connections
 * already handed out are not touched), and is passed on through {@code signal}.
 */
public final class TcpServer extends Component {

    private static final Logger LOG = LoggerFactory.getLogger(TcpServer.class);
    private static final int BACKLOG = 4096;

    private final ServerSocket listener;
    private final ConnectionSettings settings;
    private final Inflow<Socket> accepted = new Inflow<>(this, 64);
    private Thread acceptor;

    /**
     * A server bound to {@code address} (port 0: any free port).
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public TcpServer(InetSocketAddress address, ConnectionSettings settings) {
        super(Boxes.builder()
                .inbox(INBOX, "not used")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to stop listening")
                .outbox(OUTBOX, "a NewConnection per accepted client, its adapter not yet activated")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
        this.settings = settings;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(address, BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("TcpServer cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /** A server on {@code 127.0.0.1:port} with the default settings. */
    public TcpServer(int port) {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), ConnectionSettings.DEFAULT);
    }

    /** The port it listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    protected void initialiseComponent() {
        acceptor = Thread.ofVirtual().name(name() + "-acceptor").start(this::acceptLoop);
    }

    @Override
    protected Step main() {
        if (dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess) {
                send(m, SIGNAL);
                return Step.DONE;
            }
        }
        for (Socket s; (s = accepted.peek()) != null; ) {
            ConnectedSocketAdapter csa = new ConnectedSocketAdapter(s, settings);
            try {
                send(new NewConnection(csa, csa.peer(), csa.local()));
            } catch (BoxFullException full) {
                return Step.PAUSE;
            }
            accepted.remove();
        }
        return Step.PAUSE;
    }

    @Override
    protected void closeDownComponent() throws IOException {
        listener.close();
        if (acceptor != null) {
            acceptor.interrupt();
        }
        closeQueued();
    }

    /**
     * Closes the sockets accepted but never handed out. Both the closing component and the
     * acceptor call it (the acceptor may hand over a socket just after the listener closed).
     */
    private synchronized void closeQueued() {
        for (Socket s; (s = accepted.peek()) != null; accepted.remove()) {
            closeQuietly(s);
        }
    }

    private void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("{}: closing an unused connection failed", name(), e);
        }
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket s = listener.accept();
                try {
                    accepted.put(s);
                } catch (InterruptedException e) {
                    closeQuietly(s);
                    throw e;
                }
                if (listener.isClosed()) {
                    closeQueued();
                    return;
                }
            }
        } catch (IOException e) {
            if (!listener.isClosed()) {
                LOG.warn("{}: accepting on port {} failed, no more connections: {}", name(), port(), e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
