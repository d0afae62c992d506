package org.kamaelia4j.components.net;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;

import org.kamaelia4j.axon.AdaptiveCommsComponent;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Passthrough;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * A TCP server for one client at a time, used like a pipe (Kamaelia's {@code SingleServer}):
 * bytes on {@code inbox} go to the connected client, bytes from it come out of {@code outbox}.
 *
 * <pre>{@code
 * SingleServer server = new SingleServer(new InetSocketAddress("127.0.0.1", 0), ConnectionSettings.DEFAULT);
 * new Pipeline(server, new DataDeChunker(), new MessageSink()).activate();
 * }</pre>
 *
 * <p>While a client is connected, the next ones wait, in order of arrival, and are served one
 * after the other; beyond 16 waiting, more are turned away (closed at once, with a log
 * line). Messages on {@code inbox} while nobody is
 * connected wait for the next client. {@code ProducerFinished} on {@code control} closes the
 * client after writing what came before, {@code ShutdownMicroprocess} closes it at once; either
 * stops listening, and is passed on through {@code signal} once the connection has closed. Its
 * internal outboxes are added when it starts, so a {@code Handle} can drive it.
 */
public final class SingleServer extends AdaptiveCommsComponent {

    private static final String CONNECTIONS = "_connections";
    private static final String CLOSED = "_closed";

    private static final int MAX_WAITING = 16;

    private final TcpServer server;
    private final Deque<ConnectedSocketAdapter> waiting = new ArrayDeque<>();
    private String serverControl;
    private String clientControl;
    private ConnectedSocketAdapter client;
    private Object stop;

    /** A server on {@code address} (port 0: any free port), bound at once. */
    public SingleServer(InetSocketAddress address, ConnectionSettings settings) {
        super(Boxes.builder()
                .inbox(INBOX, "bytes (byte[]) for the connected client")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess: close the client, stop listening")
                .inbox(CONNECTIONS, "NewConnection from the listener")
                .inbox(CLOSED, "ConnectionClosed from the client's adapter")
                .outbox(OUTBOX, "bytes (byte[]) from the connected client")
                .outbox(SIGNAL, "the shutdown message, passed on when finished")
                .build());
        this.server = new TcpServer(address, settings.withHalfClose(false));
    }

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    @Override
    protected void initialiseComponent() {
        link(server, OUTBOX, this, CONNECTIONS);
        serverControl = addOutbox("_serverControl", "shutdown to the listener");
        clientControl = addOutbox("_clientControl", "shutdown to the client's adapter");
        link(this, serverControl, server, CONTROL);
        addChildren(server);
        server.activate(scheduler());
    }

    @Override
    protected Step main() {
        while (stop == null && dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess) {
                stop = m;
                send(new ShutdownMicroprocess(), serverControl);
                send(m, clientControl);
            }
        }
        while (dataReady(CLOSED)) {
            ConnectionClosed closed = recv(CLOSED);
            if (closed.connection() == client) {
                removeChild(client);
                client = null;
            }
        }
        while (dataReady(CONNECTIONS)) {
            ConnectedSocketAdapter next = this.<NewConnection>recv(CONNECTIONS).connection();
            if (stop != null || waiting.size() >= MAX_WAITING) {
                next.abandon(name() + " serves one client at a time and " + waiting.size() + " are waiting");
            } else {
                waiting.add(next);
            }
        }
        if (client == null && stop == null && !waiting.isEmpty()) {
            adopt(waiting.removeFirst());
        }
        if (stop != null) {
            waiting.forEach(c -> c.abandon(name() + " is shutting down"));
            waiting.clear();
        }
        if (stop != null && childrenDone()) {
            send(stop, SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    private void adopt(ConnectedSocketAdapter next) {
        client = next;
        link(this, INBOX, client, INBOX, Passthrough.INBOUND);
        link(client, OUTBOX, this, OUTBOX, Passthrough.OUTBOUND);
        link(client, ConnectedSocketAdapter.FEEDBACK, this, CLOSED);
        link(this, clientControl, client, CONTROL);
        addChildren(client);
        client.activate(scheduler());
    }
}
