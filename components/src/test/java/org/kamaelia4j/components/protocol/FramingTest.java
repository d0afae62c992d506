package org.kamaelia4j.components.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;

@Timeout(60)
class FramingTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Random payloads, including empty ones and ones full of '%', 'X' and newlines. */
    private static List<byte[]> payloads(Random r, int count) {
        List<byte[]> out = new ArrayList<>();
        byte[] alphabet = ascii("X%\n 0aF");
        for (int i = 0; i < count; i++) {
            byte[] p = new byte[r.nextInt(4) == 0 ? 0 : r.nextInt(300)];
            for (int j = 0; j < p.length; j++) {
                p[j] = r.nextBoolean() ? alphabet[r.nextInt(alphabet.length)] : (byte) r.nextInt(256);
            }
            out.add(p);
        }
        return out;
    }

    /** The concatenation of {@code parts}, cut at random places (pieces of 1 to 40 bytes, some empty). */
    private static List<byte[]> resplit(Random r, List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(all::writeBytes);
        byte[] bytes = all.toByteArray();
        List<byte[]> out = new ArrayList<>();
        for (int from = 0; from < bytes.length; ) {
            int n = Math.min(bytes.length - from, r.nextInt(41));
            out.add(Arrays.copyOfRange(bytes, from, from + n));
            from += n;
        }
        return out;
    }

    private static void assertSameBytes(List<byte[]> expected, List<Object> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), (byte[]) actual.get(i), "message " + i);
        }
    }

    @Test
    void framesRoundTripAcrossRandomChunkSplits() {
        for (long seed = 0; seed < 20; seed++) {
            Random r = new Random(seed);
            List<Frame> frames = new ArrayList<>();
            List<byte[]> payloads = payloads(r, 50);
            for (int i = 0; i < payloads.size(); i++) {
                frames.add(new Frame(i * 1_000_003L, payloads.get(i)));
            }
            List<byte[]> framed = frames.stream().map(Framer::frame).toList();
            Sink sink = Sink.drive(resplit(r, framed), new DeFramer(300));
            assertEquals(frames, sink.received, "seed " + seed);
            assertInstanceOf(ProducerFinished.class, sink.end);
        }
    }

    @Test
    void framerComponentUsesSimpleFrameFormat() {
        Sink sink = Sink.drive(List.of(new Frame(7, ascii("hello"))), new Framer());
        assertArrayEquals(ascii("7 5\nhello"), (byte[]) sink.received.get(0));
        Sink back = Sink.drive(List.of(new Frame(1, ascii("a")), new Frame(2, ascii(""))), new Framer(),
                new DeFramer());
        assertEquals(List.of(new Frame(1, ascii("a")), new Frame(2, ascii(""))), back.received);
    }

    @Test
    void oversizedFrameIsReportedAfterTheGoodOnes() {
        Sink sink = Sink.drive(List.of(ascii("1 2\nok3 1000\n")), new DeFramer(100));
        assertEquals(List.of(new Frame(1, ascii("ok"))), sink.received);
        ErrorInformation e = assertInstanceOf(ErrorInformation.class, sink.end);
        assertTrue(e.message().contains("1000 bytes, above the limit of 100"), e.message());
    }

    @Test
    void garbageIsReported() {
        ErrorInformation malformed = assertInstanceOf(ErrorInformation.class,
                Sink.drive(List.of(ascii("GET / HTTP/1.1\r\n")), new DeFramer()).end);
        assertTrue(malformed.message().contains("malformed frame header"), malformed.message());
        byte[] noNewline = new byte[500];
        Arrays.fill(noNewline, (byte) 7);
        ErrorInformation endless = assertInstanceOf(ErrorInformation.class,
                Sink.drive(List.of(noNewline), new DeFramer()).end);
        assertTrue(endless.message().contains("no frame header"), endless.message());
    }

    @Test
    void streamEndingInsideAFrameIsReported() {
        ErrorInformation e = assertInstanceOf(ErrorInformation.class,
                Sink.drive(List.of(ascii("1 10\nabc")), new DeFramer()).end);
        assertTrue(e.message().contains("ended inside a frame"), e.message());
    }

    @Test
    void chunksRoundTripAcrossRandomSplits() {
        for (long seed = 0; seed < 20; seed++) {
            Random r = new Random(seed);
            List<byte[]> messages = payloads(r, 50);
            List<byte[]> chunked = new ArrayList<>();
            byte[] sync = ascii(DataChunker.DEFAULT_SYNC);
            messages.forEach(m -> chunked.add(DataChunker.encode(m, sync)));
            chunked.add(sync);                               // closes the last chunk
            List<byte[]> input = new ArrayList<>();
            input.add(ascii("garbage before the first sync"));
            input.addAll(chunked);
            Sink sink = Sink.drive(resplit(r, input), new DataDeChunker());
            assertSameBytes(messages, sink.received);
        }
    }

    @Test
    void chunkerComponentsRoundTripWithAShortSync() {
        List<byte[]> messages = List.of(ascii("a#b"), ascii("##"), ascii("%23"), new byte[0], ascii("x"));
        List<Object> withEnd = new ArrayList<>(messages);
        withEnd.add(new byte[0]);                            // an empty chunk marks the end of "x"
        Sink sink = Sink.drive(withEnd, new DataChunker("#"), new DataDeChunker("#", 100));
        assertSameBytes(messages, sink.received);
    }

    @Test
    void oversizedChunkAndBrokenEscapeAreReported() {
        byte[] big = new byte[300];
        ErrorInformation tooBig = assertInstanceOf(ErrorInformation.class,
                Sink.drive(List.of(ascii("#"), big), new DataDeChunker("#", 100)).end);
        assertTrue(tooBig.message().contains("above the chunk limit of 100"), tooBig.message());
        ErrorInformation broken = assertInstanceOf(ErrorInformation.class,
                Sink.drive(List.of(ascii("#ab%zz#")), new DataDeChunker("#", 100)).end);
        assertTrue(broken.message().contains("broken escape"), broken.message());
    }

    @Test
    void badSyncSequencesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DataChunker("%X"));
        assertThrows(IllegalArgumentException.class, () -> new DataChunker("AX"));
        assertThrows(IllegalArgumentException.class, () -> new DataDeChunker("", 10));
    }

    @Test
    void packetiserSplitsEachMessage() {
        Sink sink = Sink.drive(List.of(new byte[2500], new byte[0], new byte[10]), new MaxSizePacketiser(1000));
        assertEquals(List.of(1000, 1000, 500, 10),
                sink.received.stream().map(b -> ((byte[]) b).length).toList());
    }

    @Test
    void aFaultReachesThePipelinesEndAfterTheFramesBeforeIt() {
        Sink sink = Sink.drive(List.of(ascii("1 2\nok2 1\nz3 1000\n4 1\nw")), new DeFramer(100), new Framer(),
                new MaxSizePacketiser(1000));
        assertSameBytes(List.of(ascii("1 2\nok"), ascii("2 1\nz")), sink.received);
        ErrorInformation e = assertInstanceOf(ErrorInformation.class, sink.end);
        assertTrue(e.message().contains("DeFramer") && e.message().contains("above the limit of 100"), e.message());
        assertInstanceOf(java.net.ProtocolException.class, e.exception());
    }

    @Test
    void aMessageOfTheWrongTypeFailsTheComponentNamingIt() {
        ErrorInformation framer = assertInstanceOf(ErrorInformation.class,
                Sink.drive(List.of(ascii("not a frame")), new Framer()).end);
        assertTrue(framer.message().contains("Framer") && framer.message().contains("takes Frame"), framer.message());
        ErrorInformation chunker = assertInstanceOf(ErrorInformation.class,
                Sink.drive(List.of("text"), new DataChunker()).end);
        assertTrue(chunker.message().contains("takes byte[]") && chunker.message().contains("String"),
                chunker.message());
    }

    @Test
    void aMessageOnFlushSendsTheChunkAfterTheLastSync() {
        Scheduler s = Scheduler.create(2);
        s.startInBackground();
        try {
            Handle h = Handle.activate(new DataDeChunker("#", 100), s);
            h.put(ascii("#one#tw%23"));
            assertArrayEquals(ascii("one"), h.get(Sink.GUARD), "'tw%23' is buffered by now");
            h.put("now", DataDeChunker.FLUSH);
            assertArrayEquals(ascii("tw#"), h.get(Sink.GUARD));
            h.put(new ProducerFinished(), Component.CONTROL);
            assertInstanceOf(ProducerFinished.class, h.get(Component.SIGNAL, Sink.GUARD));
        } finally {
            s.stop();
        }
    }
}
