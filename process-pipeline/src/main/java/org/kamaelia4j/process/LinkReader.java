package org.kamaelia4j.process;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
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
 * The receiving end of a link: reads excerpts in order, drops the ones whose sequence number it
 * has delivered already (written again by a restarted writer), decodes the rest, and publishes
 * how far it has delivered so that the writer's window moves on.
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
    private long[] dependencies = new long[0];
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
            long seq;
            byte[] encoded;
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return null;
                }
                Bytes<?> bytes = dc.wire().bytes();
                seq = bytes.readLong();
                int siblings = bytes.readShort();
                long[] after = new long[2 * siblings];
                for (int k = 0; k < siblings; k++) {
                    after[2 * k] = bytes.readInt();
                    after[2 * k + 1] = bytes.readLong();
                }
                dependencies = after;
                encoded = new byte[(int) bytes.readRemaining()];
                bytes.read(encoded);
                readIndex = dc.index();
            }
            if (seq <= readSeq) {
                continue;
            }
            if (seq != readSeq + 1) {
                LOG.error("{}: message {} follows {}; messages are missing", where, seq, readSeq);
            }
            readSeq = seq;
            try {
                return codecs.read(new DataInputStream(new ByteArrayInputStream(encoded)), where);
            } catch (IOException e) {
                throw new UncheckedIOException(where + ": message " + seq + " is corrupt", e);
            }
        }
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
