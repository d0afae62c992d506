package org.kamaelia4j.process;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/** Test stage: doubles integers; keeps a refused message and pauses; finishes on shutdown after its input. */
final class Doubler extends Component {

    private Object held;
    private Object shutdown;

    @Override
    protected Step main() {
        while (held != null || dataReady()) {
            Object next = held != null ? held : 2 * this.<Integer>recv();
            try {
                send(next);
                held = null;
            } catch (BoxFullException full) {
                held = next;
                return Step.PAUSE;
            }
        }
        if (shutdown == null && dataReady(CONTROL)) {
            Object m = recv(CONTROL);
            if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess) {
                shutdown = m;
            }
        }
        if (shutdown != null && !dataReady()) {
            send(shutdown, SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }
}
