package org.kamaelia4j.tools.web;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * A demo worker for the web UI test: doubles the numbers arriving on {@code inbox} (as longs); finishes on
 * {@code ProducerFinished} or {@code ShutdownMicroprocess}, forwarding it on {@code signal}.
 *
 * <pre>{@code
 * new Pipeline(new Ticker(20), new Doubler(), new Tally()).activate(scheduler);
 * }</pre>
 */
final class Doubler extends Component {

    /** A number that did not fit into the next inbox, kept until there is room. */
    private Object held;

    Doubler() {
        super(Boxes.builder()
                .inbox(INBOX, "numbers to double")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess ends it")
                .outbox(OUTBOX, "the doubled numbers")
                .outbox(SIGNAL, "forwards the message that ended it")
                .build());
    }

    @Override
    protected Step main() {
        while (held != null || dataReady()) {
            Object next = held != null ? held : (Object) (2 * this.<Number>recv().longValue());
            try {
                send(next);
                held = null;
            } catch (BoxFullException full) {
                held = next;
                return Step.PAUSE;
            }
        }
        if (dataReady(CONTROL)) {
            Object message = recv(CONTROL);
            if (message instanceof ProducerFinished || message instanceof ShutdownMicroprocess) {
                send(message, SIGNAL);
                return Step.DONE;
            }
        }
        return Step.PAUSE;
    }
}
