package org.kamaelia4j.components.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/** The components woken by the timer thread or fed by a reading thread. */
@Timeout(60)
class TimedAndThreadedTest {

    private final Scheduler scheduler = Scheduler.create(2);

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    @Test
    void clockSendsNumberedTicksThenProducerFinished() {
        Collector out = Pipes.run(2, new Clock(Duration.ofMillis(2), 20));
        assertEquals(LongStream.rangeClosed(1, 20).boxed().toList(), out.collected());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
    }

    @Test
    void clockLosesNoTickWhenItsDestinationIsFull() {
        Collector out = new Collector();
        out.setInboxSize(Component.INBOX, 1);
        Pipes.runInto(out, 3, new Clock(Duration.ofNanos(20_000), 300));
        assertEquals(LongStream.rangeClosed(1, 300).boxed().toList(), out.collected());
    }

    @Test
    void clockRejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Clock(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Clock(Duration.ofSeconds(1), -1));
    }

    @Test
    void messageRateLimitPassesEverythingInOrder() {
        List<Object> numbers = new ArrayList<>(IntStream.range(0, 60).boxed().toList());
        MessageRateLimit limit = new MessageRateLimit(2000, 5);
        limit.setInboxSize(Component.INBOX, 3);
        Collector out = new Collector();
        out.setInboxSize(Component.INBOX, 2);
        Pipes.runInto(out, 2, new DataSource(numbers), limit);
        assertEquals(numbers, out.collected());
    }

    @Test
    void messageRateLimitHoldsBackMoreThanItsBurst() {
        scheduler.startInBackground();
        // one message an hour: only the burst gets through
        Handle h = Handle.activate(new MessageRateLimit(1.0 / 3600, 2), scheduler);
        for (int i = 0; i < 5; i++) {
            h.put(i);
        }
        assertEquals(0, (Integer) h.get(Pipes.GUARD));
        assertEquals(1, (Integer) h.get(Pipes.GUARD));
        assertNull(h.get(Duration.ofMillis(100)), "the third waits for a token");
        assertEquals(3, h.component().dataCount(Component.INBOX), "held back in the inbox, not lost");
        assertThrows(IllegalArgumentException.class, () -> new MessageRateLimit(0, 1));
    }

    @Test
    void consoleReaderSendsEveryLineThenProducerFinishedAtTheEnd() {
        StringBuilder text = new StringBuilder();
        List<Object> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            text.append("line ").append(i).append(i % 2 == 0 ? "\n" : "\r\n");
            lines.add("line " + i);
        }
        InputStream in = new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
        Collector out = new Collector();
        out.setInboxSize(Component.INBOX, 1);
        Pipes.runInto(out, 3, new ConsoleReader(in));
        assertEquals(lines, out.collected());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
    }

    @Test
    void consoleReaderFinishesOnShutdownWhileItsThreadIsBlocked() throws IOException {
        PipedOutputStream keyboard = new PipedOutputStream();
        scheduler.startInBackground();
        Handle h = Handle.activate(new ConsoleReader(new PipedInputStream(keyboard)), scheduler);
        keyboard.write("hello\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        assertEquals("hello", h.get(Pipes.GUARD));
        ShutdownMicroprocess stop = new ShutdownMicroprocess();
        h.put(stop, Component.CONTROL);
        assertSame(stop, h.get(Component.SIGNAL, Pipes.GUARD));
        Pipes.awaitStopped(h.component());
    }

    @Test
    void consoleReaderReportsAReadErrorOnSignal() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("device gone");
            }
        };
        scheduler.startInBackground();
        Handle h = Handle.activate(new ConsoleReader(broken), scheduler);
        ErrorInformation err = h.get(Component.SIGNAL, Pipes.GUARD);
        assertTrue(err.message().contains("device gone") && err.message().contains("ConsoleReader"),
                err.message());
        Pipes.awaitStopped(h.component());
    }

    @RepeatedTest(5)
    void threadFeedHandsOverInOrderWithTheEndLast() throws Exception {
        Collector out = new Collector();
        out.setInboxSize(Component.INBOX, 1);
        Transformer numbers = new Transformer(Transformer.boxes("not used", "numbers from a thread")) {
            private final ThreadFeed<Integer> feed = new ThreadFeed<>(this, 2);

            @Override
            protected void initialiseComponent() {
                feed.start("numbers", f -> {
                    for (int i = 0; i < 1000; i++) {
                        f.put(i);
                    }
                });
            }

            @Override
            protected boolean poll() {
                for (Integer n; !holding() && (n = feed.poll()) != null; ) {
                    emit(n);
                }
                if (feed.ended()) {
                    finishWith(new ProducerFinished(this, null));
                }
                return false;
            }
        };
        Pipes.runInto(out, 3, numbers);
        assertEquals(IntStream.range(0, 1000).boxed().toList(), out.collected());
    }
}
