package org.kamaelia4j.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The sending end of a link: encodes messages, numbers them (1, 2, 3, ... per link) and appends
 * them to the link's queue in batches, as long as the window allows.
 *
 * <h2>Batches</h2>
 * Appending an excerpt costs far more than encoding a small message, so messages are gathered in
 * an open batch and appended together as one excerpt by {@link #flush()}: when the batch holds
 * {@value #BATCH_MESSAGES} messages or {@value #BATCH_BYTES} bytes, when a sibling link starts a
 * batch, and whenever the owner has written what it had for now (the hosts flush at the end of
 * every pump). A message is therefore visible to the reader only once flushed.
 *
 * <p>An excerpt is the number of its first message and how many it holds; then, for each sibling
 * link (the other links between the same two JVMs), its id and the number of the last message
 * written there; then each message's encoded length and bytes. The reader holds the batch's
 * messages until it has delivered those sibling messages, so that messages between two JVMs arrive
 * in the order they were sent, whatever boxes they travel between: a {@code ProducerFinished} on
 * {@code signal} never overtakes the data sent before it on {@code outbox}. For that, a writer
 * flushes its siblings before it opens a batch, so at most one of a set of siblings has an open
 * batch, and what the siblings had written is already in their queues when this batch is.
 *
 * <h2>Restarts and the window</h2>
 * A restarted writer continues from the number its checkpoint gives, so it writes again, under
 * the same numbers, what its previous incarnation wrote after that checkpoint; the reader drops
 * those. The window is measured against the reader's published "delivered" number: the
 * messages after it are outstanding, written or still in the open batch, and so are their bytes,
 * which this writer remembers per message. The writer reads the reader's count only when the
 * count it last read says the window is full, so while there is room a write touches nothing the
 * reader writes.
 *
 * <p>Used by one thread at a time.
 */
final class LinkWriter implements AutoCloseable {

    /** Most messages in one excerpt. */
    static final int BATCH_MESSAGES = 256;
    /** A batch is appended once it holds this many bytes (a larger message makes a batch of its own). */
    static final int BATCH_BYTES = 16 * 1024;

    private final LinkSpec link;
    private final String where;
    private final Codecs codecs;
    private final LinkState state;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final int windowMessages;
    private final long windowBytes;
    private final OutstandingSizes outstanding = new OutstandingSizes();
    private final BatchOutput batch = new BatchOutput();
    private List<LinkWriter> siblings = List.of();
    private int batchCount;
    private long seq;
    private long knownDelivered;

    /**
     * @param lastSeq the number of the last message already written (0 for none)
     * @param where   who writes, for error messages
     */
    LinkWriter(LinkSpec link, Path runDirectory, LinkOptions options, long lastSeq, String where) {
        this.link = link;
        this.where = where + " sending on '" + link.fromBox() + "' (link " + link + ")";
        this.codecs = options.codecs();
        this.state = new LinkState(link.stateFile(runDirectory));
        this.queue = LinkQueues.open(link, runDirectory, options, StoreFileListener.noOp());
        this.appender = queue.createAppender();
        appender.singleThreadedCheckDisabled(true);
        this.windowMessages = options.windowMessages();
        this.windowBytes = options.windowBytes();
        this.seq = lastSeq;
    }

    /** Tells each writer which of the others lead to the same JVM as it does: its siblings. */
    static void introduceSiblings(List<LinkWriter> writers) {
        for (LinkWriter w : writers) {
            w.siblings = writers.stream().filter(o -> o != w && o.link.to().equals(w.link.to())).toList();
        }
    }

    /** True when another message may be written now: the window has room, or the reader is gone. */
    boolean windowOpen() {
        if (state.readerClosed()) {
            return true;
        }
        if (!openSince(knownDelivered)) {
            knownDelivered = state.delivered();   // only now: the reader's counter is on another core's cache line
            outstanding.deliveredUpTo(knownDelivered);
        }
        return openSince(knownDelivered);
    }

    /**
     * Whether the window is open if the reader has delivered up to {@code delivered}. The reader's
     * count only grows, so a window open by an older count is open by the current one too.
     */
    private boolean openSince(long delivered) {
        long ahead = seq - delivered;
        return ahead <= 0 || (ahead < windowMessages && outstanding.bytes() < windowBytes);
    }

    /**
     * Encodes {@code message} into the open batch; drops it when the reader has finished for good.
     *
     * @throws MessageEncodingException when it cannot be encoded; nothing was written
     */
    void write(Object message) {
        if (state.readerClosed()) {
            return;
        }
        if (batchCount == 0) {
            siblings.forEach(LinkWriter::flush);
        }
        int start = batch.size();
        try {
            batch.writeInt(0);
            codecs.write(message, batch, where);
        } catch (IOException e) {
            batch.truncate(start);
            throw new UncheckedIOException(where + ": encoding failed", e);
        } catch (RuntimeException e) {
            batch.truncate(start);
            throw e;
        }
        int length = batch.size() - start - Integer.BYTES;
        batch.putInt(start, length);
        seq++;
        batchCount++;
        outstanding.add(seq, length);
        if (batchCount >= BATCH_MESSAGES || batch.size() >= BATCH_BYTES) {
            flush();
        }
    }

    /** Appends the open batch, if any, to the queue, where the reader sees it. */
    void flush() {
        if (batchCount == 0) {
            return;
        }
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> bytes = dc.wire().bytes();
            bytes.writeLong(seq - batchCount + 1);
            bytes.writeInt(batchCount);
            bytes.writeShort((short) siblings.size());
            for (LinkWriter sibling : siblings) {
                bytes.writeInt(sibling.link.id());
                bytes.writeLong(sibling.seq);
            }
            bytes.write(batch.array(), 0, batch.size());
        }
        batch.reset();
        batchCount = 0;
        state.appended();
    }

    /** The number of the last message written. */
    long lastSeq() {
        return seq;
    }

    /** What the watcher of a writer waiting for room watches: the reader's progress. */
    long readerProgress() {
        return state.delivered() + (state.readerClosed() ? 1 : 0);
    }

    /** Flushes the open batch and closes the queue. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            appender.close();
            queue.close();
        }
    }
}
