package org.kamaelia4j.benchmarks;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;

/**
 * Sends {@code n} small messages made as they go, alternately a {@code Long} and a short
 * {@code String} (what the raw Chronicle baseline of {@link ProcessLinkThroughput} writes), then
 * {@code ProducerFinished}. Made on the fly rather than held in a list, so that the parent JVM's
 * heap holds no millions of live messages for its collector to copy, which the raw baseline does
 * not have either; when its destination is bounded and full it keeps the message and pauses.
 */
final class LinkMessages extends Component {

    private static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};

    private final long n;
    private long next;

    LinkMessages(long n) {
        super(Boxes.builder()
                .inbox(INBOX, "not used")
                .inbox(CONTROL, "not used")
                .outbox(OUTBOX, "the messages: a Long, a short String, a Long, ...")
                .outbox(SIGNAL, "ProducerFinished once all are sent")
                .build());
        this.n = n;
    }

    /** Message number {@code i}. */
    static Object message(long i) {
        return (i & 1) == 0 ? (Object) i : WORDS[(int) (i >> 1) & 7];
    }

    @Override
    protected Step main() {
        try {
            for (int i = 0; i < 256 && next < n; i++) {
                send(message(next));
                next++;
            }
        } catch (BoxFullException full) {
            return Step.PAUSE;
        }
        if (next < n) {
            return Step.CONTINUE;
        }
        send(new ProducerFinished(this, null), SIGNAL);
        return Step.DONE;
    }
}
