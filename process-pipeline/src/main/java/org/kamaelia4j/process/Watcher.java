package org.kamaelia4j.process;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Wakes a paused microprocess when something it waits for changes in shared memory: a link it
 * reads got new excerpts, or the reader of a link it writes made room in the window.
 *
 * <h2>Armed only while the microprocess is paused</h2>
 * While the microprocess runs it reads its queues itself, so the watcher's thread sleeps: on a
 * machine with few cores a thread polling counters that change with every batch would take CPU
 * time from the JVM's workers and contend for the microprocess's state word. Each slice of the
 * microprocess calls {@link #sliceStarting()}, which notes the counters; when the slice ends with
 * nothing to do, {@link #arm()} notes them again. If they moved during the slice, the slice may
 * have missed the change, so {@code arm} refuses and the microprocess runs once more; otherwise
 * the watcher is armed with those values, and any later change, which the slice cannot have
 * seen, wakes the microprocess. The counters only grow, so comparing for difference cannot miss
 * one, even when the thread compares against values from an earlier arming that it has not
 * acted on yet (the microprocess was woken by something else meanwhile): an older value can
 * only cause a spurious wake.
 *
 * <p>Armed, the thread spins briefly, then yields, then parks for {@value #MIN_PARK_MICROS} µs at
 * a time until the wait has lasted {@value #SHORT_WAIT_MICROS} µs, and only then for a quarter of
 * the time waited so far, up to {@value #MAX_PARK_MICROS} µs. A pause between two batches of a busy link is
 * noticed within tens of microseconds (doubling from the first park made those pauses cost
 * 1-2 ms each, and a busy link's JVMs sat idle most of the time), and an idle network costs close
 * to no CPU. It disarms itself before it wakes the microprocess.
 *
 * <p>{@code sliceStarting} and {@code arm} are called from the microprocess's slices only (which
 * never overlap); {@link #close()} from any thread.
 */
final class Watcher implements AutoCloseable {

    private static final int SPINS = 200;
    private static final int YIELDS = 20;
    private static final long MIN_PARK_MICROS = 20;
    private static final long MAX_PARK_MICROS = 10_000;
    private static final long SHORT_WAIT_MICROS = 5_000;

    private final List<LongSupplier> counters;
    private final Runnable wake;
    private final Thread thread;
    private final long[] atSliceStart;
    private final AtomicLongArray armedWith;
    private volatile boolean armed;
    private volatile boolean sleeping;
    private volatile boolean running = true;

    Watcher(String name, List<LongSupplier> counters, Runnable wake) {
        this.counters = List.copyOf(counters);
        this.wake = wake;
        this.atSliceStart = new long[counters.size()];
        this.armedWith = new AtomicLongArray(counters.size());
        Arrays.fill(atSliceStart, Long.MIN_VALUE);   // no slice noted yet: the first arm refuses
        this.thread = Thread.ofPlatform().daemon().name("k4j-watcher-" + name).unstarted(this::watch);
    }

    Watcher start() {
        thread.start();
        return this;
    }

    /** Notes the counters as a slice of the microprocess starts: what that slice can see. */
    void sliceStarting() {
        for (int i = 0; i < atSliceStart.length; i++) {
            atSliceStart[i] = counters.get(i).getAsLong();
        }
    }

    /**
     * Arms the watcher as the microprocess is about to pause; false, and not armed, when a counter
     * moved since {@link #sliceStarting()}: then the microprocess must run again instead of pausing.
     */
    boolean arm() {
        for (int i = 0; i < atSliceStart.length; i++) {
            long now = counters.get(i).getAsLong();
            if (now != atSliceStart[i]) {
                return false;
            }
            armedWith.setOpaque(i, now);
        }
        armed = true;
        if (sleeping) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    private void watch() {
        int idle = 0;
        long waitingSince = 0;
        while (running) {
            if (!armed) {
                sleepUntilArmed();
                idle = 0;
            } else if (moved()) {
                armed = false;
                wake.run();
            } else {
                if (idle == SPINS + YIELDS) {
                    waitingSince = System.nanoTime();
                }
                backOff(idle, waitingSince);
                idle = Math.min(idle + 1, SPINS + YIELDS + 1);   // parking from here on: no overflow
            }
        }
    }

    private boolean moved() {
        for (int i = 0; i < armedWith.length(); i++) {
            if (counters.get(i).getAsLong() != armedWith.getOpaque(i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits for {@link #arm()}, spinning briefly first, as a slice that found nothing to do often
     * follows soon. The flags are volatile, so either {@code arm} sees {@code sleeping} or this
     * sees {@code armed}.
     */
    private void sleepUntilArmed() {
        for (int i = 0; i < SPINS; i++) {
            if (armed) {
                return;
            }
            Thread.onSpinWait();
        }
        sleeping = true;
        if (!armed && running) {
            LockSupport.park(this);
        }
        sleeping = false;
    }

    /** One round of waiting: the {@code idle}-th since arming; parking began at {@code waitingSince}. */
    private static void backOff(int idle, long waitingSince) {
        if (idle < SPINS) {
            Thread.onSpinWait();
        } else if (idle < SPINS + YIELDS) {
            Thread.yield();
        } else {
            long waitedMicros = (System.nanoTime() - waitingSince) / 1000;
            long micros = waitedMicros < SHORT_WAIT_MICROS ? MIN_PARK_MICROS
                    : Math.min(MAX_PARK_MICROS, waitedMicros / 4);   // a quarter of the wait so far
            LockSupport.parkNanos(micros * 1000);
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
