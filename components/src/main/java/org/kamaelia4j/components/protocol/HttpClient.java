package org.kamaelia4j.components.protocol;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.net.Inflow;
import org.kamaelia4j.components.util.Transformer;

/**
 * Fetches {@code http://} URLs (Kamaelia's {@code SimpleHTTPClient}): each {@link Request} (or a
 * URL string, meaning GET) on {@code inbox} gives one {@link HttpResponse} on {@code outbox}, in
 * order.
 *
 * <pre>{@code
 * Collector out = new Collector();
 * new Pipeline(new DataSource("http://127.0.0.1:8080/hello"), new HttpClient(Duration.ofSeconds(10)), out).run();
 * HttpResponse r = (HttpResponse) out.collected().get(0);    // r.status(), r.headers(), r.bodyText()
 * // or, from plain code: HttpClient.exchange(HttpClient.Request.get("http://..."), Duration.ofSeconds(10))
 * }</pre>
 *
 * <p>Requests run one at a time on a virtual thread, each on its own connection
 * ({@code Connection: close}); bodies are read by {@code Content-Length}, chunked, or to the end of
 * the stream. A request that fails (no connection, timeout, malformed response) gives
 * {@code ErrorInformation} on {@code outbox} in its place. A {@link Transformer}:
 * {@code ProducerFinished} (or an {@code ErrorInformation}) on {@code control} finishes after the
 * responses to every earlier request; {@code ShutdownMicroprocess} at once. Either is passed on
 * through {@code signal}.
 */
public final class HttpClient extends Transformer {

    private static final int MAX_HEAD = 64 * 1024;

    private final Duration timeout;
    private final Inflow<Request> requests = new Inflow<>(this, 16);
    private final Inflow<Object> results = new Inflow<>(this, 16);
    private Thread worker;
    private int outstanding;

    /** A client whose requests each must complete within {@code timeout} (connect, then each read). */
    public HttpClient(Duration timeout) {
        super(Boxes.builder()
                .inbox(INBOX, "Request, or a URL string to GET")
                .inbox(CONTROL, "ProducerFinished: finish after the outstanding requests; ShutdownMicroprocess: now")
                .outbox(OUTBOX, "an HttpResponse per request, in order, or ErrorInformation for one that failed")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
        this.timeout = timeout;
    }

    @Override
    protected void initialiseComponent() {
        worker = Thread.ofVirtual().name(name() + "-worker").start(this::work);
    }

    /** Sends the results the worker finished, in order. */
    @Override
    protected boolean poll() {
        for (Object r; !holding() && (r = results.peek()) != null; results.remove(), outstanding--) {
            emit(r);
        }
        return false;
    }

    /** A request is read only when the worker's queue has room; its {@code take} wakes us. */
    @Override
    protected boolean canProcess() {
        return requests.hasRoom();
    }

    @Override
    protected void process(Object m) {
        Request r = switch (m) {
            case Request request -> request;
            case String url -> Request.get(url);
            default -> throw new IllegalArgumentException(name() + " takes Request or a URL string on 'inbox', got "
                    + (m == null ? "null" : m.getClass().getName()));
        };
        requests.offer(r);
        outstanding++;
    }

    /** {@code ShutdownMicroprocess} finishes at once; anything else once every response is out. */
    @Override
    protected boolean readyToFinish(Object shutdownMessage) {
        return shutdownMessage instanceof ShutdownMicroprocess || outstanding == 0;
    }

    @Override
    protected void closeDownComponent() {
        if (worker != null) {
            worker.interrupt();
        }
    }

    private void work() {
        try {
            while (true) {
                Request r = requests.take();
                Object result;
                try {
                    result = exchange(r, timeout);
                } catch (IOException | RuntimeException e) {
                    String message = name() + ": " + r.method() + " " + r.uri() + " failed: " + e;
                    result = new ErrorInformation(this, e, message);
                }
                results.put(result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends one request on a fresh connection and reads the response, blocking; callable from
     * any thread.
     *
     * @throws IOException on a connection failure, a timeout or a malformed response
     */
    public static HttpResponse exchange(Request r, Duration timeout) throws IOException {
        URI uri = r.uri();
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + port);
        headers.putAll(r.headers());
        headers.put("connection", "close");
        try (Socket socket = new Socket()) {
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            socket.connect(new InetSocketAddress(uri.getHost(), port), millis);
            socket.setSoTimeout(millis);
            String requestLine = r.method() + " " + path + " HTTP/1.1";
            socket.getOutputStream().write(HttpMessages.write(requestLine, headers, r.body()));
            return readResponse(new BufferedInputStream(socket.getInputStream()), r.method().equals("HEAD"));
        }
    }

    private static HttpResponse readResponse(InputStream in, boolean head) throws IOException {
        String[] lines = HttpMessages.lines(readHead(in));
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.") || !status[1].matches("[1-5][0-9][0-9]")) {
            throw new ProtocolException("malformed status line '" + DeFramer.printable(lines[0]) + "'");
        }
        int code = Integer.parseInt(status[1]);
        Map<String, String> headers = HttpMessages.headers(lines);
        if (headers == null) {
            throw new ProtocolException("malformed header line in a response");
        }
        byte[] body;
        if (head || code == 204 || code == 304 || code < 200) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunked(in);
        } else if (headers.containsKey("content-length")) {
            long length = HttpMessages.contentLength(headers.get("content-length"));
            if (length < 0 || length > Integer.MAX_VALUE - 8) {
                throw new ProtocolException("malformed Content-Length '" + headers.get("content-length") + "'");
            }
            body = readFully(in, (int) length);
        } else {
            body = in.readAllBytes();
        }
        return new HttpResponse(code, headers, body);
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new ProtocolException("the connection closed inside the response head");
            }
            head.write(b);
            matched = b == HttpMessages.HEAD_END[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new ProtocolException("response head above " + MAX_HEAD + " bytes");
            }
        }
        byte[] bytes = head.toByteArray();
        return Arrays.copyOf(bytes, bytes.length - 4);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in);
            int semicolon = size.indexOf(';');
            int n;
            try {
                n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("malformed chunk size '" + DeFramer.printable(size) + "'");
            }
            if (n == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                } while (!trailer.isEmpty());
                return body.toByteArray();
            }
            body.writeBytes(readFully(in, n));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0 || line.length() > MAX_HEAD) {
                throw new ProtocolException("the connection closed inside a chunked body");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new ProtocolException("the body ended after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
    }

    /** A request to send. Header names in lower case. */
    public record Request(String method, URI uri, Map<String, String> headers, byte[] body) {

        /** Checks the URL and copies the headers. */
        public Request {
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("HttpClient handles http://host[:port]/... URLs, got " + uri);
            }
            headers = Map.copyOf(headers);
        }

        /** A GET of {@code url}. */
        public static Request get(String url) {
            return new Request("GET", URI.create(url), Map.of(), new byte[0]);
        }

        /** A POST of {@code body} with the given content type to {@code url}. */
        public static Request post(String url, String contentType, byte[] body) {
            return new Request("POST", URI.create(url), Map.of("content-type", contentType), body);
        }
    }
}
