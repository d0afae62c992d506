package org.kamaelia4j.process;

/**
 * The encoded sizes of the messages a link's writer has written and not yet seen delivered, and
 * their sum: the byte half of the window. Messages are numbered consecutively, so a ring of
 * {@code int}s holds them without a per-message object; it grows when the window allows more
 * messages than it has room for.
 *
 * <p>Used by one thread at a time.
 */
final class OutstandingSizes {

    private int[] sizes = new int[64];
    private int head;
    private int count;
    private long firstSeq;
    private long bytes;

    /** Message number {@code seq}, the one after the last added, was written with {@code size} bytes. */
    void add(long seq, int size) {
        if (count == 0) {
            firstSeq = seq;
        } else if (count == sizes.length) {
            grow();
        }
        sizes[(head + count) & (sizes.length - 1)] = size;
        count++;
        bytes += size;
    }

    /** The reader has delivered every message up to number {@code seq}: they no longer count. */
    void deliveredUpTo(long seq) {
        while (count > 0 && firstSeq <= seq) {
            bytes -= sizes[head];
            head = (head + 1) & (sizes.length - 1);
            count--;
            firstSeq++;
        }
    }

    /** The bytes of the messages outstanding. */
    long bytes() {
        return bytes;
    }

    private void grow() {
        int[] larger = new int[sizes.length * 2];
        int tail = sizes.length - head;
        System.arraycopy(sizes, head, larger, 0, tail);
        System.arraycopy(sizes, 0, larger, tail, head);
        sizes = larger;
        head = 0;
    }
}
