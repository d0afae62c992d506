package org.kamaelia4j.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.file.FileReader;
import org.kamaelia4j.components.file.FileWriter;
import org.kamaelia4j.components.file.UnixProcess;
import org.kamaelia4j.components.net.UdpReceiver;
import org.kamaelia4j.components.net.UdpSender;
import org.kamaelia4j.components.protocol.DataChunker;
import org.kamaelia4j.components.protocol.DataDeChunker;
import org.kamaelia4j.components.protocol.DeFramer;
import org.kamaelia4j.components.protocol.EchoProtocol;
import org.kamaelia4j.components.protocol.Framer;
import org.kamaelia4j.components.protocol.HttpClient;
import org.kamaelia4j.components.protocol.MaxSizePacketiser;
import org.kamaelia4j.components.util.Chooser;
import org.kamaelia4j.components.util.Chunkifier;
import org.kamaelia4j.components.util.Clock;
import org.kamaelia4j.components.util.Codec;
import org.kamaelia4j.components.util.Collate;
import org.kamaelia4j.components.util.Comparator;
import org.kamaelia4j.components.util.ConsoleEchoer;
import org.kamaelia4j.components.util.ConsoleReader;
import org.kamaelia4j.components.util.DeMarshaller;
import org.kamaelia4j.components.util.Filter;
import org.kamaelia4j.components.util.FirstOnly;
import org.kamaelia4j.components.util.LineSplit;
import org.kamaelia4j.components.util.LossyConnector;
import org.kamaelia4j.components.util.Marshaller;
import org.kamaelia4j.components.util.MessageRateLimit;
import org.kamaelia4j.components.util.NullSink;
import org.kamaelia4j.components.util.PassThrough;
import org.kamaelia4j.components.util.Pipes;
import org.kamaelia4j.components.util.PromptedTurnstile;
import org.kamaelia4j.components.util.PureTransformer;
import org.kamaelia4j.components.util.RangeFilter;
import org.kamaelia4j.components.util.Stringify;
import org.kamaelia4j.components.util.TagWithSequenceNumber;
import org.kamaelia4j.components.util.TwoWaySplitter;
import org.kamaelia4j.components.util.UnseenOnly;

/** Every component finishes on ProducerFinished and on ShutdownMicroprocess, and passes it on. */
@Timeout(60)
class ShutdownConventionTest {

    @TempDir
    static Path dir;

    private final Scheduler scheduler = Scheduler.create(2);

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    static Stream<Arguments> components() {
        Supplier<Path> file = () -> {
            try {
                return Files.writeString(Files.createTempFile(dir, "in", ".txt"), "x\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        Supplier<InputStream> neverWritten = () -> {
            try {
                return new PipedInputStream(new PipedOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return Stream.of(
                named("PureTransformer", () -> new PureTransformer<Object, Object>(x -> x)),
                named("PassThrough", PassThrough::new),
                named("Filter", () -> new Filter<Object>(x -> true)),
                named("RangeFilter", () -> new RangeFilter(List.of(new RangeFilter.Range(0, 1)))),
                named("FirstOnly", FirstOnly::new),
                named("UnseenOnly", UnseenOnly::new),
                named("Collate", Collate::new),
                named("Chunkifier", () -> new Chunkifier(4)),
                named("LineSplit", LineSplit::new),
                named("Stringify", Stringify::new),
                named("TagWithSequenceNumber", TagWithSequenceNumber::new),
                named("Clock", () -> new Clock(Duration.ofHours(1))),
                named("MessageRateLimit", () -> new MessageRateLimit(10, 1)),
                named("PromptedTurnstile", PromptedTurnstile::new),
                named("LossyConnector", LossyConnector::new),
                named("TwoWaySplitter", TwoWaySplitter::new),
                named("Chooser", () -> new Chooser(List.of(), false)),
                named("Comparator", Comparator::new),
                named("Marshaller", () -> new Marshaller<>(Codec.utf8())),
                named("DeMarshaller", () -> new DeMarshaller<>(Codec.utf8())),
                named("NullSink", NullSink::new),
                named("ConsoleEchoer", () -> new ConsoleEchoer(new PrintStream(new ByteArrayOutputStream()), true, "")),
                named("ConsoleReader", () -> new ConsoleReader(neverWritten.get())),
                named("FileReader.prompted", () -> FileReader.prompted(file.get(), FileReader.Mode.LINES, 1)),
                named("FileWriter", () -> new FileWriter(dir.resolve("out-" + System.nanoTime()),
                        FileWriter.Mode.WHOLE_FILE)),
                named("UnixProcess", () -> new UnixProcess(List.of("cat"))),
                named("Framer", Framer::new),
                named("DeFramer", DeFramer::new),
                named("DataChunker", DataChunker::new),
                named("DataDeChunker", DataDeChunker::new),
                named("MaxSizePacketiser", () -> new MaxSizePacketiser(1400)),
                named("EchoProtocol", EchoProtocol::new),
                named("HttpClient", () -> new HttpClient(Duration.ofSeconds(5))),
                named("UdpSender", () -> new UdpSender(new InetSocketAddress(loopback, 9))),
                named("UdpReceiver", () -> new UdpReceiver(new InetSocketAddress(loopback, 0))));
    }

    private static Arguments named(String name, Supplier<Component> make) {
        return Arguments.of(name, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void producerFinishedIsPassedOnAndFinishesIt(String name, Supplier<Component> make) {
        Component c = make.get();
        Handle h = start(c);
        ProducerFinished done = new ProducerFinished();
        h.put(done, Component.CONTROL);
        Object signal = h.get(Component.SIGNAL, Pipes.GUARD);
        if (c instanceof UnixProcess) {
            assertEquals(new ProducerFinished(c, 0), signal, "UnixProcess reports the exit code instead");
        } else {
            assertSame(done, signal);
        }
        if (c instanceof TwoWaySplitter) {
            assertSame(done, h.get(TwoWaySplitter.SIGNAL2, Pipes.GUARD));
        }
        Pipes.awaitStopped(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void shutdownMicroprocessIsPassedOnAndFinishesIt(String name, Supplier<Component> make) {
        Component c = make.get();
        Handle h = start(c);
        ShutdownMicroprocess stop = new ShutdownMicroprocess();
        h.put(stop, Component.CONTROL);
        assertSame(stop, h.get(Component.SIGNAL, Pipes.GUARD));
        Pipes.awaitStopped(c);
        assertTrue(c.isStopped());
        assertFalse(c.describe(Component.CONTROL).isBlank(), "every box is described");
    }

    private Handle start(Component c) {
        scheduler.startInBackground();
        for (String box : c.inboxNames()) {
            assertFalse(c.describe(box).isBlank(), name(c) + " describes its inbox " + box);
        }
        for (String box : c.outboxNames()) {
            assertFalse(c.describe(box).isBlank(), name(c) + " describes its outbox " + box);
        }
        assertInstanceOf(Component.class, c);
        return Handle.activate(c, scheduler);
    }

    private static String name(Component c) {
        return c.getClass().getSimpleName();
    }
}
