package org.kamaelia4j.components.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;
import org.kamaelia4j.components.util.Pipes;

@Timeout(60)
class HttpServerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Scheduler scheduler;
    private HttpServer server;
    private Handle serverHandle;

    @BeforeEach
    void start() {
        scheduler = Scheduler.create(2);
        scheduler.startInBackground();
    }

    @AfterEach
    void stop() {
        if (serverHandle != null) {
            serverHandle.put(new ShutdownMicroprocess(), Component.CONTROL);
            assertNotNull(serverHandle.get(Component.SIGNAL, WAIT), "the server shut down");
        }
        scheduler.stop();
    }

    private void serve(HttpSettings settings) {
        server = HttpServer.builder()
                .handle("/", r -> HttpResponse.text(200, "root " + r.method() + " " + r.target()))
                .handle("/echo", r -> new HttpResponse(200, Map.of("x-method", r.method()), r.body()))
                .handle("/boom", r -> {
                    throw new IllegalStateException("boom");
                })
                .handleWith("/component", Answerer::new)
                .settings(settings)
                .build();
        serverHandle = Handle.activate(server, scheduler);
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(30_000);
        return s;
    }

    /** A response read off a raw socket: status, headers (lower-case), body. */
    private record Raw(int status, Map<String, String> headers, String body) {
    }

    private static Raw read(BufferedReader in) throws IOException {
        String status = in.readLine();
        assertNotNull(status, "the server closed instead of answering");
        Map<String, String> headers = new java.util.HashMap<>();
        for (String line; !(line = in.readLine()).isEmpty(); ) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).toLowerCase(), line.substring(colon + 1).strip());
        }
        char[] body = new char[Integer.parseInt(headers.get("content-length"))];
        for (int n = 0; n < body.length; ) {
            n += in.read(body, n, body.length - n);
        }
        return new Raw(Integer.parseInt(status.split(" ")[1]), headers, new String(body));
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnectionIncludingPipelined() throws Exception {
        serve(HttpSettings.DEFAULT);
        try (Socket s = connect()) {
            BufferedReader in = reader(s);
            for (int i = 0; i < 20; i++) {
                write(s, "GET /a" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
                Raw r = read(in);
                assertEquals(200, r.status());
                assertEquals("root GET /a" + i, r.body());
            }
            write(s, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                    + "GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
            Raw echoed = read(in);
            assertEquals("hello", echoed.body());
            assertEquals("POST", echoed.headers().get("x-method"));
            assertEquals("root GET /b", read(in).body());
            write(s, "GET /last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            Raw last = read(in);
            assertEquals("close", last.headers().get("connection"));
            assertEquals(null, in.readLine(), "closed after Connection: close");
        }
    }

    @Test
    void malformedRequestsGet400AndTheConnectionCloses() throws Exception {
        serve(HttpSettings.DEFAULT);
        for (String bad : List.of("GARBAGE\r\n\r\n", "GET /x HTTP/1.1\r\nno colon here\r\n\r\n",
                "GET /x HTTP/1.1\r\n\r\n", "GET /x HTTP/1.1\r\nHost: x\r\nContent-Length: -3\r\n\r\n",
                "\u0001\u0002\u0003 / HTTP/1.1\r\n\r\n", "GET x HTTP/1.1\r\nHost: x\r\n\r\n")) {
            try (Socket s = connect()) {
                write(s, bad);
                BufferedReader in = reader(s);
                assertEquals(400, read(in).status(), bad);
                assertEquals(null, in.readLine());
            }
        }
    }

    @Test
    void unknownPathsGet404AndTheConnectionStaysOpen() throws Exception {
        server = HttpServer.builder().handle("/only", r -> HttpResponse.text(200, "ok")).build();
        serverHandle = Handle.activate(server, scheduler);
        try (Socket s = connect()) {
            BufferedReader in = reader(s);
            write(s, "GET /other HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(404, read(in).status());
            write(s, "GET /only/more HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("ok", read(in).body());
        }
    }

    @Test
    void oversizedBodyAndHeadGet413() throws Exception {
        serve(HttpSettings.DEFAULT.withLimits(1024, 100));
        try (Socket s = connect()) {
            write(s, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n");
            assertEquals(413, read(reader(s)).status());
        }
        try (Socket s = connect()) {
            write(s, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(2000) + "\r\n\r\n");
            assertEquals(413, read(reader(s)).status());
        }
        try (Socket s = connect()) {
            write(s, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + "b".repeat(100));
            assertEquals(100, read(reader(s)).body().length(), "at the limit is fine");
        }
    }

    @Test
    void failingHandlerGives500() throws Exception {
        serve(HttpSettings.DEFAULT);
        try (Socket s = connect()) {
            write(s, "GET /boom HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(500, read(reader(s)).status());
        }
    }

    @Test
    void slowlorisIsClosedWhileAnotherClientIsServed() throws Exception {
        serve(HttpSettings.DEFAULT.withRequestTimeout(Duration.ofSeconds(1)));
        try (Socket slow = connect(); Socket good = connect()) {
            AtomicBoolean slowClosed = new AtomicBoolean();
            Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = slow.getOutputStream();
                    out.write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    for (int i = 0; i < 600 && !slowClosed.get(); i++) {
                        out.write('X');                    // a header that never ends, a byte at a time
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server closed the connection: expected
                }
            });
            BufferedReader goodIn = reader(good);
            int served = 0;
            write(good, "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, read(goodIn).status());
            Raw timeout = read(reader(slow));
            slowClosed.set(true);
            assertEquals(408, timeout.status());
            trickle.join();
            for (int i = 0; i < 3; i++) {
                write(good, "GET /after HTTP/1.1\r\nHost: x\r\n\r\n");
                served += read(goodIn).status() == 200 ? 1 : 0;
            }
            assertEquals(3, served);
        }
    }

    @Test
    void componentHandlersAnswerInOrder() throws Exception {
        serve(HttpSettings.DEFAULT);
        try (Socket s = connect()) {
            write(s, "GET /component/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /component/2 HTTP/1.1\r\nHost: x\r\n\r\n");
            BufferedReader in = reader(s);
            assertEquals("component /component/1", read(in).body());
            assertEquals("component /component/2", read(in).body());
        }
    }

    @Test
    void httpClientGetsAndPosts() throws Exception {
        serve(HttpSettings.DEFAULT);
        String base = "http://127.0.0.1:" + server.port();
        HttpResponse got = HttpClient.exchange(HttpClient.Request.get(base + "/x?y=1"), WAIT);
        assertEquals(200, got.status());
        assertEquals("root GET /x?y=1", got.bodyText());
        assertEquals("text/plain; charset=utf-8", got.header("Content-Type"));

        Handle client = Handle.activate(new HttpClient(WAIT), scheduler);
        client.put(HttpClient.Request.post(base + "/echo", "text/plain", "posted".getBytes(StandardCharsets.UTF_8)));
        client.put(base + "/nothing-here/../");
        client.put("http://127.0.0.1:1/unreachable");
        HttpResponse posted = client.get(WAIT);
        assertEquals("posted", posted.bodyText());
        assertEquals("POST", posted.header("x-method"));
        assertEquals(200, ((HttpResponse) client.get(WAIT)).status());
        ErrorInformation failed = assertInstanceOf(ErrorInformation.class, client.get(WAIT));
        assertTrue(failed.message().contains("unreachable"), failed.message());
        client.put(new ProducerFinished(), Component.CONTROL);
        assertInstanceOf(ProducerFinished.class, client.get(Component.SIGNAL, WAIT));
    }

    @Test
    void httpClientAnswersMoreRequestsThanItQueuesToASlowReaderThenFinishes() {
        serve(HttpSettings.DEFAULT);
        String base = "http://127.0.0.1:" + server.port();
        List<Object> urls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            urls.add(base + "/n" + i);
        }
        Collector out = new Collector();
        out.setInboxSize(Component.INBOX, 1);
        Pipes.runInto(out, 2, new DataSource(urls), new HttpClient(WAIT));
        List<String> bodies = out.collected().stream().map(r -> ((HttpResponse) r).bodyText()).toList();
        assertEquals(urls.stream().map(u -> "root GET " + ((String) u).substring(base.length())).toList(), bodies);
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage(), "after every response");
    }

    /** A request handler component: answers with the request's path. */
    private static final class Answerer extends Component {
        private final List<Object> seen = new ArrayList<>();

        @Override
        protected Step main() {
            while (dataReady()) {
                HttpRequest r = recv();
                seen.add(r);
                send(HttpResponse.text(200, "component " + r.path()));
            }
            if (dataReady(CONTROL)) {
                send(recv(CONTROL), SIGNAL);
                return Step.DONE;
            }
            return Step.PAUSE;
        }
    }
}
