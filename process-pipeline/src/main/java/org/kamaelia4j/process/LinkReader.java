package org.kamaelia4j.process;

import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving end of a link: reads the writer's batches in order (see {@link LinkWriter}), drops
 * the messages whose number it has delivered already (written again by a restarted writer),
 * decodes the rest one at a time, and publishes how far it has delivered so that the writer's
 * window moves on. A message whose codec reads more or fewer bytes than were written for it is an
 * error naming the link and the message, not a silent misreading of the ones after it.
 *
 * <p>The queue index it reports for a message ({@link #deliveredIndex()}) is that of the excerpt
 * holding its batch: a reader restarted there reads the whole batch again and drops, by number,
 * the messages it had delivered.
 *
 * <p>Queue files are deleted once everything in them is safe: delivered, or for a restartable
 * stage, checkpointed ({@link #releaseUpTo(long)}).
 *
 * <p>Used by one thread at a time.
 */
final class LinkReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LinkReader.class);

    private final LinkSpec link;
    private final String where;
    private final Codecs codecs;
    private final LinkState state;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final RollCycle rollCycle;
    private final boolean releaseOnDelivery;
    private final ConcurrentLinkedQueue<Released> released = new ConcurrentLinkedQueue<>();
    private final BatchInput input = new BatchInput();
    private byte[] batchBytes = new byte[1024];
    private long[] dependencies = new long[0];
    private int position;
    private int batchEnd;
    private int batchLeft;
    private long batchSeq;
    private long batchIndex;
    private long readSeq;
    private long readIndex;
    private long deliveredSeq;
    private long deliveredIndex;

    /** A queue file the tailer has finished with, and its cycle. */
    private record Released(int cycle, File file) {
    }

    /**
     * @param lastSeq           the number of the last message already delivered (0 for none)
     * @param lastIndex         its queue index, or -1 to start at the beginning
     * @param releaseOnDelivery true to delete consumed files as soon as delivered (no checkpoints)
     * @param where             who reads, for error messages
     */
    LinkReader(LinkSpec link, Path runDirectory, LinkOptions options, long lastSeq, long lastIndex,
            boolean releaseOnDelivery, String where) {
        this.link = link;
        this.where = where + " receiving on '" + link.toBox() + "' (link " + link + ")";
        this.codecs = options.codecs();
        this.state = new LinkState(link.stateFile(runDirectory));
        this.queue = LinkQueues.open(link, runDirectory, options,
                (cycle, file) -> released.add(new Released(cycle, file)));
        this.rollCycle = options.rollCycle();
        this.releaseOnDelivery = releaseOnDelivery;
        this.tailer = queue.createTailer();
        tailer.singleThreadedCheckDisabled(true);
        if (lastIndex < 0 || !tailer.moveToIndex(lastIndex)) {
            tailer.toStart();
        }
        this.readSeq = lastSeq;
        this.deliveredSeq = lastSeq;
        this.readIndex = lastIndex;
        this.deliveredIndex = lastIndex;
        state.delivered(lastSeq);
    }

    /**
     * The next message not delivered before, or null when none has arrived yet. Call
     * {@link #delivered()} once it is handed over.
     *
     * @throws MessageEncodingException when its bytes cannot be decoded
     */
    Object next() {
        for (;;) {
            if (batchLeft == 0 && !readBatch()) {
                return null;
            }
            long seq = batchSeq++;
            batchLeft--;
            input.window(batchBytes, position, batchEnd);
            int length;
            try {
                length = input.readInt();
            } catch (IOException e) {
                throw new UncheckedIOException(where + ": message " + seq + " is cut short", e);
            }
            int start = input.position();
            position = start + length;
            if (seq <= readSeq) {
                continue;
            }
            if (seq != readSeq + 1) {
                LOG.error("{}: message {} follows {}; messages are missing", where, seq, readSeq);
            }
            readSeq = seq;
            readIndex = batchIndex;
            return decode(seq, start, length);
        }
    }

    /** Reads the next excerpt, a batch of messages, into {@link #batchBytes}; false if there is none yet. */
    private boolean readBatch() {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            Bytes<?> bytes = dc.wire().bytes();
            batchSeq = bytes.readLong();
            batchLeft = bytes.readInt();
            int siblings = bytes.readShort();
            long[] after = new long[2 * siblings];
            for (int k = 0; k < siblings; k++) {
                after[2 * k] = bytes.readInt();
                after[2 * k + 1] = bytes.readLong();
            }
            dependencies = after;
            int size = (int) bytes.readRemaining();
            if (batchBytes.length < size) {
                batchBytes = new byte[Math.max(size, 2 * batchBytes.length)];
            }
            bytes.read(batchBytes, 0, size);
            position = 0;
            batchEnd = size;
            batchIndex = dc.index();
            return true;
        }
    }

    private Object decode(long seq, int start, int length) {
        input.window(batchBytes, start, start + length);
        Object message;
        try {
            message = codecs.read(input, where);
        } catch (EOFException e) {
            throw new MessageEncodingException(where + ": message " + seq + " was written as " + length
                    + " bytes but its codec read past them", e);
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": message " + seq + " is corrupt", e);
        }
        int read = input.position() - start;
        if (read != length) {
            throw new MessageEncodingException(where + ": message " + seq + " was written as " + length
                    + " bytes but its codec read " + read + " to decode a " + className(message));
        }
        return message;
    }

    private static String className(Object message) {
        return message == null ? "null" : message.getClass().getName();
    }

    /**
     * What must be delivered before the message {@link #next()} returned last: pairs of a sibling
     * link's id and the number of the last message written there before it.
     */
    long[] dependencies() {
        return dependencies;
    }

    /** The message {@link #next()} returned last has been handed to its receiver. */
    void delivered() {
        deliveredSeq = readSeq;
        deliveredIndex = readIndex;
        state.delivered(deliveredSeq);
        if (releaseOnDelivery) {
            releaseUpTo(deliveredIndex);
        }
    }

    /** Deletes queue files of cycles before the one holding {@code index}: nobody needs them again. */
    void releaseUpTo(long index) {
        if (released.isEmpty() || index < 0) {
            return;
        }
        int safeCycle = rollCycle.toCycle(index);
        for (Iterator<Released> it = released.iterator(); it.hasNext(); ) {
            Released r = it.next();
            if (r.cycle() < safeCycle) {
                it.remove();
                if (!r.file().delete() && r.file().exists()) {
                    LOG.warn("{}: could not delete consumed queue file {}", where, r.file());
                }
            }
        }
    }

    long deliveredSeq() {
        return deliveredSeq;
    }

    long deliveredIndex() {
        return deliveredIndex;
    }

    /** What the watcher of a waiting reader watches: how many excerpts were ever appended. */
    long appends() {
        return state.appends();
    }

    /** This end has finished for good: writers stop waiting for room and drop what they send. */
    void closeReader() {
        state.closeReader();
    }

    LinkSpec link() {
        return link;
    }

    @Override
    public void close() {
        tailer.close();
        queue.close();
    }
}
