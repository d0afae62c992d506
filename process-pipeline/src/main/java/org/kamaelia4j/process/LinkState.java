package org.kamaelia4j.process;

import java.nio.file.Path;

/**
 * The counters two ends of a link share besides the queue itself: how many excerpts were ever
 * appended (so that a waiting reader's watcher notices new data without touching the queue), the
 * sequence number of the last message the reader handed to its component (the writer's window is
 * measured from it), and whether the reader has finished for good (then the writer drops messages
 * instead of waiting for room).
 *
 * <p>The three counters are 128 bytes apart: the reader writes "delivered" for every message and
 * the writer "appends", and on one cache line each of those writes would take the line away from
 * the other side's core. The per-message counters are published with release stores rather than
 * fenced or atomic ones, since each has a single writer and the other side only polls them.
 */
final class LinkState {

    /** Longs between two counters: 128 bytes, so that each has its cache line (and its neighbour) alone. */
    private static final int SPREAD = 16;
    private static final int APPENDS = 0;
    private static final int DELIVERED = SPREAD;
    private static final int READER_CLOSED = 2 * SPREAD;

    private final SharedLongs longs;

    LinkState(Path file) {
        this.longs = new SharedLongs(file, READER_CLOSED + 1);
    }

    long appends() {
        return longs.get(APPENDS);
    }

    /** Writer only (one writer per link at a time, as a restarted one replaces a dead one). */
    void appended() {
        longs.incrementSingleWriter(APPENDS);
    }

    long delivered() {
        return longs.get(DELIVERED);
    }

    /** Reader only. */
    void delivered(long seq) {
        longs.setRelease(DELIVERED, seq);
    }

    boolean readerClosed() {
        return longs.get(READER_CLOSED) != 0;
    }

    void closeReader() {
        longs.set(READER_CLOSED, 1);
    }
}
