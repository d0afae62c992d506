package org.kamaelia4j.components.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;
import org.kamaelia4j.components.util.PassThrough;
import org.kamaelia4j.components.util.Pipes;

@Timeout(60)
class UnixProcessTest {

    private final Scheduler scheduler = Scheduler.create(2);

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    private Handle start(UnixProcess p) {
        scheduler.startInBackground();
        return Handle.activate(p, scheduler);
    }

    @Test
    void catEchoesItsInputThroughABoundedInboxAndReportsExitCodeZero() {
        byte[] data = new byte[300_000];
        Arrays.fill(data, (byte) 'x');
        List<Object> chunks = new ArrayList<>();
        for (int i = 0; i < data.length; i += 1000) {
            chunks.add(Arrays.copyOfRange(data, i, i + 1000));
        }
        UnixProcess cat = new UnixProcess(List.of("cat"));
        cat.setInboxSize(Component.INBOX, 2);
        Collector out = new Collector();
        out.setInboxSize(Component.INBOX, 1);
        Pipes.runInto(out, 3, new DataSource(chunks), cat);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        out.collected().forEach(c -> all.writeBytes((byte[]) c));
        assertArrayEquals(data, all.toByteArray());
        ProducerFinished done = assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
        assertSame(cat, done.caller());
        assertEquals(0, done.message());
    }

    @Test
    void linesModeSplitsOutputIntoLinesAndStringsAreWrittenAsUtf8() {
        Collector out = Pipes.run(2, new DataSource("b é\n", "a\n".getBytes(StandardCharsets.UTF_8)),
                new UnixProcess(List.of("sort"), UnixProcess.Output.LINES));
        assertEquals(List.of("a", "b é"), out.collected());
    }

    @Test
    void standardErrorGoesToErrorAndTheExitCodeToSignal() {
        Handle h = start(new UnixProcess(List.of("sh", "-c", "echo out; echo oops >&2; exit 3"),
                UnixProcess.Output.LINES));
        assertEquals("out", h.get(Pipes.GUARD));
        assertEquals("oops", h.get(UnixProcess.ERROR, Pipes.GUARD));
        ProducerFinished done = h.get(Component.SIGNAL, Pipes.GUARD);
        assertEquals(3, done.message());
        Pipes.awaitStopped(h.component());
    }

    @Test
    void producerFinishedClosesStandardInputAfterTheMessagesBeforeIt() {
        Handle h = start(new UnixProcess(List.of("wc", "-l"), UnixProcess.Output.LINES));
        for (int i = 0; i < 50; i++) {
            h.put("line " + i + "\n");
        }
        h.put(new ProducerFinished(), Component.CONTROL);
        assertEquals("50", h.<String>get(Pipes.GUARD).trim());
        assertEquals(new ProducerFinished(h.component(), 0), h.get(Component.SIGNAL, Pipes.GUARD));
    }

    @Test
    void shutdownDestroysAProcessThatWouldRunForever() {
        Handle h = start(new UnixProcess(List.of("sleep", "600")));
        assertNull(h.get(Component.SIGNAL, java.time.Duration.ofMillis(50)));
        ShutdownMicroprocess stop = new ShutdownMicroprocess();
        h.put(stop, Component.CONTROL);
        assertSame(stop, h.get(Component.SIGNAL, Pipes.GUARD));
        Pipes.awaitStopped(h.component());
    }

    @Test
    void shutdownKillsAProcessThatIgnoresTerminationAndItsChildren() {
        Handle h = start(new UnixProcess(List.of("sh", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done"),
                UnixProcess.Output.LINES));
        assertEquals("ready", h.get(Pipes.GUARD));
        ShutdownMicroprocess stop = new ShutdownMicroprocess();
        h.put(stop, Component.CONTROL);
        assertSame(stop, h.get(Component.SIGNAL, Pipes.GUARD));
        Pipes.awaitStopped(h.component());
    }

    @Test
    void aProgramThatCannotStartIsReportedByName() {
        Handle h = start(new UnixProcess(List.of("/no/such/program-k4j")));
        ErrorInformation err = h.get(Component.SIGNAL, Pipes.GUARD);
        assertTrue(err.message().contains("/no/such/program-k4j"), err.message());
        Pipes.awaitStopped(h.component());
        assertThrows(IllegalArgumentException.class, () -> new UnixProcess(List.of()));
    }

    @Test
    void aProcessThatStopsReadingIsReportedAsLostInputNotSilentlyDropped() {
        // head reads one line and exits; a megabyte more cannot be written: a broken pipe
        List<Object> chunks = new ArrayList<>(IntStream.range(0, 1000).mapToObj(i -> "x".repeat(999) + "\n")
                .toList());
        scheduler.startInBackground();
        Handle h = Handle.activate(new Pipeline(new DataSource(chunks),
                new UnixProcess(List.of("head", "-n", "1"), UnixProcess.Output.LINES), new PassThrough()), scheduler);
        assertEquals("x".repeat(999), h.get(Pipes.GUARD));
        ErrorInformation err = h.get(Component.SIGNAL, Pipes.GUARD);
        assertTrue(err.message().contains("head") && err.message().contains("not written"), err.message());
        Pipes.awaitStopped(h.component());
    }
}
