package org.kamaelia4j.components.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.components.util.Transformer;

/**
 * Writes every message it receives to a file (Kamaelia's {@code File.Writing.SimpleFileWriter},
 * {@code File.Append} and {@code File.WholeFileWriter} in one class).
 *
 * <pre>{@code
 * new Pipeline(new ConsoleReader(), new PureTransformer<String, String>(l -> l + "\n"),
 *         new FileWriter(Path.of("log.txt"), FileWriter.Mode.APPEND)).run();
 * }</pre>
 *
 * <p>A message is a {@code byte[]}, written as it is, or a string, written as UTF-8; anything
 * else fails the component with a message naming it.
 * <ul>
 * <li>{@link Mode#TRUNCATE} empties (or creates) the file and writes each message as it comes;</li>
 * <li>{@link Mode#APPEND} adds each message to the end of the file as it comes;</li>
 * <li>{@link Mode#WHOLE_FILE} writes to a temporary file next to the target and, on
 * {@code ProducerFinished}, forces it to disk and renames it over the target in one atomic step:
 * readers see the old file or the whole new one, never half of it. On
 * {@code ShutdownMicroprocess}, or an {@code ErrorInformation} from upstream, the temporary file is
 * deleted and the target left as it was.</li>
 * </ul>
 * An I/O error (a path under a missing directory, a directory, no permission, a full disk) ends
 * it with an {@code ErrorInformation} on {@code signal} naming the path; it does not go on
 * silently. Writes to a local file are short, so they happen in its slices.
 */
public final class FileWriter extends Transformer {

    /** How the file is written. */
    public enum Mode {
        /** Empty or create the file, then write each message as it comes. */
        TRUNCATE,
        /** Append each message to the file as it comes. */
        APPEND,
        /** Write everything to a temporary file and rename it over the target at the end. */
        WHOLE_FILE
    }

    private final Path path;
    private final Mode mode;
    private Path temporary;
    private FileChannel channel;

    /** A writer of {@code path} in {@code mode}. */
    public FileWriter(Path path, Mode mode) {
        super(boxes("byte[] or String messages to write", "not used"));
        this.path = Objects.requireNonNull(path, "FileWriter: the path must be non-null");
        this.mode = Objects.requireNonNull(mode, "FileWriter: the mode must be non-null");
    }

    /** The file it writes. */
    public Path path() {
        return path;
    }

    @Override
    protected void initialiseComponent() {
        if (Files.isDirectory(path)) {
            fail("cannot write", new FileSystemException(path.toString(), null, "is a directory"));
            return;
        }
        try {
            Path target = path;
            OpenOption[] options = {StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                mode == Mode.APPEND ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING};
            if (mode == Mode.WHOLE_FILE) {
                Path dir = path.toAbsolutePath().getParent();
                temporary = Files.createTempFile(dir, "." + path.getFileName() + ".", ".part");
                target = temporary;
            }
            channel = FileChannel.open(target, options);
        } catch (IOException | RuntimeException e) {
            fail("cannot open", e);
        }
    }

    @Override
    protected void process(Object msg) {
        byte[] data = switch (msg) {
            case byte[] b -> b;
            case CharSequence s -> s.toString().getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(name() + " writes byte[] or String messages to " + path
                    + ", but received a " + msg.getClass().getName() + ": " + msg);
        };
        try {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            fail("cannot write", e);
        }
    }

    @Override
    protected Object finishing(Object shutdownMessage) {
        if (channel == null) {
            return shutdownMessage;
        }
        try {
            if (temporary != null && shutdownMessage instanceof ProducerFinished) {
                channel.force(true);
                channel.close();
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                temporary = null;
            } else {
                channel.close();
            }
        } catch (IOException e) {
            return new ErrorInformation(this, e, name() + " cannot finish writing " + path + ": " + e);
        }
        return shutdownMessage;
    }

    private void fail(String what, Exception e) {
        finishNow(new ErrorInformation(this, e, name() + " " + what + " " + path + ": " + e));
    }

    @Override
    protected void closeDownComponent() throws IOException {
        if (channel != null) {
            channel.close();
        }
        if (temporary != null) {
            Files.deleteIfExists(temporary);
        }
    }
}
