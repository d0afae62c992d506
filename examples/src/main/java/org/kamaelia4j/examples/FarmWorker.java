package org.kamaelia4j.examples;

import java.util.ArrayDeque;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * One worker of a {@link Farm}: a pipeline stage that computes the {@link FarmTask}s that are its
 * own and passes everything else (other workers' tasks, earlier workers' results) straight on.
 *
 * <pre>{@code
 * new Pipeline(new DataSource(tasks), new FarmWorker(0, 2), new FarmWorker(1, 2), collector).run();
 * }</pre>
 *
 * <p>Worker {@code position} of {@code workers} owns the tasks whose {@code index % workers} is
 * {@code position}. Each slice it first empties its inbox, forwarding what is not its own at once
 * so that the workers after it start early, then computes one of its own tasks and yields, so
 * that a long job never holds a scheduler worker for more than one task. When the downstream box
 * is full (a {@code ProcessPipeline} link whose window is used up) it keeps what it could not
 * send and retries when woken, losing nothing. It finishes on {@code ProducerFinished} or
 * {@code ShutdownMicroprocess} once its own tasks are done and everything is sent, passing that
 * message on; an {@code ErrorInformation} from a failed worker before it ends it the same way, so
 * that a failure reaches the end of the farm instead of leaving it waiting.
 */
public final class FarmWorker extends Component {

    private final int position;
    private final int workers;
    private final ArrayDeque<FarmTask<?>> mine = new ArrayDeque<>();
    private final ArrayDeque<Object> outgoing = new ArrayDeque<>();
    private Object shutdown;

    /** Worker {@code position} (from 0) of {@code workers}. */
    public FarmWorker(int position, int workers) {
        super(Boxes.builder()
                .inbox(INBOX, "FarmTasks, and results of workers before this one")
                .inbox(CONTROL, "ProducerFinished, ShutdownMicroprocess or ErrorInformation: finish after the work")
                .outbox(OUTBOX, "results, and everything that is not this worker's to compute")
                .outbox(SIGNAL, "the shutdown message, passed on at the end")
                .build());
        if (workers < 1 || position < 0 || position >= workers) {
            throw new IllegalArgumentException("FarmWorker: position must be in 0.." + (workers - 1) + " of "
                    + workers + " workers, got " + position);
        }
        this.position = position;
        this.workers = workers;
    }

    @Override
    protected Step main() {
        while (dataReady()) {
            Object m = recv();
            if (m instanceof FarmTask<?> task && Math.floorMod(task.index(), workers) == position) {
                mine.add(task);
            } else {
                outgoing.add(m);
            }
        }
        while (shutdown == null && dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess
                    || m instanceof ErrorInformation) {
                shutdown = m;
            }
        }
        flush();
        if (!mine.isEmpty()) {
            outgoing.add(mine.removeFirst().compute());
            flush();
            return Step.CONTINUE;
        }
        if (outgoing.isEmpty() && shutdown != null) {
            try {
                send(shutdown, SIGNAL);
            } catch (BoxFullException full) {
                return Step.PAUSE;
            }
            return Step.DONE;
        }
        return Step.PAUSE;
    }

    /** Sends what waits, in order, until the destination refuses a message (which stays first). */
    private void flush() {
        try {
            while (!outgoing.isEmpty()) {
                send(outgoing.peekFirst());
                outgoing.removeFirst();
            }
        } catch (BoxFullException full) {
            // kept; the recv that frees space downstream wakes this worker
        }
    }
}
