package org.kamaelia4j.benchmarks;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Passes every message from {@code inbox} to {@code outbox} unchanged: the stage of the
 * process-link workloads. When its outbox is full it keeps the message and pauses until woken;
 * a shutdown message on {@code control} is passed on after everything before it.
 */
final class Echo extends Component {

    private Object pending;
    private Object stop;

    Echo() {
        super(Boxes.builder()
                .inbox(INBOX, "messages to pass on")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, "the same messages, in order")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
    }

    @Override
    protected Step main() {
        if (stop == null && dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            stop = m instanceof ProducerFinished || m instanceof ShutdownMicroprocess ? m : null;
        }
        while (pending != null || dataReady()) {
            if (pending == null) {
                pending = recv();
            }
            try {
                send(pending);
            } catch (BoxFullException full) {
                return Step.PAUSE;
            }
            pending = null;
        }
        if (stop != null) {
            try {
                send(stop, SIGNAL);
            } catch (BoxFullException full) {
                return Step.PAUSE;
            }
            return Step.DONE;
        }
        return Step.PAUSE;
    }
}
