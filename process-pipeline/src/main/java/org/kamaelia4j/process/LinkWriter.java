package org.kamaelia4j.process;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The sending end of a link: encodes messages, numbers them and appends them to the link's queue,
 * as long as the window allows.
 *
 * <p>Each excerpt is the message's sequence number (1, 2, 3, ... per link), then for each sibling
 * link (the other links between the same two JVMs) its id and the number of the last message
 * written there, then the encoded message. The reader holds a message until it has delivered
 * those sibling messages, so that messages between two JVMs arrive in the order they were sent,
 * whatever boxes they travel between: a {@code ProducerFinished} on {@code signal} never
 * overtakes the data sent before it on {@code outbox}.
 *
 * <p>A restarted writer continues from the number its checkpoint gives, so it writes again, under
 * the same numbers, what its previous incarnation wrote after that checkpoint; the reader drops
 * those. The window is measured against the reader's published "delivered" number: the
 * messages after it are outstanding, and so are their bytes, which this writer remembers. The
 * writer reads the reader's count only when the count it last read says the window is full, so
 * while there is room a write touches nothing the reader writes.
 *
 * <p>Used by one thread at a time.
 */
final class LinkWriter implements AutoCloseable {

    private final LinkSpec link;
    private final String where;
    private final Codecs codecs;
    private final LinkState state;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final int windowMessages;
    private final long windowBytes;
    private final ArrayDeque<long[]> outstanding = new ArrayDeque<>();
    private final ExposedBuffer buffer = new ExposedBuffer();
    private final DataOutputStream out = new DataOutputStream(buffer);
    private List<LinkWriter> siblings = List.of();
    private long outstandingBytes;
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
            while (!outstanding.isEmpty() && outstanding.peekFirst()[0] <= knownDelivered) {
                outstandingBytes -= outstanding.pollFirst()[1];
            }
        }
        return openSince(knownDelivered);
    }

    /**
     * Whether the window is open if the reader has delivered up to {@code delivered}. The reader's
     * count only grows, so a window open by an older count is open by the current one too.
     */
    private boolean openSince(long delivered) {
        long ahead = seq - delivered;
        return ahead <= 0 || (ahead < windowMessages && outstandingBytes < windowBytes);
    }

    /**
     * Encodes and appends {@code message}; drops it when the reader has finished for good.
     *
     * @throws MessageEncodingException when it cannot be encoded; nothing was written
     */
    void write(Object message) {
        if (state.readerClosed()) {
            return;
        }
        buffer.reset();
        try {
            codecs.write(message, out, where);
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": encoding failed", e);
        }
        long next = seq + 1;
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> bytes = dc.wire().bytes();
            bytes.writeLong(next);
            bytes.writeShort((short) siblings.size());
            for (LinkWriter sibling : siblings) {
                bytes.writeInt(sibling.link.id());
                bytes.writeLong(sibling.seq);
            }
            bytes.write(buffer.array(), 0, buffer.size());
        }
        seq = next;
        outstanding.addLast(new long[] {next, buffer.size()});
        outstandingBytes += buffer.size();
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

    @Override
    public void close() {
        appender.close();
        queue.close();
    }

    /** A ByteArrayOutputStream whose array can be read without copying. */
    private static final class ExposedBuffer extends ByteArrayOutputStream {
        byte[] array() {
            return buf;
        }
    }
}
