package org.kamaelia4j.components.protocol;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol handler of one {@link HttpServer} connection: parses requests from the byte stream,
 * answers each through its route, in order, and enforces the {@link HttpSettings} limits.
 * Package-private: users meet it only through {@link HttpServer}.
 */
final class HttpConnection extends Component {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);
    private static final String TO_HANDLER = "_toHandler";
    private static final String HANDLER_CONTROL = "_handlerControl";
    private static final String FROM_HANDLER = "_fromHandler";

    private final List<HttpRoute> routes;
    private final HttpSettings settings;
    private final InetSocketAddress peer;
    private final ByteAccumulator buffer = new ByteAccumulator();
    /** The head of the request whose body is awaited, or null. */
    private Head head;
    /** When the first byte of the request being received arrived (nanoTime), or 0. */
    private long requestStart;
    private Component handler;
    private boolean handlerGone;
    private boolean keepAlive;
    private boolean closing;
    private Object stop;

    /** A parsed request line and headers. */
    private record Head(String method, String target, String version, Map<String, String> headers, long length) {
    }

    HttpConnection(List<HttpRoute> routes, HttpSettings settings, InetSocketAddress peer) {
        super(Boxes.builder()
                .inbox(INBOX, "bytes from the client")
                .inbox(CONTROL, "ProducerFinished when the client closed; ShutdownMicroprocess to stop")
                .inbox(FROM_HANDLER, "the HttpResponse of the request handler component at work")
                .outbox(OUTBOX, "response bytes to the client")
                .outbox(SIGNAL, "ProducerFinished to close the connection, or the shutdown message passed on")
                .outbox(TO_HANDLER, "the request, to the request handler component")
                .outbox(HANDLER_CONTROL, "ProducerFinished to the request handler once it answered")
                .build());
        this.routes = routes;
        this.settings = settings;
        this.peer = peer;
    }

    @Override
    protected Step main() {
        while (stop == null && dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess || m instanceof ErrorInformation) {
                stop = m;
            }
        }
        if (handler != null && !awaitHandler()) {
            return handlerGone ? Step.CONTINUE : Step.PAUSE;
        }
        while (dataReady()) {
            byte[] bytes = recv();
            if (!closing) {
                buffer.append(bytes);
            }
        }
        if (buffer.size() > 0 && requestStart == 0) {
            startClock();
        }
        for (HttpRequest request; !closing && handler == null && (request = nextRequest()) != null; ) {
            dispatch(request);
        }
        if (!closing && handler == null && requestStart != 0
                && System.nanoTime() - requestStart >= settings.requestTimeout().toNanos()) {
            reject(408, "request not complete " + settings.requestTimeout() + " after its first byte");
        }
        if (closing) {
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
        if (stop != null && handler == null) {
            send(stop, SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    private void startClock() {
        requestStart = System.nanoTime();
        long millis = settings.requestTimeout().toMillis() + 1;
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(this::unpause);
    }

    /** The next complete request, or null (also after answering a bad one with an error). */
    private HttpRequest nextRequest() {
        if (head == null && (head = readHead()) == null) {
            return null;
        }
        if (buffer.size() < head.length) {
            return null;
        }
        HttpRequest request = new HttpRequest(head.method, head.target, head.headers, buffer.take((int) head.length));
        String connection = head.headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        List<String> options = Arrays.stream(connection.split(",")).map(String::strip).toList();
        keepAlive = head.version.equals("HTTP/1.1") ? !options.contains("close") : options.contains("keep-alive");
        head = null;
        requestStart = 0;
        if (buffer.size() > 0) {
            startClock();
        }
        return request;
    }

    private Head readHead() {
        int end = buffer.indexOf(HttpMessages.HEAD_END, 0);
        if (end < 0 ? buffer.size() > settings.maxHeaderBytes() : end + 4 > settings.maxHeaderBytes()) {
            reject(413, "request head above " + settings.maxHeaderBytes() + " bytes");
            return null;
        }
        if (end < 0) {
            return null;
        }
        String[] lines = HttpMessages.lines(buffer.take(end));
        buffer.skip(HttpMessages.HEAD_END.length);
        String[] start = lines[0].split(" ", -1);
        if (start.length != 3 || !HttpMessages.isToken(start[0]) || !start[1].startsWith("/")
                || !(start[2].equals("HTTP/1.1") || start[2].equals("HTTP/1.0"))) {
            reject(400, "malformed request line '" + DeFramer.printable(lines[0]) + "'");
            return null;
        }
        Map<String, String> headers = HttpMessages.headers(lines);
        if (headers == null) {
            reject(400, "malformed header line");
            return null;
        }
        if (start[2].equals("HTTP/1.1") && !headers.containsKey("host")) {
            reject(400, "HTTP/1.1 request without a Host header");
            return null;
        }
        if (headers.containsKey("transfer-encoding")) {
            reject(501, "Transfer-Encoding '" + headers.get("transfer-encoding") + "' is not supported");
            return null;
        }
        long length = headers.containsKey("content-length")
                ? HttpMessages.contentLength(headers.get("content-length")) : 0;
        if (length < 0) {
            reject(400, "malformed Content-Length '" + headers.get("content-length") + "'");
            return null;
        }
        if (length > settings.maxBodyBytes()) {
            reject(413, "body of " + length + " bytes, above the limit of " + settings.maxBodyBytes());
            return null;
        }
        return new Head(start[0], start[1], start[2], headers, length);
    }

    private void dispatch(HttpRequest request) {
        HttpRoute route = routes.stream().filter(r -> r.matches(request.path())).findFirst().orElse(null);
        if (route == null) {
            respond(HttpResponse.text(404, "no handler for " + request.path() + "\n"));
        } else if (route.function() != null) {
            HttpResponse response;
            try {
                response = route.function().apply(request);
            } catch (RuntimeException e) {
                LOG.warn("{} {}: the handler of {} failed", name(), peer, route.prefix(), e);
                response = HttpResponse.text(500, "the handler failed\n");
            }
            respond(response);
        } else {
            handler = route.component().get();
            handlerGone = false;
            link(this, TO_HANDLER, handler, INBOX);
            link(this, HANDLER_CONTROL, handler, CONTROL);
            link(handler, OUTBOX, this, FROM_HANDLER);
            addChildren(handler);
            handler.activate(scheduler());
            send(request, TO_HANDLER);
        }
    }

    /** True once the handler component answered (or is gone without answering, after one more look). */
    private boolean awaitHandler() {
        HttpResponse response = null;
        while (response == null && dataReady(FROM_HANDLER)) {
            if (recv(FROM_HANDLER) instanceof HttpResponse r) {
                response = r;
            }
        }
        if (response == null) {
            if (!handler.isStopped()) {
                return false;
            }
            if (!handlerGone) {
                handlerGone = true;              // its answer may be in flight: look once more
                return false;
            }
            LOG.warn("{} {}: the request handler {} finished without a response", name(), peer, handler.name());
            response = HttpResponse.text(500, "the handler gave no response\n");
        }
        send(new ProducerFinished(this, null), HANDLER_CONTROL);
        removeChild(handler);
        handler = null;
        handlerGone = false;
        respond(response);
        return true;
    }

    private void reject(int status, String reason) {
        LOG.info("{} {}: {} {}, closing: {}", name(), peer, status, HttpResponse.reason(status), reason);
        keepAlive = false;
        respond(HttpResponse.text(status, reason + "\n"));
    }

    private void respond(HttpResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        if (!keepAlive) {
            headers.put("connection", "close");
            closing = true;
        }
        send(HttpMessages.write("HTTP/1.1 " + response.status() + " " + HttpResponse.reason(response.status()),
                headers, response.body()));
    }
}
