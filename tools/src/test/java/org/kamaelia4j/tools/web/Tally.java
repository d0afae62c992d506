package org.kamaelia4j.tools.web;

import java.util.concurrent.atomic.AtomicLong;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * A demo sink for the web UI test: counts what arrives on {@code inbox}; finishes on {@code ProducerFinished}
 * or {@code ShutdownMicroprocess}, forwarding it on {@code signal}.
 *
 * <pre>{@code
 * Tally tally = new Tally();
 * new Pipeline(new Ticker(20), new Doubler(), tally).activate(scheduler);
 * tally.count();                          // grows while the pipeline runs
 * }</pre>
 */
final class Tally extends Component {

    private final AtomicLong count = new AtomicLong();

    Tally() {
        super(Boxes.builder()
                .inbox(INBOX, "anything, counted")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess ends it")
                .outbox(OUTBOX, "unused")
                .outbox(SIGNAL, "forwards the message that ended it")
                .build());
    }

    /** How many messages arrived so far; any thread. */
    long count() {
        return count.get();
    }

    @Override
    protected Step main() {
        while (dataReady()) {
            recv();
            count.incrementAndGet();
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
