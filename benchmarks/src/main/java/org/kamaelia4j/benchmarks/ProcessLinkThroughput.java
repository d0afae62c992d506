package org.kamaelia4j.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.process.LinkOptions;
import org.kamaelia4j.process.ProcessPipeline;
import org.kamaelia4j.process.Stage;

/**
 * Small messages (alternately a {@code Long} and a short {@code String}) from the parent JVM
 * through a stage JVM that passes them on and back to the parent, in million messages per second:
 * {@code Pipeline(LinkMessages, ProcessPipeline.of(Stage.of(Echo::new)), RateSink)} against raw
 * Chronicle Queue between the same kind of JVM pair (the parent appends to one queue, the child
 * tails it and appends each excerpt to a second queue, the parent tails that).
 *
 * <p>The second row is the same pipeline with a window of {@value #NARROW_WINDOW} messages instead of
 * the default 16,384, to show how much a small window costs: the producer waits for window updates.
 *
 * <p>Both are timed at the parent over the second half of the messages coming back: the child
 * JVM's start-up is not counted, and the first half is the warm-up, while the JIT compilers of
 * both JVMs are still at work (the rate climbs several-fold during it). The raw baseline has no
 * window: the parent may append everything before the child is up, so its figure is the rate at
 * which the child drains and echoes a backlog.
 *
 * <p>The link gathers messages into batches of up to 256 per queue
 * excerpt; the raw baseline appends one excerpt per message, as Chronicle Queue is commonly used.
 */
final class ProcessLinkThroughput implements Workload {

    /** Stage JVM options: enough heap, a simple collector. */
    static final String[] STAGE_JVM = {"-Xmx256m", "-XX:+UseSerialGC"};

    /** The smaller back-pressure window of the second row (the default is 16,384 messages). */
    private static final int NARROW_WINDOW = 1024;

    /** Room in the ProcessPipeline's inbox: the source waits rather than queueing millions of messages. */
    private static final int SOURCE_ROOM = 4096;

    @Override
    public String name() {
        return "process-link-throughput";
    }

    @Override
    public String title() {
        return "ProcessPipeline: Long/short-String messages parent -> stage JVM -> parent, million messages/s";
    }

    @Override
    public Unit unit() {
        return Unit.MILLION_PER_SECOND;
    }

    @Override
    public String target() {
        return ">= 0.5x raw Chronicle Queue and >= 3 million messages/s";
    }

    @Override
    public boolean startsJvms() {
        return true;
    }

    @Override
    public long size(boolean quick) {
        return quick ? 2_000_000 : 10_000_000;
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new Contender("Kamaelia4J ProcessPipeline (1 stage)", true, n -> ours(n, LinkOptions.defaults())),
                new Contender("Kamaelia4J ProcessPipeline, window " + NARROW_WINDOW + " messages", false,
                        n -> ours(n, LinkOptions.defaults().windowMessages(NARROW_WINDOW))),
                new Contender("raw Chronicle Queue append/tail", false, ProcessLinkThroughput::raw));
    }

    private static double ours(long n, LinkOptions options) {
        RateSink sink = new RateSink(n / 2);
        ProcessPipeline link = ProcessPipeline.of(options, Stage.of(Echo::new).jvmOptions(STAGE_JVM));
        link.setInboxSize(Component.INBOX, SOURCE_ROOM);
        new Pipeline(new LinkMessages(n), link, sink).run();
        if (sink.count() != n) {
            throw new IllegalStateException("ProcessPipeline delivered " + sink.count() + " of " + n + " messages");
        }
        return sink.millionPerSecond();
    }

    private static double raw(long n) throws Exception {
        Path dir = Files.createTempDirectory(Path.of(Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm"
                : System.getProperty("java.io.tmpdir")), "k4j-raw-");
        String out = dir.resolve("out").toString();
        String back = dir.resolve("back").toString();
        try (SingleChronicleQueue outQueue = RawEcho.queue(out); SingleChronicleQueue backQueue = RawEcho.queue(back)) {
            Scheduler child = Scheduler.create(1);
            ProcessPipeline.of(Stage.of(() -> new RawEcho(out, back, n)).jvmOptions(STAGE_JVM)).activate(child);
            Thread childRunner = Thread.ofPlatform().start(child::run);
            Thread appender = Thread.ofPlatform().start(() -> append(outQueue, n));
            double rate = tail(backQueue, n, n / 2);
            appender.join();
            childRunner.join();
            return rate;
        } finally {
            deleteTree(dir);
        }
    }

    /** Appends n excerpts: a tag byte, then a long or a short UTF-8 string, as the codecs would. */
    private static void append(SingleChronicleQueue queue, long n) {
        try (ExcerptAppender appender = queue.createAppender()) {
            for (int i = 0; i < n; i++) {
                try (DocumentContext dc = appender.writingDocument()) {
                    Bytes<?> bytes = dc.wire().bytes();
                    if (LinkMessages.message(i) instanceof String word) {
                        bytes.writeByte((byte) 2).writeUtf8(word);
                    } else {
                        bytes.writeByte((byte) 1).writeLong(i);
                    }
                }
            }
        }
    }

    /** Reads n excerpts, decoding each; million per second from excerpt number {@code warmUp} to the last. */
    private static double tail(SingleChronicleQueue queue, long n, long warmUp) {
        long first = 0;
        long checksum = 0;
        try (ExcerptTailer tailer = queue.createTailer()) {
            for (long got = 0; got < n; ) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        Thread.onSpinWait();
                        continue;
                    }
                    Bytes<?> bytes = dc.wire().bytes();
                    checksum += bytes.readByte() == 1 ? bytes.readLong() : bytes.readUtf8().length();
                }
                if (got++ == warmUp) {
                    first = System.nanoTime();
                }
            }
        }
        long last = System.nanoTime();
        if (checksum == 0 && n > 2) {
            throw new IllegalStateException("the raw baseline read nothing back");
        }
        return (n - warmUp - 1) * 1e3 / (last - first);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
