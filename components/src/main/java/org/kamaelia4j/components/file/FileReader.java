package org.kamaelia4j.components.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.components.util.Transformer;
import org.kamaelia4j.components.util.WakeTimer;

/**
 * Reads a file and sends it as chunks of bytes or as lines (Kamaelia's {@code File.Reading}:
 * {@code MaxSpeedFileReader}, {@code RateControlledFileReader} and {@code PromptedFileReader} in
 * one class).
 *
 * <pre>{@code
 * new Pipeline(FileReader.lines(Path.of("notes.txt")), new ConsoleEchoer(System.out, false, "\n")).run();
 * new Pipeline(FileReader.rateControlled(video, FileReader.Mode.BYTES, 4096, 100), player).run();
 * }</pre>
 *
 * <h2>Modes and pacing</h2>
 * In {@link Mode#BYTES} each message is a {@code byte[]} of {@code chunkSize} bytes (the last one
 * shorter); in {@link Mode#LINES} each message is one line, decoded as UTF-8, without its line
 * terminator. The plain reader sends as fast as its destination takes; the
 * {@link #rateControlled rate-controlled} one sends one chunk (or line) per tick of the shared
 * {@link WakeTimer}; the {@link #prompted prompted} one sends one chunk per message on its
 * {@code inbox} (a positive {@code Integer} prompt asks for that many bytes, or that many lines).
 * At the end of the file it sends {@code ProducerFinished} on {@code signal}.
 *
 * <h2>Errors and blocking</h2>
 * A file that cannot be opened or read (missing, a directory, no permission) ends it with an
 * {@code ErrorInformation} on {@code signal} whose message names the path and the cause; nothing
 * is dropped silently. Reads are of regular files, a few kilobytes per slice, so they do not hold
 * a scheduler worker for long; for pipes and devices, whose reads may block indefinitely, run
 * {@code cat} through {@link UnixProcess} instead. A full destination pauses it with the chunk
 * held (back-pressure); {@code ShutdownMicroprocess} on {@code control} ends it at once, passed on.
 */
public final class FileReader extends Transformer {

    /** What a message holds. */
    public enum Mode {
        /** A {@code byte[]} of up to chunkSize bytes. */
        BYTES,
        /** One line of UTF-8 text, without its terminator. */
        LINES
    }

    /** How reading is paced. */
    private enum Pacing { FREE, RATE, PROMPTED }

    private static final int CHUNKS_PER_SLICE = 16;

    private final Path path;
    private final Mode mode;
    private final int chunkSize;
    private final Pacing pacing;
    private final Duration period;
    private SeekableByteChannel bytes;
    private BufferedReader lines;
    private WakeTimer.Ticker ticker;
    private long chunksSent;

    private FileReader(Path path, Mode mode, int chunkSize, Pacing pacing, Duration period) {
        super(boxes(pacing == Pacing.PROMPTED ? "prompts: each sends the next chunk (an Integer: n bytes or lines)"
                        : "not used",
                mode == Mode.BYTES ? "byte[] chunks of the file" : "the lines of the file, as Strings"));
        this.path = Objects.requireNonNull(path, "FileReader: the path must be non-null");
        this.mode = Objects.requireNonNull(mode, "FileReader: the mode must be non-null");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("FileReader(" + path + "): the chunk size must be at least 1, got "
                    + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.pacing = pacing;
        this.period = period;
    }

    /** A reader sending {@code path} as fast as its destination takes it. */
    public FileReader(Path path, Mode mode, int chunkSize) {
        this(path, mode, chunkSize, Pacing.FREE, null);
    }

    /** A reader sending {@code path} as byte chunks of 4096 bytes, as fast as its destination takes them. */
    public static FileReader bytes(Path path) {
        return new FileReader(path, Mode.BYTES, 4096);
    }

    /** A reader sending the lines of {@code path}, as fast as its destination takes them. */
    public static FileReader lines(Path path) {
        return new FileReader(path, Mode.LINES, 1);
    }

    /** A reader sending {@code chunksPerSecond} chunks (or lines) a second. */
    public static FileReader rateControlled(Path path, Mode mode, int chunkSize, double chunksPerSecond) {
        if (!(chunksPerSecond > 0)) {
            throw new IllegalArgumentException("FileReader.rateControlled(" + path
                    + "): the rate must be positive, got " + chunksPerSecond);
        }
        Duration period = Duration.ofNanos(Math.max(1, (long) (1e9 / chunksPerSecond)));
        return new FileReader(path, mode, chunkSize, Pacing.RATE, period);
    }

    /** A reader sending the next chunk (or line) for each message on its {@code inbox}. */
    public static FileReader prompted(Path path, Mode mode, int chunkSize) {
        return new FileReader(path, mode, chunkSize, Pacing.PROMPTED, null);
    }

    /** The file it reads. */
    public Path path() {
        return path;
    }

    @Override
    protected void initialiseComponent() {
        try {
            if (mode == Mode.BYTES) {
                bytes = Files.newByteChannel(path);
            } else {
                lines = Files.newBufferedReader(path, StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            fail("cannot open", e);
            return;
        }
        if (pacing == Pacing.RATE) {
            ticker = WakeTimer.ticker(this, period);
        }
    }

    @Override
    protected boolean poll() {
        if (pacing == Pacing.PROMPTED || shutdownMessage() != null) {
            return false;
        }
        long allowed = pacing == Pacing.RATE ? ticker.due() - chunksSent : CHUNKS_PER_SLICE;
        for (long i = 0; i < allowed && !holding() && shutdownMessage() == null; i++) {
            readChunk(chunkSize);
        }
        return pacing == Pacing.FREE && shutdownMessage() == null;
    }

    @Override
    protected void process(Object prompt) {
        int n = prompt instanceof Integer size && size > 0 ? size : mode == Mode.BYTES ? chunkSize : 1;
        if (mode == Mode.BYTES) {
            readChunk(n);
        } else {
            for (int i = 0; i < n && shutdownMessage() == null; i++) {
                readChunk(1);
            }
        }
    }

    /** Reads and emits one chunk of up to {@code size} bytes, or one line; finishes at the end or on error. */
    private void readChunk(int size) {
        if (shutdownMessage() != null) {
            return;
        }
        chunksSent++;
        try {
            if (mode == Mode.BYTES) {
                ByteBuffer buffer = ByteBuffer.allocate(size);
                int n;
                do {
                    n = bytes.read(buffer);
                } while (n > 0 && buffer.hasRemaining());
                if (buffer.position() > 0) {
                    emit(Arrays.copyOf(buffer.array(), buffer.position()));
                }
                if (n < 0) {
                    finishWith(new ProducerFinished(this, null));
                }
            } else {
                String line = lines.readLine();
                if (line == null) {
                    finishWith(new ProducerFinished(this, null));
                } else {
                    emit(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            fail("cannot read", e);
        }
    }

    private void fail(String what, Exception e) {
        finishNow(new ErrorInformation(this, e, name() + " " + what + " " + path + ": " + e));
    }

    @Override
    protected void closeDownComponent() throws IOException {
        if (ticker != null) {
            ticker.cancel();
        }
        if (bytes != null) {
            bytes.close();
        }
        if (lines != null) {
            lines.close();
        }
    }
}
