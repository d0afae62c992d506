package org.kamaelia4j.components.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Passthrough;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to a TCP server and then behaves as the connection (Kamaelia's {@code TCPClient}):
 * bytes on {@code inbox} go to the server, bytes from the server come out of {@code outbox}.
 *
 * <pre>{@code
 * Collector replies = new Collector();
 * new Pipeline(new DataSource("hello\n".getBytes()), new TcpClient("127.0.0.1", port), replies).run();
 * }</pre>
 *
 * <p>Connecting runs on a virtual thread. Once connected, a {@link ConnectedSocketAdapter} child
 * takes over: {@code inbox} and {@code control} pass through to it (messages that arrived while
 * connecting move on, in order) and its {@code outbox} and {@code signal} pass out. So
 * {@code ProducerFinished} on {@code control} closes after writing what came before; when the
 * server closes, {@code ProducerFinished} comes out of {@code signal}; the client finishes with
 * its connection. A failed connection sends {@code ErrorInformation} on {@code signal}, logs one
 * line and finishes.
 */
public final class TcpClient extends Component {

    private static final Logger LOG = LoggerFactory.getLogger(TcpClient.class);

    private final InetSocketAddress address;
    private final ConnectionSettings settings;
    private final Inflow<Object> connected = new Inflow<>(this, 1);
    private ConnectedSocketAdapter connection;

    /** A client for {@code host:port} with default settings (no half-close). */
    public TcpClient(String host, int port) {
        this(new InetSocketAddress(host, port), ConnectionSettings.DEFAULT);
    }

    /** A client for {@code address}; the settings' idle timeout also bounds connecting. */
    public TcpClient(InetSocketAddress address, ConnectionSettings settings) {
        super(Boxes.builder()
                .inbox(INBOX, "bytes (byte[]) to send to the server")
                .inbox(CONTROL, "ProducerFinished: close after sending; ShutdownMicroprocess: close now")
                .outbox(OUTBOX, "bytes (byte[]) from the server")
                .outbox(SIGNAL, "ProducerFinished when the connection closed, ErrorInformation if it could not open")
                .build());
        this.address = address;
        this.settings = settings;
    }

    /** The connection, once connected (null before). */
    public ConnectedSocketAdapter connection() {
        return connection;
    }

    @Override
    protected void initialiseComponent() {
        Thread.ofVirtual().name(name() + "-connect").start(this::connect);
    }

    private void connect() {
        Socket socket = new Socket();
        Object result;
        try {
            socket.connect(address, (int) settings.idleTimeout().toMillis());
            result = socket;
        } catch (IOException e) {
            result = e;
        }
        try {
            connected.put(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected Step main() {
        if (connection == null) {
            Object result = connected.peek();
            if (result == null) {
                return Step.PAUSE;
            }
            connected.remove();
            if (result instanceof IOException e) {
                String message = name() + ": cannot connect to " + address + ": " + e.getMessage();
                LOG.info(message);
                send(new ErrorInformation(this, e, message), SIGNAL);
                return Step.DONE;
            }
            connection = new ConnectedSocketAdapter((Socket) result, settings);
            link(this, INBOX, connection, INBOX, Passthrough.INBOUND);
            link(this, CONTROL, connection, CONTROL, Passthrough.INBOUND);
            link(connection, OUTBOX, this, OUTBOX, Passthrough.OUTBOUND);
            link(connection, SIGNAL, this, SIGNAL, Passthrough.OUTBOUND);
            addChildren(connection);
            connection.activate(scheduler());
        }
        return childrenDone() ? Step.DONE : Step.PAUSE;
    }
}
