package org.kamaelia4j.stm;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A store's commit clock (internal): a counter that every multi-key read reads and every commit
 * ticks, on a cache line of its own.
 *
 * <p>The clock is the one word all commits write, so it must not share a cache line with anything
 * else a transaction touches (the store's key map, say): each tick would otherwise evict that data
 * from the other cores. The count lives in the middle of an array of 15 longs, with 56 bytes on
 * either side, so whatever the JVM puts next to the array cannot land on the counter's line.
 */
final class CommitClock {

    private static final int SLOT = 7;

    private final AtomicLongArray words = new AtomicLongArray(2 * SLOT + 1);

    /** The current value: the stamp of the newest commit. */
    long get() {
        return words.get(SLOT);
    }

    /** Moves the clock on by one and returns the new value. */
    long tick() {
        return words.incrementAndGet(SLOT);
    }
}
