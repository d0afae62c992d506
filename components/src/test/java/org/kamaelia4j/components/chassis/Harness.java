package org.kamaelia4j.components.chassis;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;

/** Test helpers: running a scheduler until something holds, and small components to wire to. */
final class Harness {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Harness() {
    }

    /**
     * Runs a one-worker scheduler on this thread in short sessions until {@code condition} holds,
     * failing after a generous time. Between sessions the test thread may touch components freely.
     */
    static void runUntil(Scheduler s, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            s.run(Duration.ofMillis(5));
        }
    }

    /** Runs a one-worker scheduler for a short while: long enough for anything pending to settle. */
    static void runAWhile(Scheduler s) {
        s.run(Duration.ofMillis(40));
    }

    /** Waits (without running anything) until {@code condition} holds, for background schedulers. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(1_000_000);   // leave the cores to the workers
        }
    }

    /**
     * Axon tests' Dummy: never reads or sends by itself; the test sends from it and reads from it.
     * Left unactivated, it is a passive end point the test thread may use while a background
     * scheduler runs (unlike {@code Handle}, it links only what the test links).
     */
    static final class Probe extends Component {
        @Override
        protected Step main() {
            return Step.PAUSE;
        }

        /** Takes everything waiting in {@code inbox}. */
        List<Object> drain(String inbox) {
            List<Object> out = new ArrayList<>();
            while (dataReady(inbox)) {
                out.add(recv(inbox));
            }
            return out;
        }

        /** Waits for the next message in {@code inbox} and takes it; for unactivated probes. */
        <T> T next(String inbox) {
            await(() -> dataReady(inbox), "a message arrives in " + inbox);
            return recv(inbox);
        }
    }

    /** Passes inbox to outbox; finishes on a shutdown message and passes it on. */
    static final class Echo extends Component {
        @Override
        protected Step main() {
            while (dataReady()) {
                send(recv());
            }
            return Shutdowns.forwardedShutdown(this) ? Step.DONE : Step.PAUSE;
        }
    }

    /** Adds a fixed prefix to each message; finishes on shutdown. For telling parallel children apart. */
    static final class Tag extends Component {
        private final String tag;

        Tag(String tag) {
            this.tag = tag;
        }

        @Override
        protected Step main() {
            while (dataReady()) {
                send(tag + recv());
            }
            return Shutdowns.forwardedShutdown(this) ? Step.DONE : Step.PAUSE;
        }
    }
}
