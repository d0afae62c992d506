package org.kamaelia4j.components.util;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Gathers every message it receives into a list, for tests and examples; finishes on
 * {@code ProducerFinished}, {@code ShutdownMicroprocess} or an {@code ErrorInformation} (the
 * producer failed), after everything that arrived before it, and passes that message on.
 *
 * <pre>{@code
 * Collector out = new Collector();
 * new Pipeline(new DataSource(1, 2, 3), new Doubler(), out).run();
 * assertEquals(List.of(2, 4, 6), out.collected());
 * }</pre>
 *
 * <p>{@link #collected()} and {@link #awaitCount} may be called from any thread while it runs.
 */
public final class Collector extends Component {

    private final List<Object> collected = new ArrayList<>();
    private volatile Object shutdown;

    /** A collector with the standard boxes. */
    public Collector() {
        super(Boxes.builder()
                .inbox(INBOX, "messages to collect")
                .inbox(CONTROL, "ProducerFinished, ShutdownMicroprocess or ErrorInformation to finish")
                .outbox(OUTBOX, "not used")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
    }

    @Override
    protected Step main() {
        synchronized (collected) {
            while (dataReady()) {
                collected.add(recv());
            }
            collected.notifyAll();
        }
        while (shutdown == null && dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess || m instanceof ErrorInformation) {
                shutdown = m;
            }
        }
        if (shutdown != null && !dataReady()) {
            send(shutdown, SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    /** A snapshot of what arrived so far, in arrival order. */
    public List<Object> collected() {
        synchronized (collected) {
            return List.copyOf(collected);
        }
    }

    /** The shutdown message that finished it, or null while it runs. */
    public Object shutdownMessage() {
        return shutdown;
    }

    /**
     * Waits until at least {@code count} messages arrived, or {@code timeout} passed.
     *
     * @return a snapshot of what arrived
     */
    public List<Object> awaitCount(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (collected) {
            long left;
            while (collected.size() < count && (left = deadline - System.nanoTime()) > 0) {
                collected.wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(collected);
        }
    }
}
