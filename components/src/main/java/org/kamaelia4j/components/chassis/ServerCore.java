package org.kamaelia4j.components.chassis;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.kamaelia4j.axon.AdaptiveCommsComponent;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.net.ConnectedSocketAdapter;
import org.kamaelia4j.components.net.ConnectionClosed;
import org.kamaelia4j.components.net.ConnectionSettings;
import org.kamaelia4j.components.net.NewConnection;
import org.kamaelia4j.components.net.TcpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server that gives every connection its own protocol handler component, made by a factory
 * (Kamaelia's {@code Chassis.ConnectedServer.ServerCore}).
 *
 * <pre>{@code
 * Scheduler scheduler = Scheduler.create(2);
 * scheduler.startInBackground();
 * ServerCore echo = new ServerCore(0, connection -> new EchoProtocol());   // 0: any free port on 127.0.0.1
 * Handle h = Handle.activate(echo, scheduler);
 * int port = echo.port();
 * ...
 * h.put(new ShutdownMicroprocess(), Component.CONTROL);    // closes every connection, then finishes
 * h.get(Component.SIGNAL, Duration.ofSeconds(10));
 * }</pre>
 *
 * <h2>The protocol handler</h2>
 * The factory gets the {@link NewConnection} (who connected, to which address) and returns a
 * component that is not yet activated. ServerCore wires it to the connection's
 * {@link ConnectedSocketAdapter}: bytes from the client arrive on the handler's {@code inbox} as
 * {@code byte[]}; what it sends on {@code outbox} goes to the client. When the client closes (or
 * the connection times out or fails), {@code ProducerFinished} (or the message that closed it)
 * arrives on the handler's {@code control}, after every byte read before it. To close the
 * connection, the handler sends {@code ProducerFinished} (close after writing what it sent) or
 * {@code ShutdownMicroprocess} (close now) or {@code ErrorInformation} (close now, log why) on its
 * {@code signal}. Connections half-close by default: a client that shuts down its sending side
 * still gets every answer the handler sends before it finishes.
 *
 * <p>Its internal outboxes are added when it starts, so a {@code Handle} (which links every
 * declared outbox) can drive it.
 *
 * <h2>Shutting down</h2>
 * {@code ProducerFinished} or {@code ShutdownMicroprocess} on {@code control} stops listening and
 * closes every connection at once ({@code stop()} on each adapter, which closes its socket and
 * tells its handler with {@code ShutdownMicroprocess} on its {@code control}).
 * ServerCore finishes, passing the message on through {@code signal}, when the listener and
 * every adapter have finished; handlers finish on their own when told, by Axon's convention.
 */
public class ServerCore extends AdaptiveCommsComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCore.class);
    private static final String CONNECTIONS = "_connections";
    private static final String CLOSED = "_closed";

    private final TcpServer server;
    private final Function<NewConnection, ? extends Component> protocol;
    private final Set<ConnectedSocketAdapter> live = ConcurrentHashMap.newKeySet();
    private String serverControl;
    private Object stop;

    /**
     * A server on {@code address} (port 0: any free port), bound at once, making a handler with
     * {@code protocol} for each connection.
     */
    public ServerCore(InetSocketAddress address, Function<NewConnection, ? extends Component> protocol,
            ConnectionSettings settings) {
        super(Boxes.builder()
                .inbox(INBOX, "not used")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess: close every connection and finish")
                .inbox(CONNECTIONS, "NewConnection from the listener")
                .inbox(CLOSED, "ConnectionClosed from the adapters")
                .outbox(OUTBOX, "not used")
                .outbox(SIGNAL, "the shutdown message, passed on once everything has finished")
                .build());
        if (protocol == null) {
            throw new NullPointerException("ServerCore needs a protocol factory");
        }
        this.protocol = protocol;
        this.server = new TcpServer(address, settings);
    }

    /** A server on {@code 127.0.0.1:port} with default settings and half-close. */
    public ServerCore(int port, Function<NewConnection, ? extends Component> protocol) {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), protocol,
                ConnectionSettings.DEFAULT.withHalfClose(true));
    }

    /** The port it listens on. */
    public final int port() {
        return server.port();
    }

    /** How many connections are open. */
    public final int connectionCount() {
        return live.size();
    }

    @Override
    protected final void initialiseComponent() {
        link(server, OUTBOX, this, CONNECTIONS);
        serverControl = addOutbox("_serverControl", "shutdown to the listener");
        link(this, serverControl, server, CONTROL);
        addChildren(server);
        server.activate(scheduler());
    }

    @Override
    protected final Step main() {
        while (stop == null && dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess) {
                stop = m;
                send(new ShutdownMicroprocess(), serverControl);
                live.forEach(ConnectedSocketAdapter::stop);
            }
        }
        while (dataReady(CONNECTIONS)) {
            NewConnection connection = recv(CONNECTIONS);
            if (stop != null) {
                connection.connection().abandon("the server is shutting down");
            } else {
                serve(connection);
            }
        }
        while (dataReady(CLOSED)) {
            live.remove(this.<ConnectionClosed>recv(CLOSED).connection());
        }
        if (stop != null && childrenDone() && connectionCount() == 0) {
            send(stop, SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    /**
     * Wires and starts one connection. The adapter owns every linkage of its connection, so they
     * go when it finishes, and the server's own boxes and linkages do not grow with connections
     * (at 10,000 connections, per-connection boxes and linkages on the server made each
     * connection cost time proportional to the number open).
     */
    private void serve(NewConnection connection) {
        ConnectedSocketAdapter csa = connection.connection();
        Component handler;
        try {
            handler = protocol.apply(connection);
            csa.link(csa, OUTBOX, handler, INBOX);
            csa.link(handler, OUTBOX, csa, INBOX);
            csa.link(handler, SIGNAL, csa, CONTROL);
            csa.link(csa, SIGNAL, handler, CONTROL);
        } catch (RuntimeException e) {
            LOG.warn("{}: the protocol factory failed for {}", name(), connection.peer(), e);
            csa.linkages().forEach(csa::unlink);
            csa.abandon("no protocol handler: " + e);
            return;
        }
        csa.link(csa, ConnectedSocketAdapter.FEEDBACK, this, CLOSED);
        live.add(csa);
        csa.activate(scheduler());
        handler.activate(scheduler());
    }
}
