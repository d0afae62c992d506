package org.kamaelia4j.examples;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/** Multiplies every integer by a factor; finishes on a shutdown message, after what came before it. */
final class Scale extends Component {

    private final int factor;

    Scale(int factor) {
        super(Boxes.builder()
                .inbox(INBOX, "integers to scale")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, "each integer times the factor")
                .outbox(SIGNAL, "the shutdown message, passed on")
                .build());
        this.factor = factor;
    }

    @Override
    protected Step main() {
        Object stop = dataReady(CONTROL) ? recv(CONTROL) : null;   // first: what came before it is in the inbox
        while (dataReady()) {
            send(factor * this.<Integer>recv());
        }
        if (stop instanceof ProducerFinished || stop instanceof ShutdownMicroprocess) {
            send(stop, SIGNAL);
            return Step.DONE;
        }
        return Step.PAUSE;
    }
}
