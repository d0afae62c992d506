package org.kamaelia4j.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.stm.Store;
import org.kamaelia4j.stm.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The introspection HTTP server of one scheduler: JSON snapshot, Server-Sent Events, commands,
 * REPL, the reports of stage JVMs, and the web UI's static files. Made by {@link Introspection#serve}.
 *
 * <pre>{@code
 * IntrospectionServer server = Introspection.serve(scheduler, Options.defaults().allowControl(true));
 * System.out.println(server.url());          // http://127.0.0.1:43121/?token=9f0c...
 * server.close();
 * }</pre>
 *
 * <h2>API</h2>
 * Every request needs the token, as the query parameter {@code token} or the header
 * {@code X-K4J-Token}: without it the answer is 401, with a wrong one 403, and nothing is done.
 * Serving {@code index.html} also sets the cookie {@code k4j_token_PORT} (HttpOnly,
 * SameSite=Strict), accepted in place of the token, so that the page's scripts and styles load.
 * <ul>
 *   <li>{@code GET /api/snapshot}: {@code {"jvms":[...], "stores":[...], "control":bool, "repl":bool}}
 *       (see {@link Snapshot} for a JVM's object).</li>
 *   <li>{@code GET /api/events}: {@code text/event-stream}; {@code topology} events carry one
 *       protocol line each (see {@link Topology}), {@code metrics} events the snapshot about once a
 *       second.</li>
 *   <li>{@code POST /api/command} {@code {"action":"inject|pause|resume|shutdown|stop","component":"7",
 *       "box":"inbox","message":"text","json":false}}: 200 {@code {"ok":true}}, 400
 *       {@code {"error":"..."}} naming what exists, 403 when read-only (see {@link Commands}).</li>
 *   <li>{@code POST /api/repl} {@code {"code":"..."}}: {@code {"output":"..."}}, 403 unless enabled.</li>
 *   <li>{@code POST /api/report}: a stage JVM's report (see {@link ChildJvms}).</li>
 *   <li>{@code GET /} and {@code GET /static/...}: files from the class path folder
 *       {@code org/kamaelia4j/tools/web/} ({@code index.html} at {@code /}).</li>
 * </ul>
 *
 * <h2>Threading</h2>
 * Requests run on virtual threads (one per request; an event stream holds its thread). A daemon
 * ticker samples inbox rates and pushes metrics once a second. Commands act through the core's
 * thread-safe entry points; nothing here runs on the scheduler's workers.
 */
public final class IntrospectionServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntrospectionServer.class);
    private static final String WEB = "org/kamaelia4j/tools/web/";
    private static final int MAX_BODY = 1 << 20;

    private final Scheduler scheduler;
    private final Options options;
    private final String token;
    private final HttpServer http;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService ticker;
    private final Rates rates = new Rates();
    private final List<Sse> clients = new CopyOnWriteArrayList<>();
    private final ChildJvms children = new ChildJvms(line -> broadcast("topology", line));
    private Repl repl;

    IntrospectionServer(Scheduler scheduler, Options options) throws IOException {
        this.scheduler = scheduler;
        this.options = options;
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret);
        Registry registry = Registry.get();
        registry.adopt(scheduler.microprocesses());
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
        http.setExecutor(requests);
        http.createContext("/", this::handle);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "k4j-introspection-ticker");
            t.setDaemon(true);
            return t;
        });
        rates.sample(Snapshot.components(scheduler));
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        startAsDaemon(http);
    }

    /**
     * Starts the server from a daemon thread: its dispatcher thread inherits that, so a served
     * program still ends when its own threads do.
     */
    private static void startAsDaemon(HttpServer http) {
        Thread starter = new Thread(http::start, "k4j-introspection-start");
        starter.setDaemon(true);
        starter.start();
        boolean interrupted = false;
        while (starter.isAlive()) {
            try {
                starter.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The URL to open, token included: {@code http://127.0.0.1:PORT/?token=T}. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/?token=" + token;
    }

    /** The access token (32 hex digits: 128 random bits). */
    public String token() {
        return token;
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The scheduler it shows. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The address stage JVMs report to. */
    String reportUrl() {
        return "http://127.0.0.1:" + port() + "/api/report?token=" + token;
    }

    /** The snapshot as {@code GET /api/snapshot} answers it. */
    public Map<String, Object> snapshot() {
        Map<String, Object> main = Snapshot.of(scheduler, "main", options.label(), rates);
        List<Object> jvms = new ArrayList<>();
        jvms.add(main);
        jvms.addAll(children.snapshots(scheduler, main));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jvms", jvms);
        m.put("stores", stores());
        m.put("control", options.control());
        m.put("repl", options.repl());
        return m;
    }

    private List<Object> stores() {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<String, Store> e : options.stores().entrySet()) {
            List<Object> keys = new ArrayList<>();
            for (Map.Entry<String, Versioned> k : e.getValue().snapshot().entrySet()) {
                keys.add(Map.of("key", k.getKey(), "version", k.getValue().version(),
                        "value", String.valueOf(k.getValue().value())));
            }
            out.add(Map.of("name", e.getKey(), "keys", keys));
        }
        return out;
    }

    private void tick() {
        try {
            rates.sample(Snapshot.components(scheduler));
            if (!clients.isEmpty()) {
                broadcast("metrics", Json.write(snapshot()));
            }
        } catch (RuntimeException e) {
            LOG.warn("introspection metrics failed", e);
        }
    }

    private void broadcast(String event, String data) {
        for (Sse client : clients) {
            if (!client.offer(event, data)) {
                clients.remove(client);
            }
        }
    }

    // ---- requests ----

    private void handle(HttpExchange ex) throws IOException {
        try {
            if (authorised(ex)) {
                route(ex);
            }
        } catch (IllegalArgumentException e) {
            error(ex, 400, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("introspection request {} failed", ex.getRequestURI().getPath(), e);
            error(ex, 500, e.toString());
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws IOException, InterruptedException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        switch (path) {
            case "/api/snapshot" -> {
                if (expect(ex, "GET")) {
                    json(ex, 200, snapshot());
                }
            }
            case "/api/events" -> {
                if (expect(ex, "GET")) {
                    events(ex);
                }
            }
            case "/api/command" -> {
                if (expect(ex, "POST")) {
                    command(ex);
                }
            }
            case "/api/repl" -> {
                if (expect(ex, "POST")) {
                    repl(ex);
                }
            }
            case "/api/report" -> {
                if (expect(ex, "POST")) {
                    json(ex, 200, children.report(Json.object(Json.parse(body(ex)))));
                }
            }
            default -> {
                if (method.equals("GET") && (path.equals("/") || path.startsWith("/static/"))) {
                    file(ex, path.equals("/") ? "index.html" : path.substring("/static/".length()));
                } else {
                    error(ex, 404, "no such resource " + method + " " + path + "; the API is GET /api/snapshot,"
                            + " GET /api/events, POST /api/command, POST /api/repl");
                }
            }
        }
    }

    private boolean authorised(HttpExchange ex) throws IOException {
        String given = ex.getRequestHeaders().getFirst("X-K4J-Token");
        if (given == null) {
            given = query(ex, "token");
        }
        if (given == null) {
            given = cookie(ex);
        }
        if (given == null) {
            error(ex, 401, "this introspection server needs its access token: ?token=... or the X-K4J-Token header");
            return false;
        }
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            error(ex, 403, "wrong access token");
            return false;
        }
        return true;
    }

    /** The name of the cookie that carries the token for the page's own requests (scripts, styles). */
    private String cookieName() {
        return "k4j_token_" + port();
    }

    private String cookie(HttpExchange ex) {
        String prefix = cookieName() + "=";
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(prefix)) {
                    return p.substring(prefix.length());
                }
            }
        }
        return null;
    }

    private static String query(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static boolean expect(HttpExchange ex, String method) throws IOException {
        if (ex.getRequestMethod().equals(method)) {
            return true;
        }
        ex.getResponseHeaders().set("Allow", method);
        error(ex, 405, ex.getRequestURI().getPath() + " takes " + method + ", not " + ex.getRequestMethod());
        return false;
    }

    private void events(HttpExchange ex) throws IOException, InterruptedException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        Sse client = new Sse(ex.getResponseBody());
        try (AutoCloseable sub = Registry.get().subscribe(lines -> {
            for (String line : lines) {
                client.offer("topology", line);
            }
        })) {
            client.offer("metrics", Json.write(snapshot()));
            clients.add(client);
            client.pump();
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            clients.remove(client);
        }
    }

    private void command(HttpExchange ex) throws IOException, InterruptedException {
        if (!options.control()) {
            error(ex, 403, "this introspection server is read-only; start it with Options.allowControl(true)"
                    + " (or -Dkamaelia4j.introspect.control=true) to allow commands");
            return;
        }
        Map<String, Object> command = Json.object(Json.parse(body(ex)));
        if (ChildJvms.isRemote(String.valueOf(command.get("component")))) {
            children.forward(command);
        } else {
            Commands.run(scheduler, command);
        }
        json(ex, 200, Map.of("ok", true));
    }

    private void repl(HttpExchange ex) throws IOException {
        if (!options.repl()) {
            error(ex, 403, "the REPL is off; start the server with Options.enableRepl(true)"
                    + " (or -Dkamaelia4j.introspect.repl=true) to allow it");
            return;
        }
        Object code = Json.object(Json.parse(body(ex))).get("code");
        if (code == null) {
            throw new IllegalArgumentException("the REPL needs {\"code\": \"...\"}");
        }
        Repl r;
        synchronized (this) {
            if (repl == null) {
                repl = new Repl();
            }
            r = repl;
        }
        json(ex, 200, Map.of("output", r.eval(code.toString())));
    }

    private void file(HttpExchange ex, String name) throws IOException {
        if (name.contains("..") || name.startsWith("/") || name.isEmpty()) {
            error(ex, 404, "no such file '" + name + "'");
            return;
        }
        try (InputStream in = IntrospectionServer.class.getClassLoader().getResourceAsStream(WEB + name)) {
            if (in == null) {
                error(ex, 404, "no file '" + name + "' in the web UI (class path folder " + WEB + ")");
                return;
            }
            byte[] bytes = in.readAllBytes();
            if (name.equals("index.html")) {
                ex.getResponseHeaders().add("Set-Cookie", cookieName() + "=" + token
                        + "; Path=/; HttpOnly; SameSite=Strict");
            }
            ex.getResponseHeaders().set("Content-Type", contentType(name));
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (lower.endsWith(".js") || lower.endsWith(".mjs")) {
            return "text/javascript; charset=utf-8";
        } else if (lower.endsWith(".css")) {
            return "text/css; charset=utf-8";
        } else if (lower.endsWith(".json")) {
            return "application/json";
        } else if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        } else if (lower.endsWith(".png")) {
            return "image/png";
        } else if (lower.endsWith(".txt") || lower.endsWith("license")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }

    private static String body(HttpExchange ex) throws IOException {
        byte[] bytes = ex.getRequestBody().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IllegalArgumentException("request body over " + MAX_BODY + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange ex, int status, Object value) throws IOException {
        byte[] bytes = Json.write(value).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        json(ex, status, Map.of("error", message == null ? "error" : message));
    }

    /** Stops the server, its event streams and its REPL. */
    @Override
    public void close() {
        if (reportUrl().equals(System.getProperty(Introspection.REPORT_PROPERTY))) {
            System.clearProperty(Introspection.REPORT_PROPERTY);
        }
        clients.forEach(Sse::close);
        ticker.shutdownNow();
        http.stop(0);
        requests.shutdownNow();
        synchronized (this) {
            if (repl != null) {
                repl.close();
            }
        }
    }
}
