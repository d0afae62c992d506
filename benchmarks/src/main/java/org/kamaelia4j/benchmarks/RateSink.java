package org.kamaelia4j.benchmarks;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Counts the messages it receives and notes when the first and the last arrived, so that a
 * throughput is measured in the steady state, after any JVM start-up; finishes on a shutdown
 * message.
 */
final class RateSink extends Component {

    private long count;
    private long first;
    private long last;

    RateSink() {
        super(Boxes.builder()
                .inbox(INBOX, "messages to count")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, "not used")
                .outbox(SIGNAL, "not used")
                .build());
    }

    @Override
    protected Step main() {
        Object stop = dataReady(CONTROL) ? recv(CONTROL) : null;
        while (dataReady()) {
            recv();
            last = System.nanoTime();
            if (count++ == 0) {
                first = last;
            }
        }
        return stop instanceof ProducerFinished || stop instanceof ShutdownMicroprocess ? Step.DONE : Step.PAUSE;
    }

    long count() {
        return count;
    }

    /** Million messages per second from the first arrival to the last. */
    double millionPerSecond() {
        return count < 2 ? Double.NaN : (count - 1) * 1e3 / (last - first);
    }
}
