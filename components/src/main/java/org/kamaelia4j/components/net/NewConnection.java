package org.kamaelia4j.components.net;

import java.net.InetSocketAddress;

/**
 * A connection a {@link TcpServer} accepted (Kamaelia's {@code newCSA}): its adapter, not yet
 * activated, and both ends' addresses, which also tell a protocol factory who connected.
 *
 * <pre>{@code
 * new ServerCore(port, c -> { log.info("client {}", c.peer()); return new Echo(); })
 * }</pre>
 *
 * @param connection the adapter for the socket; whoever receives this activates and wires it
 * @param peer       the client's address
 * @param local      this end's address
 */
public record NewConnection(ConnectedSocketAdapter connection, InetSocketAddress peer, InetSocketAddress local) {
}
