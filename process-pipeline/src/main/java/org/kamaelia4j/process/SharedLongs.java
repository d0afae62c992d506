package org.kamaelia4j.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A few {@code long}s in a memory-mapped file, read and written with volatile semantics by the
 * JVMs that map it: the counters through which the two ends of a link, and the incarnations of a
 * stage, talk without going through the queue.
 */
final class SharedLongs {

    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class,
            ByteOrder.nativeOrder());

    private final MappedByteBuffer buffer;

    /** Maps {@code count} longs of {@code file}, creating it (zeroed) when absent. */
    SharedLongs(Path file, int count) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            this.buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, (long) count * Long.BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + file, e);
        }
    }

    long get(int slot) {
        return (long) LONGS.getVolatile(buffer, slot * Long.BYTES);
    }

    void set(int slot, long value) {
        LONGS.setVolatile(buffer, slot * Long.BYTES, value);
    }

    void increment(int slot) {
        LONGS.getAndAdd(buffer, slot * Long.BYTES, 1L);
    }

    /**
     * Stores {@code value} with release semantics: everything written before it is visible to a
     * reader that sees it, but, unlike {@link #set}, no full fence follows. For counters that the
     * other side polls.
     */
    void setRelease(int slot, long value) {
        LONGS.setRelease(buffer, slot * Long.BYTES, value);
    }

    /**
     * Adds one with release semantics and no atomic read-modify-write: correct only while a single
     * thread of a single JVM writes this slot (the writing end of a link), much cheaper than
     * {@link #increment} when the slot's cache line is being read by another core.
     */
    void incrementSingleWriter(int slot) {
        int offset = slot * Long.BYTES;
        LONGS.setRelease(buffer, offset, (long) LONGS.getOpaque(buffer, offset) + 1);
    }
}
