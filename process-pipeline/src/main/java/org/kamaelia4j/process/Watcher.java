package org.kamaelia4j.process;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Wakes a paused microprocess when something it waits for changes in shared memory: a link it
 * reads got new excerpts, or the reader of a link it writes made room in the window.
 *
 * <p>A daemon thread polls the given counters; when one differs from the value it last saw it
 * calls the wake action. Since it compares against its own last view, an update that lands while
 * the microprocess is deciding to pause is still seen: no wake-up is lost. While nothing changes
 * it spins briefly, then yields, then parks for doubling intervals up to
 * {@value #MAX_PARK_MICROS} µs, so an idle network costs close to no CPU and a busy one is woken
 * within microseconds.
 */
final class Watcher implements AutoCloseable {

    private static final int SPINS = 200;
    private static final int YIELDS = 20;
    private static final long MIN_PARK_MICROS = 20;
    private static final long MAX_PARK_MICROS = 10_000;

    private final List<LongSupplier> counters;
    private final Runnable wake;
    private final Thread thread;
    private volatile boolean running = true;

    Watcher(String name, List<LongSupplier> counters, Runnable wake) {
        this.counters = List.copyOf(counters);
        this.wake = wake;
        this.thread = Thread.ofPlatform().daemon().name("k4j-watcher-" + name).unstarted(this::watch);
    }

    Watcher start() {
        thread.start();
        return this;
    }

    private void watch() {
        long[] seen = new long[counters.size()];
        java.util.Arrays.fill(seen, Long.MIN_VALUE);
        int idle = 0;
        while (running) {
            boolean changed = false;
            for (int i = 0; i < seen.length; i++) {
                long now = counters.get(i).getAsLong();
                if (now != seen[i]) {
                    seen[i] = now;
                    changed = true;
                }
            }
            if (changed) {
                wake.run();
                idle = 0;
            } else {
                backOff(idle++);
            }
        }
    }

    private static void backOff(int idle) {
        if (idle < SPINS) {
            Thread.onSpinWait();
        } else if (idle < SPINS + YIELDS) {
            Thread.yield();
        } else {
            int doublings = Math.min(idle - SPINS - YIELDS, 16);
            LockSupport.parkNanos(Math.min(MAX_PARK_MICROS, MIN_PARK_MICROS << doublings) * 1000);
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
