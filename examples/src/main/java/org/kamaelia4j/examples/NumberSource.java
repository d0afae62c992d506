package org.kamaelia4j.examples;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Sends the integers {@code from..to}, a few per slice, then {@code ProducerFinished} on
 * {@code signal}; a {@code ShutdownMicroprocess} on {@code control} stops it early and is passed
 * on instead.
 *
 * <pre>{@code
 * new Pipeline(new NumberSource(1, 10), new Printer(System.out, "")).run();
 * }</pre>
 *
 * <p>When its destination is a full bounded inbox it keeps the refused number and pauses until a
 * {@code recv} there wakes it, so a slow consumer holds it back and nothing is lost.
 */
final class NumberSource extends Component {

    private final int to;
    private final int perSlice;
    private int next;

    /** The numbers {@code from..to}, one per slice. */
    NumberSource(int from, int to) {
        this(from, to, 1);
    }

    /** The numbers {@code from..to}, up to {@code perSlice} per slice. */
    NumberSource(int from, int to, int perSlice) {
        super(Boxes.builder()
                .inbox(INBOX, "not used")
                .inbox(CONTROL, "ShutdownMicroprocess to stop early")
                .outbox(OUTBOX, "the numbers, in order")
                .outbox(SIGNAL, "ProducerFinished after the last number, or the ShutdownMicroprocess received")
                .build());
        if (perSlice < 1) {
            throw new IllegalArgumentException("NumberSource: perSlice must be at least 1, got " + perSlice);
        }
        this.next = from;
        this.to = to;
        this.perSlice = perSlice;
    }

    @Override
    protected Step main() {
        if (dataReady(CONTROL) && recv(CONTROL) instanceof ShutdownMicroprocess stop) {
            send(stop, SIGNAL);
            return Step.DONE;
        }
        for (int i = 0; i < perSlice && next <= to; i++) {
            try {
                send(next);
            } catch (BoxFullException full) {
                return Step.PAUSE;
            }
            next++;
        }
        if (next > to || next < 0) {      // next < 0: counted past Integer.MAX_VALUE
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
        return Step.CONTINUE;
    }
}
