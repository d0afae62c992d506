package org.kamaelia4j.process;

import java.nio.file.Path;

/**
 * The counters two ends of a link share besides the queue itself: how many excerpts were ever
 * appended (so that a waiting reader's watcher notices new data without touching the queue), the
 * sequence number of the last message the reader handed to its component (the writer's window is
 * measured from it), and whether the reader has finished for good (then the writer drops messages
 * instead of waiting for room).
 */
final class LinkState {

    private static final int APPENDS = 0;
    private static final int DELIVERED = 1;
    private static final int READER_CLOSED = 2;

    private final SharedLongs longs;

    LinkState(Path file) {
        this.longs = new SharedLongs(file, 3);
    }

    long appends() {
        return longs.get(APPENDS);
    }

    void appended() {
        longs.increment(APPENDS);
    }

    long delivered() {
        return longs.get(DELIVERED);
    }

    void delivered(long seq) {
        longs.set(DELIVERED, seq);
    }

    boolean readerClosed() {
        return longs.get(READER_CLOSED) != 0;
    }

    void closeReader() {
        longs.set(READER_CLOSED, 1);
    }
}
