package org.kamaelia4j.components.util;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;

/** Test helper: runs stages in a pipeline ending in a {@link Collector} and returns the collector. */
public final class Pipes {

    /** A hang guard, not a timing assertion. */
    public static final Duration GUARD = Duration.ofSeconds(30);

    private Pipes() {
    }

    /** Runs {@code stages} then a collector on a fresh scheduler of {@code workers}; fails if it hangs. */
    public static Collector run(int workers, Component... stages) {
        return runInto(new Collector(), workers, stages);
    }

    /** Runs {@code stages} then {@code out} on a fresh scheduler of {@code workers}; fails if it hangs. */
    public static Collector runInto(Collector out, int workers, Component... stages) {
        Component[] all = Arrays.copyOf(stages, stages.length + 1);
        all[stages.length] = out;
        Scheduler s = Scheduler.create(workers);
        new Pipeline(all).activate(s);
        assertTrue(s.run(GUARD), "the pipeline did not finish");
        return out;
    }

    /** Waits until {@code c} has finished; fails after {@link #GUARD}. */
    public static void awaitStopped(Component c) {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (!c.isStopped() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertTrue(c.isStopped(), c + " did not finish");
    }
}
