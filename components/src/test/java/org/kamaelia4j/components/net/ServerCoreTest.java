package org.kamaelia4j.components.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamaelia4j.components.net.NetTesting.ascii;
import static org.kamaelia4j.components.net.NetTesting.connect;
import static org.kamaelia4j.components.net.NetTesting.readExactly;
import static org.kamaelia4j.components.net.NetTesting.readToEnd;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.chassis.ServerCore;
import org.kamaelia4j.components.chassis.SimpleServer;
import org.kamaelia4j.components.protocol.DeFramer;
import org.kamaelia4j.components.protocol.EchoProtocol;
import org.kamaelia4j.components.protocol.Frame;
import org.kamaelia4j.components.protocol.Framer;

@Timeout(60)
class ServerCoreTest {

    private Scheduler scheduler;

    @BeforeEach
    void start() {
        scheduler = Scheduler.create(2);
        scheduler.startInBackground();
    }

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    @Test
    void echoesForSeveralConcurrentClients() throws Exception {
        SimpleServer server = new SimpleServer(0, EchoProtocol::new);
        Handle h = Handle.activate(server, scheduler);
        int clients = 8;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int seed = c;
                done.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    try (Socket s = connect(server.port())) {
                        for (int round = 0; round < 50; round++) {
                            byte[] msg = new byte[1 + r.nextInt(5000)];
                            r.nextBytes(msg);
                            s.getOutputStream().write(msg);
                            assertArrayEquals(msg, readExactly(s.getInputStream(), msg.length));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        h.put(new ShutdownMicroprocess(), Component.CONTROL);
        assertInstanceOf(ShutdownMicroprocess.class, h.get(Component.SIGNAL, Duration.ofSeconds(30)));
    }

    @Test
    void clientHalfCloseStillGetsEveryEchoThenTheServerCloses() throws Exception {
        SimpleServer server = new SimpleServer(0, EchoProtocol::new);
        Handle h = Handle.activate(server, scheduler);
        try (Socket s = connect(server.port())) {
            byte[] msg = new byte[100_000];
            new Random(1).nextBytes(msg);
            s.getOutputStream().write(msg);
            s.shutdownOutput();
            assertArrayEquals(msg, readToEnd(s.getInputStream()));
        }
        h.put(new ShutdownMicroprocess(), Component.CONTROL);
        assertNotNull(h.get(Component.SIGNAL, Duration.ofSeconds(30)));
    }

    @Test
    void handlerClosingClosesTheConnectionAfterItsLastWords() throws Exception {
        SimpleServer server = new SimpleServer(0, Greeter::new);
        Handle h = Handle.activate(server, scheduler);
        try (Socket s = connect(server.port())) {
            assertEquals("bye\n", NetTesting.text(readToEnd(s.getInputStream())));
        }
        h.put(new ShutdownMicroprocess(), Component.CONTROL);
        assertNotNull(h.get(Component.SIGNAL, Duration.ofSeconds(30)));
    }

    @Test
    void shutdownClosesEveryOpenConnectionAndTheListener() throws Exception {
        SimpleServer server = new SimpleServer(0, EchoProtocol::new);
        Handle h = Handle.activate(server, scheduler);
        List<Socket> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Socket s = connect(server.port());
            s.getOutputStream().write(ascii("x"));
            readExactly(s.getInputStream(), 1);
            open.add(s);
        }
        h.put(new ShutdownMicroprocess(), Component.CONTROL);
        assertInstanceOf(ShutdownMicroprocess.class, h.get(Component.SIGNAL, Duration.ofSeconds(30)));
        for (Socket s : open) {
            assertEquals(-1, readOrEnd(s.getInputStream()));
            s.close();
        }
        assertTrue(server.childComponents().isEmpty(), "the listener has finished");
    }

    @Test
    void idleConnectionIsClosedWhileAnotherIsServed() throws Exception {
        ServerCore server = new ServerCore(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                c -> new EchoProtocol(), ConnectionSettings.DEFAULT.withIdleTimeout(Duration.ofSeconds(1)));
        Handle h = Handle.activate(server, scheduler);
        try (Socket idle = connect(server.port()); Socket busy = connect(server.port())) {
            idle.getOutputStream().write(ascii("GET / HT"));     // and then nothing
            AtomicBoolean idleClosed = new AtomicBoolean();
            Thread chatter = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 3000 && !idleClosed.get(); i++) {
                        busy.getOutputStream().write(ascii("b"));
                        readExactly(busy.getInputStream(), 1);
                        Thread.sleep(20);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals("GET / HT", NetTesting.text(readToEnd(idle.getInputStream())));
            idleClosed.set(true);
            chatter.join();
            busy.getOutputStream().write(ascii("c"));
            assertEquals("c", NetTesting.text(readExactly(busy.getInputStream(), 1)));
        }
        h.put(new ShutdownMicroprocess(), Component.CONTROL);
        assertNotNull(h.get(Component.SIGNAL, Duration.ofSeconds(30)));
    }

    @Test
    void garbageAndOversizedFramesCloseTheirConnectionOnly() throws Exception {
        SimpleServer server = new SimpleServer(0, () -> new Pipeline(new DeFramer(100), new Framer()));
        Handle h = Handle.activate(server, scheduler);
        byte[] frame = Framer.frame(new Frame(1, ascii("hi")));
        try (Socket good = connect(server.port())) {
            for (String bad : List.of("this is not a frame header at all, just garbage\n", "2 5000\n")) {
                try (Socket s = connect(server.port())) {
                    s.getOutputStream().write(frame);
                    assertArrayEquals(frame, readExactly(s.getInputStream(), frame.length));
                    s.getOutputStream().write(ascii(bad));
                    assertEquals(0, readToEnd(s.getInputStream()).length, "closed without an answer");
                }
                good.getOutputStream().write(frame);
                assertArrayEquals(frame, readExactly(good.getInputStream(), frame.length));
            }
        }
        h.put(new ShutdownMicroprocess(), Component.CONTROL);
        assertNotNull(h.get(Component.SIGNAL, Duration.ofSeconds(30)));
    }

    @Test
    void tcpClientTalksToTheServerAndFinishesWhenItCloses() throws Exception {
        SimpleServer server = new SimpleServer(0, EchoProtocol::new);
        Handle serverHandle = Handle.activate(server, scheduler);
        Handle client = Handle.activate(new TcpClient("127.0.0.1", server.port()), scheduler);
        client.put(ascii("ping"));
        assertEquals("ping", collect(client, 4));
        client.put(new ProducerFinished(), Component.CONTROL);
        assertInstanceOf(ProducerFinished.class, client.get(Component.SIGNAL, Duration.ofSeconds(30)));

        Handle greeted = Handle.activate(new TcpClient("127.0.0.1", server.port()), scheduler);
        greeted.put(ascii("pong"));
        assertEquals("pong", collect(greeted, 4), "connected and served");
        serverHandle.put(new ShutdownMicroprocess(), Component.CONTROL);
        assertNotNull(greeted.get(Component.SIGNAL, Duration.ofSeconds(30)), "server closing ends the client");
    }

    @Test
    void tcpClientReportsAFailedConnection() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Handle client = Handle.activate(new TcpClient("127.0.0.1", port), scheduler);
        Object signal = client.get(Component.SIGNAL, Duration.ofSeconds(30));
        assertInstanceOf(org.kamaelia4j.axon.ipc.ErrorInformation.class, signal);
    }

    @Test
    void singleServerServesOneClientAtATime() throws Exception {
        SingleServer server = new SingleServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ConnectionSettings.DEFAULT);
        Handle h = Handle.activate(server, scheduler);
        try (Socket second = connect(server.port())) {
            try (Socket first = connect(server.port())) {
                first.getOutputStream().write(ascii("one"));
                second.getOutputStream().write(ascii("two"));
                String got = collect(h, 3);
                Socket served = got.equals("one") ? first : second;
                h.put(ascii("to you"));
                assertEquals("to you", NetTesting.text(readExactly(served.getInputStream(), 6)));
                served.close();
                assertEquals(got.equals("one") ? "two" : "one", collect(h, 3), "the other waited its turn");
            }
        }
        try (Socket third = connect(server.port())) {
            third.getOutputStream().write(ascii("three"));
            assertEquals("three", collect(h, 5));
        }
        h.put(new ShutdownMicroprocess(), Component.CONTROL);
        assertNotNull(h.get(Component.SIGNAL, Duration.ofSeconds(30)));
    }

    private static int readOrEnd(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }

    /** Reads {@code n} bytes from the handle's outbox, in whatever chunks they come. */
    private static String collect(Handle h, int n) {
        StringBuilder b = new StringBuilder();
        while (b.length() < n) {
            byte[] chunk = h.get(Duration.ofSeconds(30));
            assertNotNull(chunk, "got only '" + b + "'");
            b.append(NetTesting.text(chunk));
        }
        return b.toString();
    }

    /** Says "bye" and closes the connection. */
    private static final class Greeter extends Component {
        Greeter() {
            super(Boxes.standard());
        }

        @Override
        protected Step main() {
            send(ascii("bye\n"));
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
    }
}
