package org.kamaelia4j.components.protocol;

import java.time.Duration;

import org.kamaelia4j.components.net.ConnectionSettings;

/**
 * The limits an {@link HttpServer} holds its clients to.
 *
 * <pre>{@code
 * HttpServer.builder().settings(HttpSettings.DEFAULT.withRequestTimeout(Duration.ofSeconds(5)))
 * }</pre>
 *
 * @param maxHeaderBytes  the request line and headers may not exceed this (413 otherwise)
 * @param maxBodyBytes    a {@code Content-Length} above this gets 413
 * @param requestTimeout  a request must be complete this long after its first byte arrived (a
 *                        slowloris client trickling bytes gets 408 and is closed)
 * @param connection      the socket settings; the idle timeout closes connections idle between requests
 */
public record HttpSettings(int maxHeaderBytes, int maxBodyBytes, Duration requestTimeout,
        ConnectionSettings connection) {

    /** 8 KiB of headers, 1 MiB bodies, 10 s per request, 30 s idle between requests. */
    public static final HttpSettings DEFAULT = new HttpSettings(8 * 1024, 1 << 20, Duration.ofSeconds(10),
            ConnectionSettings.DEFAULT.withIdleTimeout(Duration.ofSeconds(30)).withHalfClose(true));

    /** Checks the values. */
    public HttpSettings {
        if (maxHeaderBytes < 64 || maxBodyBytes < 0 || requestTimeout == null || !requestTimeout.isPositive()
                || connection == null) {
            throw new IllegalArgumentException("HttpSettings: need maxHeaderBytes >= 64, maxBodyBytes >= 0, a positive "
                    + "requestTimeout and connection settings; got " + maxHeaderBytes + ", " + maxBodyBytes + ", "
                    + requestTimeout + ", " + connection);
        }
    }

    /** These settings with another request timeout. */
    public HttpSettings withRequestTimeout(Duration timeout) {
        return new HttpSettings(maxHeaderBytes, maxBodyBytes, timeout, connection);
    }

    /** These settings with other size limits. */
    public HttpSettings withLimits(int headerBytes, int bodyBytes) {
        return new HttpSettings(headerBytes, bodyBytes, requestTimeout, connection);
    }
}
