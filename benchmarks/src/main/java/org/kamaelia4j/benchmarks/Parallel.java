package org.kamaelia4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Runs the same loop on several platform threads started together and times the whole (internal).
 *
 * <pre>{@code
 * long nanos = Parallel.time(2, 1_000_000, (thread, i) -> accounts.increment(thread));
 * }</pre>
 */
final class Parallel {

    /** One step of thread {@code thread}'s loop, {@code i} counting from 0. */
    @FunctionalInterface
    interface Step {
        void run(int thread, long i);
    }

    private Parallel() {
    }

    /**
     * Runs {@code step} {@code iterations} times on each of {@code threads} threads, released at
     * once by a barrier; returns the nanoseconds from the release until the last thread finished.
     */
    static long time(int threads, long iterations, Step step) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        List<Thread> running = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            running.add(Thread.ofPlatform().name("bench-" + t).start(() -> {
                try {
                    start.await();
                    for (long i = 0; i < iterations; i++) {
                        step.run(thread, i);
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }));
        }
        try {
            start.await();
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("a benchmark thread failed to start", e);
        }
        long begin = System.nanoTime();
        for (Thread t : running) {
            t.join();
        }
        long elapsed = System.nanoTime() - begin;
        synchronized (failure) {
            if (failure[0] != null) {
                throw new IllegalStateException("a benchmark thread failed", failure[0]);
            }
        }
        return elapsed;
    }
}
