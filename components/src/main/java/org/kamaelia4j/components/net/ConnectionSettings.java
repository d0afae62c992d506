package org.kamaelia4j.components.net;

import java.time.Duration;

/**
 * How a {@link ConnectedSocketAdapter} treats its socket.
 *
 * <pre>{@code
 * new ServerCore(port, protocol, ConnectionSettings.DEFAULT.withIdleTimeout(Duration.ofSeconds(10)));
 * }</pre>
 *
 * @param idleTimeout   a connection that delivers no byte for this long is closed (a peer that
 *                      vanished without closing, a stalled client); {@code Duration.ZERO} waits forever
 * @param readChunk     the largest {@code byte[]} read from the socket at once
 * @param queuedChunks  how many read or to-be-written chunks may wait between the socket and the
 *                      component before the reader (or the component) holds back
 * @param halfClose     when the peer closes its side, keep writing until {@code control} says to close
 *                      (a protocol handler answering a request that ended with the stream); when false
 *                      the connection closes as soon as what was read has gone out
 */
public record ConnectionSettings(Duration idleTimeout, int readChunk, int queuedChunks, boolean halfClose) {

    /** Idle timeout of 60 s, 16 KiB reads, 16 chunks queued each way, no half-close. */
    public static final ConnectionSettings DEFAULT =
            new ConnectionSettings(Duration.ofSeconds(60), 16 * 1024, 16, false);

    /** Checks the values. */
    public ConnectionSettings {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ConnectionSettings: idleTimeout must be between 0 and "
                    + Integer.MAX_VALUE + " ms, got " + idleTimeout);
        }
        if (readChunk < 1 || queuedChunks < 1) {
            throw new IllegalArgumentException("ConnectionSettings: readChunk and queuedChunks must be >= 1, got "
                    + readChunk + " and " + queuedChunks);
        }
    }

    /** These settings with another idle timeout. */
    public ConnectionSettings withIdleTimeout(Duration timeout) {
        return new ConnectionSettings(timeout, readChunk, queuedChunks, halfClose);
    }

    /** These settings with half-close on or off. */
    public ConnectionSettings withHalfClose(boolean on) {
        return new ConnectionSettings(idleTimeout, readChunk, queuedChunks, on);
    }
}
