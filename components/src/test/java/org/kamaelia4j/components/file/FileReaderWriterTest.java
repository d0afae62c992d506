package org.kamaelia4j.components.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;
import org.kamaelia4j.components.util.NullSink;
import org.kamaelia4j.components.util.PassThrough;
import org.kamaelia4j.components.util.Pipes;

@Timeout(60)
class FileReaderWriterTest {

    @TempDir
    Path dir;

    private final Scheduler scheduler = Scheduler.create(2);

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    private byte[] randomBytes(int n) {
        byte[] data = new byte[n];
        new Random(42).nextBytes(data);
        return data;
    }

    private static byte[] concat(List<Object> chunks) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        chunks.forEach(c -> all.writeBytes((byte[]) c));
        return all.toByteArray();
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void bytesModeSendsTheWholeFileInChunksThroughABoundedInbox(int workers) throws IOException {
        byte[] data = randomBytes(100_003);
        Path file = Files.write(dir.resolve("data.bin"), data);
        Collector out = new Collector();
        out.setInboxSize(Component.INBOX, 2);
        Pipes.runInto(out, workers, new FileReader(file, FileReader.Mode.BYTES, 1000));
        List<Object> chunks = out.collected();
        assertEquals(101, chunks.size());
        assertTrue(chunks.subList(0, 100).stream().allMatch(c -> ((byte[]) c).length == 1000));
        assertArrayEquals(data, concat(chunks));
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
    }

    @Test
    void linesModeSendsEachLineWithoutItsTerminator() throws IOException {
        Path file = Files.writeString(dir.resolve("l.txt"), "one\ntwo\r\n\nfour é");
        Collector out = Pipes.run(1, FileReader.lines(file));
        assertEquals(List.of("one", "two", "", "four é"), out.collected());
    }

    @Test
    void anEmptyFileSendsOnlyProducerFinished() throws IOException {
        Path file = Files.createFile(dir.resolve("empty"));
        Collector out = Pipes.run(1, FileReader.bytes(file));
        assertEquals(List.of(), out.collected());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
    }

    @Test
    void rateControlledReaderSendsEverythingOneChunkPerTick() throws IOException {
        Path file = Files.writeString(dir.resolve("r.txt"), "abcdefghij");
        Collector out = Pipes.run(2, FileReader.rateControlled(file, FileReader.Mode.BYTES, 3, 500));
        assertEquals(List.of("abc", "def", "ghi", "j"), out.collected().stream()
                .map(c -> new String((byte[]) c, StandardCharsets.UTF_8)).toList());
        assertThrows(IllegalArgumentException.class,
                () -> FileReader.rateControlled(file, FileReader.Mode.BYTES, 3, 0));
    }

    @Test
    void promptedReaderSendsTheNextChunkForEachPrompt() throws IOException {
        Path file = Files.writeString(dir.resolve("p.txt"), "a\nb\nc\nd\n");
        scheduler.startInBackground();
        Handle h = Handle.activate(FileReader.prompted(file, FileReader.Mode.LINES, 1), scheduler);
        assertNull(h.get(Duration.ofMillis(50)), "nothing without a prompt");
        h.put("next");
        assertEquals("a", h.get(Pipes.GUARD));
        h.put(2);
        assertEquals("b", h.get(Pipes.GUARD));
        assertEquals("c", h.get(Pipes.GUARD));
        h.put(5);
        assertEquals("d", h.get(Pipes.GUARD));
        assertInstanceOf(ProducerFinished.class, h.get(Component.SIGNAL, Pipes.GUARD));
        Pipes.awaitStopped(h.component());
    }

    @Test
    void promptedBytesReaderTakesTheSizeFromAnIntegerPrompt() throws IOException {
        Path file = Files.writeString(dir.resolve("pb.txt"), "abcdef");
        scheduler.startInBackground();
        Handle h = Handle.activate(FileReader.prompted(file, FileReader.Mode.BYTES, 4), scheduler);
        h.put(2);
        assertArrayEquals("ab".getBytes(StandardCharsets.UTF_8), h.get(Pipes.GUARD));
        h.put("chunk");
        assertArrayEquals("cdef".getBytes(StandardCharsets.UTF_8), h.get(Pipes.GUARD));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"missing.txt", "no-such-dir/file.txt", "."})
    void anUnreadablePathEndsTheReaderWithErrorInformationNamingIt(String name) {
        scheduler.startInBackground();
        for (FileReader.Mode mode : FileReader.Mode.values()) {
            Path path = dir.resolve(name);
            Handle h = Handle.activate(new FileReader(path, mode, 16), scheduler);
            ErrorInformation err = h.get(Component.SIGNAL, Pipes.GUARD);
            assertTrue(err.message().contains(path.toString()), err.message());
            assertSame(h.component(), err.caller());
            Pipes.awaitStopped(h.component());
            assertNull(h.poll(Component.OUTBOX), "no data from a path that could not be read");
        }
    }

    @Test
    void aReaderFailingInAPipelineStillLetsThePipelineEnd() {
        // the ErrorInformation travels down the signal chain and finishes each stage after it
        PassThrough middle = new PassThrough();
        Pipeline p = new Pipeline(FileReader.lines(dir.resolve("missing")), middle, new NullSink());
        Scheduler s = Scheduler.create(2);
        p.activate(s);
        assertTrue(s.run(Pipes.GUARD), "the pipeline ended");
        assertTrue(middle.isStopped());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TRUNCATE", "WHOLE_FILE"})
    void writerWritesStringsAsUtf8AndBytesAsTheyAre(String modeName) throws IOException {
        FileWriter.Mode mode = FileWriter.Mode.valueOf(modeName);
        Path file = Files.writeString(dir.resolve("w.txt"), "old content that is longer");
        Collector out = Pipes.run(2, new DataSource("héllo ", "wörld".getBytes(StandardCharsets.UTF_8), "\n"),
                new FileWriter(file, mode));
        assertEquals("héllo wörld\n", Files.readString(file));
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void appendModeAddsToTheEnd() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "one\n");
        Pipes.run(1, new DataSource("two\n"), new FileWriter(file, FileWriter.Mode.APPEND));
        Pipes.run(1, new DataSource("three\n"), new FileWriter(file, FileWriter.Mode.APPEND));
        assertEquals("one\ntwo\nthree\n", Files.readString(file));
    }

    @Test
    void aBoundedWriterInboxLosesNothing() throws IOException {
        Path file = dir.resolve("many.txt");
        List<Object> lines = new ArrayList<>(IntStream.range(0, 2000).mapToObj(i -> i + "\n").toList());
        FileWriter w = new FileWriter(file, FileWriter.Mode.TRUNCATE);
        w.setInboxSize(Component.INBOX, 1);
        Pipes.run(3, new DataSource(lines), w);
        assertEquals(String.join("", lines.stream().map(String.class::cast).toList()), Files.readString(file));
    }

    @Test
    void wholeFileLeavesTheTargetUntouchedUntilTheEndAndOnShutdown() throws IOException {
        Path file = Files.writeString(dir.resolve("whole.txt"), "old");
        scheduler.startInBackground();
        Handle h = Handle.activate(new FileWriter(file, FileWriter.Mode.WHOLE_FILE), scheduler);
        h.put("new content");
        h.put("!");
        assertNull(h.get(Component.SIGNAL, Duration.ofMillis(50)));
        assertEquals("old", Files.readString(file), "nothing half-written is visible");
        ShutdownMicroprocess stop = new ShutdownMicroprocess();
        h.put(stop, Component.CONTROL);
        assertSame(stop, h.get(Component.SIGNAL, Pipes.GUARD));
        Pipes.awaitStopped(h.component());
        assertEquals("old", Files.readString(file), "a shutdown abandons the new content");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "the temporary file is deleted");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"no-such-dir/out.txt", "."})
    void anUnwritablePathEndsTheWriterWithErrorInformationNamingIt(String name) {
        scheduler.startInBackground();
        for (FileWriter.Mode mode : FileWriter.Mode.values()) {
            Path path = dir.resolve(name);
            Handle h = Handle.activate(new FileWriter(path, mode), scheduler);
            h.put("data");
            h.put(new ProducerFinished(), Component.CONTROL);
            ErrorInformation err = h.get(Component.SIGNAL, Pipes.GUARD);
            assertTrue(err.message().contains(path.toString()), mode + ": " + err.message());
            Pipes.awaitStopped(h.component());
        }
    }

    @Test
    void theWriterRejectsMessagesItCannotWrite() {
        scheduler.startInBackground();
        Handle h = Handle.activate(new FileWriter(dir.resolve("x"), FileWriter.Mode.TRUNCATE), scheduler);
        h.put(42);
        ErrorInformation err = h.get(Component.SIGNAL, Pipes.GUARD);
        assertTrue(err.message().contains("Integer") && err.message().contains("FileWriter"), err.message());
    }
}
