package org.kamaelia4j.axon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Tiny components shared by the axon-core tests. Every helper is thread-safe where tests read it
 * from another thread (multi-worker schedulers): observed values live in concurrent collections.
 *
 * <p>Owned by the component/scheduler test suite; other tests may use it but do not edit it.
 */
public final class TestComponents {

    private TestComponents() {
    }

    /** Scheduler factories for parameterized contract tests: one worker and three workers. */
    public static Stream<Integer> workerCounts() {
        return Stream.of(1, 3);
    }

    /** True for the two standard shutdown messages. */
    public static boolean isShutdown(Object m) {
        return m instanceof ProducerFinished || m instanceof ShutdownMicroprocess;
    }

    /** A component with the standard boxes that does nothing but pause: for box/link tests. */
    public static class Passive extends Component {
        public Passive() {
        }

        public Passive(Boxes boxes) {
            super(boxes);
        }

        @Override
        protected Step main() {
            return Step.PAUSE;
        }
    }

    /**
     * Sends each given item on "outbox" (one per slice), then a {@link ProducerFinished} on
     * "signal", and finishes.
     */
    public static final class Source extends Component {
        private final List<Object> items;
        private int next;

        public Source(List<?> items) {
            this.items = new ArrayList<>(items);
        }

        public Source(Object... items) {
            this(List.of(items));
        }

        /** Sends the integers from {@code from} to {@code to} inclusive. */
        public static Source range(int from, int to) {
            List<Object> l = new ArrayList<>();
            for (int i = from; i <= to; i++) {
                l.add(i);
            }
            return new Source(l);
        }

        @Override
        protected Step main() {
            if (next < items.size()) {
                send(items.get(next++), OUTBOX);
                return Step.CONTINUE;
            }
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
    }

    /**
     * Collects everything arriving on "inbox"; on a shutdown message on "control" it forwards it
     * on "signal" and finishes. {@link #awaitCount} and {@link #awaitDone} let tests wait.
     */
    public static final class Collector extends Component {
        public final List<Object> received = new CopyOnWriteArrayList<>();
        public final List<Object> control = new CopyOnWriteArrayList<>();
        private final CountDownLatch done = new CountDownLatch(1);

        @Override
        protected Step main() {
            while (dataReady(INBOX)) {
                received.add(recv(INBOX));
            }
            while (dataReady(CONTROL)) {
                Object m = recv(CONTROL);
                control.add(m);
                if (isShutdown(m)) {
                    send(m, SIGNAL);
                    done.countDown();
                    return Step.DONE;
                }
            }
            return Step.PAUSE;
        }

        /** Waits until at least {@code n} messages were collected; false on timeout. */
        public boolean awaitCount(int n, long millis) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (received.size() < n) {
                if (System.nanoTime() > end) {
                    return false;
                }
                Thread.sleep(1);
            }
            return true;
        }

        /** Waits until a shutdown message was handled; false on timeout. */
        public boolean awaitDone(long millis) throws InterruptedException {
            return done.await(millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Axon's MockChild: notes its first slice, then sleeps until told to stop. Never reads. */
    public static final class MockChild extends Component {
        public volatile boolean wasActivated;
        private volatile boolean stopNow;

        public void stopNow() {
            stopNow = true;
            unpause();
        }

        @Override
        protected Step main() {
            wasActivated = true;
            return stopNow ? Step.DONE : Step.PAUSE;
        }
    }

    /** The design's Doubler: doubles integers, drains its inbox before it forwards a shutdown. */
    public static final class Doubler extends Component {
        @Override
        protected Step main() {
            while (dataReady()) {
                send(2 * this.<Integer>recv());
            }
            if (dataReady(CONTROL)) {
                Object m = recv(CONTROL);
                if (isShutdown(m)) {
                    while (dataReady()) {
                        send(2 * this.<Integer>recv());
                    }
                    send(m, SIGNAL);
                    return Step.DONE;
                }
            }
            return Step.PAUSE;
        }
    }

    /** Passes "inbox" to "outbox" unchanged; forwards a shutdown from "control" to "signal". */
    public static final class Forwarder extends Component {
        @Override
        protected Step main() {
            while (dataReady(INBOX)) {
                send(recv(INBOX), OUTBOX);
            }
            if (dataReady(CONTROL)) {
                Object m = recv(CONTROL);
                if (isShutdown(m)) {
                    send(m, SIGNAL);
                    return Step.DONE;
                }
            }
            return Step.PAUSE;
        }
    }

    /**
     * Runs {@code slices} slices returning CONTINUE, then DONE; records its label into a shared
     * log at each slice (for scheduling order tests) and counts its slices.
     */
    public static final class Counter extends Component {
        public final AtomicInteger slicesRun = new AtomicInteger();
        private final int slices;
        private final String label;
        private final List<String> log;

        public Counter(int slices) {
            this(slices, null, null);
        }

        public Counter(int slices, String label, List<String> log) {
            this.slices = slices;
            this.label = label;
            this.log = log;
        }

        @Override
        protected Step main() {
            int n = slicesRun.incrementAndGet();
            if (log != null) {
                log.add(label);
            }
            return n >= slices ? Step.DONE : Step.CONTINUE;
        }
    }

    /** Throws the given exception in its {@code throwOnSlice}-th slice (1-based). */
    public static final class Thrower extends Component {
        public final AtomicInteger slicesRun = new AtomicInteger();
        private final RuntimeException exception;
        private final int throwOnSlice;

        public Thrower(RuntimeException exception) {
            this(exception, 1);
        }

        public Thrower(RuntimeException exception, int throwOnSlice) {
            this.exception = exception;
            this.throwOnSlice = throwOnSlice;
        }

        @Override
        protected Step main() {
            if (slicesRun.incrementAndGet() >= throwOnSlice) {
                throw exception;
            }
            return Step.CONTINUE;
        }
    }

    /** Functional body for {@link Lambda}: one slice of the given component. */
    @FunctionalInterface
    public interface Body {
        Step step(Lambda self) throws Exception;
    }

    /** A component whose slice is a lambda; handy for one-off behaviours in tests. */
    public static final class Lambda extends Component {
        public final AtomicInteger slicesRun = new AtomicInteger();
        private final Body body;

        public Lambda(Body body) {
            this.body = body;
        }

        public Lambda(Boxes boxes, Body body) {
            super(boxes);
            this.body = body;
        }

        @Override
        protected Step main() throws Exception {
            slicesRun.incrementAndGet();
            return body.step(this);
        }

        /** Exposes the protected {@link Component#childrenDone()} to the lambda. */
        public boolean areChildrenDone() {
            return childrenDone();
        }
    }

    /** A plain microprocess (not a component) running {@code slices} slices. */
    public static final class CountingMicroprocess extends Microprocess {
        public final AtomicInteger slicesRun = new AtomicInteger();
        private final int slices;

        public CountingMicroprocess(int slices) {
            this.slices = slices;
        }

        @Override
        protected Step main() {
            return slicesRun.incrementAndGet() >= slices ? Step.DONE : Step.CONTINUE;
        }
    }

    /** An immutable copy of a list, for assertions on concurrently filled lists. */
    public static <T> List<T> snapshot(List<T> l) {
        return Collections.unmodifiableList(new ArrayList<>(l));
    }
}
