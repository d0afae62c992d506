package org.kamaelia4j.components.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection as a component (Kamaelia's {@code ConnectedSocketAdapter}): bytes arriving
 * on {@code inbox} are written to the socket, bytes read from the socket go out on
 * {@code outbox}.
 *
 * <pre>{@code
 * // normally made by TcpServer or TcpClient; by hand:
 * ConnectedSocketAdapter csa = new ConnectedSocketAdapter(new Socket("127.0.0.1", port),
 *         ConnectionSettings.DEFAULT);
 * new Pipeline(new DataSource("hello".getBytes()), csa, new Collector()).run();
 * }</pre>
 *
 * <h2>Closing</h2>
 * On {@code control}: {@code ProducerFinished} closes after everything that came before it is
 * written; {@code ShutdownMicroprocess} closes at once; {@code ErrorInformation} (a protocol
 * handler that gave up on bad input) closes at once and logs its message. When the peer closes,
 * what was read goes out first, then {@code ProducerFinished} on {@code signal}; with
 * {@link ConnectionSettings#halfClose()} the socket stays open for writing until {@code control}
 * says to close, otherwise it closes at once. A connection that delivers no byte for
 * {@link ConnectionSettings#idleTimeout()}, or whose read or write fails, is closed too. Every
 * close sends, once, the shutdown message (or {@code ProducerFinished}) on {@code signal} and
 * {@link ConnectionClosed} with the reason on {@code feedback}; {@code stop()} closes the same way,
 * with {@code ShutdownMicroprocess} on {@code signal}. A close for any reason but a
 * request or a clean close by the peer is logged as one INFO line.
 *
 * <h2>How it works</h2>
 * Blocking socket I/O runs on two virtual threads per connection, a reader and a writer, which
 * hand chunks to and from the component's slices through bounded queues and wake the component
 * with {@code unpause()}. The slices never block. Back-pressure holds both ways: a full
 * destination leaves read chunks queued and the reader waits; a slow socket leaves messages in
 * {@code inbox}. Why virtual threads and not one selector: see the package description.
 */
public final class ConnectedSocketAdapter extends Component {

    /** The outbox on which {@link ConnectionClosed} goes out. */
    public static final String FEEDBACK = "feedback";

    private static final Logger LOG = LoggerFactory.getLogger(ConnectedSocketAdapter.class);
    private static final Object END_OF_OUTPUT = new Object();
    private static final String PEER_CLOSED = "closed by peer";

    private final Socket socket;
    private final ConnectionSettings settings;
    private final Inflow<Object> fromSocket;
    private final Inflow<Object> toSocket;
    private final InetSocketAddress peer;
    private Thread reader;
    private Thread writer;
    private volatile String writeFailure;
    private volatile boolean outputDone;
    private Object closeRequest;
    private String closeReason;
    private boolean endQueued;
    private boolean signalled;

    /** The end of the input, as the reader saw it. */
    private record ReadEnd(String reason, boolean byPeer) {
    }

    /** An adapter for a connected socket; it owns the socket from now on. */
    public ConnectedSocketAdapter(Socket socket, ConnectionSettings settings) {
        super(Boxes.builder()
                .inbox(INBOX, "bytes (byte[]) to write to the socket")
                .inbox(CONTROL, "ProducerFinished: close after writing; ShutdownMicroprocess or ErrorInformation: "
                        + "close now")
                .outbox(OUTBOX, "bytes (byte[]) read from the socket")
                .outbox(SIGNAL, "ProducerFinished when the peer closed, or the message that closed it")
                .outbox(FEEDBACK, "ConnectionClosed once the socket is closed, for its creator")
                .build());
        if (!socket.isConnected()) {
            throw new IllegalArgumentException("ConnectedSocketAdapter needs a connected socket, got " + socket);
        }
        this.socket = socket;
        this.settings = settings;
        this.peer = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.fromSocket = new Inflow<>(this, settings.queuedChunks());
        this.toSocket = new Inflow<>(this, settings.queuedChunks());
    }

    /** The peer's address. */
    public InetSocketAddress peer() {
        return peer;
    }

    /** This end's address. */
    public InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    protected void initialiseComponent() {
        try {
            socket.setSoTimeout((int) settings.idleTimeout().toMillis());
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            fromSocket.offer(new ReadEnd("socket setup failed: " + e.getMessage(), false));
            return;
        }
        reader = Thread.ofVirtual().name(name() + "-reader").start(this::readLoop);
        writer = Thread.ofVirtual().name(name() + "-writer").start(this::writeLoop);
    }

    @Override
    protected Step main() {
        String ended = null;
        for (Object item; ended == null && (item = fromSocket.peek()) != null; ) {
            if (item instanceof ReadEnd end) {
                fromSocket.remove();
                ended = inputEnded(end);
            } else {
                try {
                    send(item);
                } catch (BoxFullException full) {
                    break;
                }
                fromSocket.remove();
            }
        }
        while (closeRequest == null && dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess || m instanceof ErrorInformation) {
                closeRequest = m;
            }
        }
        while (!endQueued && dataReady() && toSocket.hasRoom()) {
            Object m = recv();
            if (!(m instanceof byte[])) {
                throw new IllegalArgumentException(name() + " takes byte[] on 'inbox', got " + m.getClass().getName());
            }
            toSocket.offer(m);
        }
        if (ended != null) {
            return close(ended, !ended.equals(PEER_CLOSED));
        }
        if (writeFailure != null) {
            return close(writeFailure, true);
        }
        if (closeRequest instanceof ErrorInformation e) {
            return close(e.message(), true);
        }
        if (closeRequest instanceof ShutdownMicroprocess) {
            return close("closed on request", false);
        }
        if (closeRequest instanceof ProducerFinished && !dataReady() && !endQueued && toSocket.offer(END_OF_OUTPUT)) {
            endQueued = true;
        }
        return outputDone ? close("closed on request", false) : Step.PAUSE;
    }

    /** The input ended: the reason to close now, or null to go on writing (half-close). */
    private String inputEnded(ReadEnd end) {
        if (!end.byPeer()) {
            return end.reason();
        }
        if (!settings.halfClose()) {
            return PEER_CLOSED;
        }
        signalled = true;
        send(new ProducerFinished(this, null), SIGNAL);
        return null;
    }

    private Step close(String reason, boolean unexpected) {
        closeSocket();
        if (unexpected) {
            LOG.info("{} {} closed: {}", name(), peer, reason);
        } else {
            LOG.debug("{} {} closed: {}", name(), peer, reason);
        }
        if (!signalled) {
            signalled = true;
            send(closeRequest != null ? closeRequest : new ProducerFinished(this, null), SIGNAL);
        }
        closeReason = reason;
        return Step.DONE;
    }

    /**
     * Also after a failure or a {@code stop()}: the socket is closed, the protocol handler is told
     * ({@code ShutdownMicroprocess} on {@code signal}, unless it was told already) and the creator
     * hears of it, always.
     */
    @Override
    protected void closeDownComponent() {
        closeSocket();
        if (!signalled) {
            signalled = true;
            send(new ShutdownMicroprocess(), SIGNAL);
        }
        send(new ConnectionClosed(this, closeReason != null ? closeReason : "the adapter failed or was stopped"),
                FEEDBACK);
    }

    /** Closes the socket of an adapter that will never be activated, logging why. */
    public void abandon(String reason) {
        LOG.info("{} {} closed: {}", name(), peer, reason);
        closeSocket();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("{}: closing the socket failed", name(), e);
        }
        for (Thread t : new Thread[] {reader, writer}) {
            if (t != null) {
                t.interrupt();
            }
        }
    }

    private void readLoop() {
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                byte[] buffer = new byte[settings.readChunk()];
                int n = in.read(buffer);
                if (n < 0) {
                    fromSocket.put(new ReadEnd(PEER_CLOSED, true));
                    return;
                }
                fromSocket.put(n == buffer.length ? buffer : Arrays.copyOf(buffer, n));
            }
        } catch (SocketTimeoutException e) {
            readEnd("idle for " + settings.idleTimeout() + " without a byte");
        } catch (IOException e) {
            readEnd("read failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readEnd(String reason) {
        if (!socket.isClosed()) {
            try {
                fromSocket.put(new ReadEnd(reason, false));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeLoop() {
        try {
            OutputStream out = socket.getOutputStream();
            while (true) {
                Object item = toSocket.take();
                if (item == END_OF_OUTPUT) {
                    socket.shutdownOutput();
                    outputDone = true;
                    unpause();
                    return;
                }
                out.write((byte[]) item);
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                writeFailure = "write failed: " + e.getMessage();
                unpause();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
