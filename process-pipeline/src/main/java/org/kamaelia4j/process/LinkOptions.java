package org.kamaelia4j.process;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

/**
 * How the links between JVMs of a {@link ProcessNetwork} behave: the back-pressure window, the
 * queue files' roll cycle and block size, the codecs, and where the queues live.
 *
 * <pre>{@code
 * LinkOptions options = LinkOptions.defaults()
 *         .windowMessages(256)            // a producer may be at most 256 messages ahead
 *         .windowBytes(4 << 20)           // ... and 4 MiB
 *         .codecs(Codecs.builder().allow("com.example.*").build());
 * ProcessPipeline.of(options, producer, consumer);
 * }</pre>
 *
 * <h2>The window</h2>
 * A producer may be ahead of its consumer by at most {@link #windowMessages()} messages and
 * {@link #windowBytes()} encoded bytes, counted from the last message the consumer handed to its
 * component. When it is that far ahead it pauses: its component sees a full outbox, exactly like a
 * full bounded inbox in one JVM. (One message is always let through, however large.) So a slow
 * consumer holds up its producers instead of filling the disk.
 *
 * <p>The default of 16,384 messages lets a stream of small messages flow without the producer
 * waiting on the consumer's progress reports (1,024 held the link benchmark to about two thirds of
 * the speed); the 16 MiB byte window still bounds what a link holds on disk. A smaller window
 * trades throughput for latency under load: at 1,000,000 messages a second the median latency
 * measured was 0.6 ms with 1,024 messages and 3.3 to 4.5 ms with 16,384.
 *
 * <h2>Files</h2>
 * Each link is one Chronicle queue in a per-run directory under {@link #baseDirectory()}
 * ({@code /dev/shm} when present, else the temporary directory). A new queue file starts every
 * {@link #rollCycle()}; the consumer deletes files it has fully consumed (and, for a restartable
 * stage, checkpointed), so a long run keeps only the last cycle or two on disk.
 *
 * <p>Instances are immutable and serializable: they are shipped to every stage JVM.
 */
public final class LinkOptions implements Serializable {

    private static final LinkOptions DEFAULTS = new LinkOptions(16_384, 16L << 20, RollCycles.FIVE_MINUTELY,
            4L << 20, Codecs.standard(), null);

    private final int windowMessages;
    private final long windowBytes;
    private final RollCycle rollCycle;
    private final long blockSize;
    private final Codecs codecs;
    private final String baseDirectory;

    private LinkOptions(int windowMessages, long windowBytes, RollCycle rollCycle, long blockSize, Codecs codecs,
            String baseDirectory) {
        this.windowMessages = windowMessages;
        this.windowBytes = windowBytes;
        this.rollCycle = rollCycle;
        this.blockSize = blockSize;
        this.codecs = codecs;
        this.baseDirectory = baseDirectory;
    }

    /** A window of 16,384 messages and 16 MiB, five-minute roll cycles, 4 MiB blocks, standard codecs. */
    public static LinkOptions defaults() {
        return DEFAULTS;
    }

    /** These options with a window of {@code messages} messages (at least 1). */
    public LinkOptions windowMessages(int messages) {
        if (messages < 1) {
            throw new IllegalArgumentException("the window must allow at least 1 message, got " + messages);
        }
        return new LinkOptions(messages, windowBytes, rollCycle, blockSize, codecs, baseDirectory);
    }

    /** These options with a window of {@code bytes} encoded bytes (at least 1). */
    public LinkOptions windowBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("the window must allow at least 1 byte, got " + bytes);
        }
        return new LinkOptions(windowMessages, bytes, rollCycle, blockSize, codecs, baseDirectory);
    }

    /** These options with queue files rolling every {@code cycle} (a Chronicle {@code RollCycles} value). */
    public LinkOptions rollCycle(RollCycle cycle) {
        return new LinkOptions(windowMessages, windowBytes, Objects.requireNonNull(cycle, "cycle"), blockSize,
                codecs, baseDirectory);
    }

    /** These options with queue files mapped {@code bytes} at a time (at least 64 KiB). */
    public LinkOptions blockSize(long bytes) {
        if (bytes < (64 << 10)) {
            throw new IllegalArgumentException("the block size must be at least 64 KiB, got " + bytes);
        }
        return new LinkOptions(windowMessages, windowBytes, rollCycle, bytes, codecs, baseDirectory);
    }

    /** These options with other codecs. */
    public LinkOptions codecs(Codecs messageCodecs) {
        return new LinkOptions(windowMessages, windowBytes, rollCycle, blockSize,
                Objects.requireNonNull(messageCodecs, "codecs"), baseDirectory);
    }

    /** These options with run directories created under {@code directory}. */
    public LinkOptions baseDirectory(Path directory) {
        return new LinkOptions(windowMessages, windowBytes, rollCycle, blockSize, codecs,
                Objects.requireNonNull(directory, "directory").toString());
    }

    /** How many messages a producer may be ahead of its consumer. */
    public int windowMessages() {
        return windowMessages;
    }

    /** How many encoded bytes a producer may be ahead of its consumer. */
    public long windowBytes() {
        return windowBytes;
    }

    /** How often a link starts a new queue file. */
    public RollCycle rollCycle() {
        return rollCycle;
    }

    /** How much of a queue file is mapped at a time. */
    public long blockSize() {
        return blockSize;
    }

    /** The codecs. */
    public Codecs codecs() {
        return codecs;
    }

    /** Where run directories are created: as given, else {@code /dev/shm} when present, else the temp dir. */
    public Path baseDirectory() {
        if (baseDirectory != null) {
            return Path.of(baseDirectory);
        }
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    @Override
    public String toString() {
        return "LinkOptions[window=" + windowMessages + " messages/" + windowBytes + " bytes, rollCycle=" + rollCycle
                + ", blockSize=" + blockSize + ", " + codecs + "]";
    }
}
