package org.kamaelia4j.components.protocol;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.components.chassis.ServerCore;

/**
 * A small HTTP/1.1 server (Kamaelia's {@code Protocol.HTTP.HTTPServer}): a {@link ServerCore}
 * whose per-connection protocol handler parses requests and routes each by path prefix to a
 * handler function or a request handler component.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.builder()
 *         .handle("/hello", request -> HttpResponse.text(200, "hello\n"))
 *         .handleWith("/slow", SlowAnswer::new)      // a component per request
 *         .port(0)
 *         .build();
 * server.activate(scheduler);
 * HttpResponse r = HttpClient.exchange(
 *         HttpClient.Request.get("http://127.0.0.1:" + server.port() + "/hello"), Duration.ofSeconds(5));
 * }</pre>
 *
 * <h2>Handlers</h2>
 * The longest matching prefix wins; no match gives 404. A handler function runs on the
 * connection's slice, so it must not block; if it throws, the client gets 500. A request handler
 * component is made per request, gets the {@link HttpRequest} on {@code inbox}, sends one
 * {@link HttpResponse} on {@code outbox}, and then receives {@code ProducerFinished} on
 * {@code control} and should finish; it may take its time (use a {@code ThreadedComponent} to
 * block). Requests on one connection are answered in order.
 *
 * <h2>What it speaks</h2>
 * HTTP/1.1 and 1.0 with keep-alive (1.1 by default, 1.0 on {@code Connection: keep-alive}) and
 * pipelining, {@code Content-Length} bodies. Chunked request bodies get 501. Every response
 * carries {@code Content-Length}. Bad clients are answered and closed with one INFO log line:
 * a malformed request line or header, or an HTTP/1.1 request without {@code Host}, gets 400; a
 * head or body above the {@link HttpSettings} limits gets 413; a request not complete
 * {@link HttpSettings#requestTimeout()} after its first byte (slowloris) gets 408; a connection
 * idle between requests for the connection's idle timeout is closed. None of this holds up other
 * connections: each has its own component and its own I/O threads.
 */
public final class HttpServer extends ServerCore {

    private HttpServer(InetSocketAddress address, List<HttpRoute> routes, HttpSettings settings) {
        super(address, connection -> new HttpConnection(routes, settings, connection.peer()), settings.connection());
    }

    /** A builder for a server on 127.0.0.1, port 0, with {@link HttpSettings#DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects routes and settings. */
    public static final class Builder {

        private final List<HttpRoute> routes = new ArrayList<>();
        private HttpSettings settings = HttpSettings.DEFAULT;
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

        private Builder() {
        }

        /** Answers paths starting with {@code prefix} with {@code handler}, on the connection's slice. */
        public Builder handle(String prefix, Function<HttpRequest, HttpResponse> handler) {
            routes.add(new HttpRoute(prefix, handler, null));
            return this;
        }

        /** Answers paths starting with {@code prefix} with a fresh component from {@code factory}. */
        public Builder handleWith(String prefix, Supplier<? extends Component> factory) {
            routes.add(new HttpRoute(prefix, null, factory));
            return this;
        }

        /** The limits and socket settings. */
        public Builder settings(HttpSettings s) {
            this.settings = s;
            return this;
        }

        /** Listen on {@code 127.0.0.1:port} (0: any free port). */
        public Builder port(int port) {
            return address(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }

        /** Listen on {@code a}. */
        public Builder address(InetSocketAddress a) {
            this.address = a;
            return this;
        }

        /** The server, bound at once. */
        public HttpServer build() {
            List<HttpRoute> table = new ArrayList<>(routes);
            table.sort(Comparator.comparingInt((HttpRoute r) -> r.prefix().length()).reversed());
            return new HttpServer(address, List.copyOf(table), settings);
        }
    }
}
