package org.kamaelia4j.examples;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;

/**
 * Sends the integers {@code from..to}, one per slice, then {@code ProducerFinished} on
 * {@code signal}.
 */
final class NumberSource extends Component {

    private final int to;
    private int next;

    NumberSource(int from, int to) {
        super(Boxes.builder()
                .inbox(INBOX, "not used")
                .inbox(CONTROL, "not used")
                .outbox(OUTBOX, "the numbers, in order")
                .outbox(SIGNAL, "ProducerFinished after the last number")
                .build());
        this.next = from;
        this.to = to;
    }

    @Override
    protected Step main() {
        if (next > to) {
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
        send(next++);
        return Step.CONTINUE;
    }
}
