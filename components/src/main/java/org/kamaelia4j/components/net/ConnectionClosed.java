package org.kamaelia4j.components.net;

/**
 * Sent by a {@link ConnectedSocketAdapter} on its {@code feedback} outbox once its socket is
 * closed (Kamaelia's {@code shutdownCSA}), so its creator can forget it.
 *
 * @param connection the adapter whose socket closed
 * @param reason     why, in words: "closed by peer", "idle for PT30S", "closed on request", ...
 */
public record ConnectionClosed(ConnectedSocketAdapter connection, String reason) {
}
