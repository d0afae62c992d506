package org.kamaelia4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;

/** The chat server over loopback, and the line reader its connections use. */
@Timeout(60)
class ChatTest {

    private static final int GUARD_MILLIS = 30_000;

    /** One chat client: a plain socket, read line by line. */
    private record Client(Socket socket, BufferedReader in, OutputStream out, String address) {

        static Client connect(int port) throws IOException {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.setSoTimeout(GUARD_MILLIS);    // a hang guard: a missing line fails the test instead of blocking it
            return new Client(s, new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)),
                    s.getOutputStream(), "127.0.0.1:" + s.getLocalPort());
        }

        void say(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    @Test
    void everyLineReachesEveryClientAndTheServerShutsDownCleanly() throws IOException {
        Scheduler scheduler = Scheduler.create(2);
        scheduler.startInBackground();
        try {
            Chat chat = Chat.of("--port", "0");
            assertTrue(chat.banner().startsWith("chat server on 127.0.0.1:" + chat.port() + ";"), chat.banner());
            converse(chat, Handle.activate(chat.component(), scheduler), scheduler);
        } finally {
            scheduler.stop();
        }
    }

    private static void converse(Chat chat, Handle server, Scheduler scheduler) throws IOException {
        assertTrue(chat.port() > 0);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(Client.connect(chat.port()));
        }
        waitFor(() -> chat.clients() == 3, "three subscribed connections");
        // one client's line arrives in two pieces, ending telnet style
        clients.get(0).say("hello from ");
        clients.get(0).say("zero\r\n");
        clients.get(1).say("h\u00e9llo from one\n");
        clients.get(2).say("hello from two\n");
        Set<String> expected = Set.of(clients.get(0).address() + " says hello from zero",
                clients.get(1).address() + " says h\u00e9llo from one",
                clients.get(2).address() + " says hello from two");
        List<List<String>> heard = new ArrayList<>();
        for (Client c : clients) {
            List<String> lines = List.of(c.in().readLine(), c.in().readLine(), c.in().readLine());
            assertEquals(expected, new HashSet<>(lines), "what " + c.address() + " heard");
            heard.add(lines);
        }
        assertEquals(heard.get(0), heard.get(1), "everybody hears the lines in the same order");
        assertEquals(heard.get(0), heard.get(2), "everybody hears the lines in the same order");

        server.put(new ShutdownMicroprocess(), Component.CONTROL);
        assertInstanceOf(ShutdownMicroprocess.class, server.get(Component.SIGNAL, Duration.ofSeconds(30)),
                "the chat component finishes and passes the shutdown on");
        for (Client c : clients) {
            assertNull(c.in().readLine(), c.address() + " sees its connection closed");
            c.socket().close();
        }
        waitFor(() -> chat.component().isStopped(), "the chat component to stop");
        waitFor(() -> scheduler.microprocesses().isEmpty(), "every connection's pipeline to finish");
    }

    /** Polls {@code condition}, a bounded number of times; fails naming {@code what}. */
    private static void waitFor(BooleanSupplier condition, String what) {
        for (int i = 0; i < GUARD_MILLIS / 10; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError("gave up waiting for " + what);
    }

    @Test
    void textLinesJoinsChunksSplitsLinesAndKeepsALastLineWithoutNewline() {
        Collector out = new Collector();
        new Pipeline(new DataSource(bytes("he"), bytes("llo\r\nwor"), bytes("ld\n\nlast"), bytes("")), new TextLines(),
                out).run();
        assertEquals(List.of("hello", "world", "", "last"), out.collected());
    }

    @Test
    void textLinesKeepsAMultiByteCharacterSplitAcrossChunks() {
        byte[] e = "\u00e9\n".getBytes(StandardCharsets.UTF_8);
        Collector out = new Collector();
        new Pipeline(new DataSource(new byte[] {e[0]}, new byte[] {e[1], e[2]}), new TextLines(), out).run();
        assertEquals(List.of("\u00e9"), out.collected());
    }

    @Test
    void aBadPortIsRefusedNamingTheExample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Chat.of("--port", "70000"));
        assertTrue(e.getMessage().startsWith("chat: --port"), e.getMessage());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
