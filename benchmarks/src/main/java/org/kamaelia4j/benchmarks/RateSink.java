package org.kamaelia4j.benchmarks;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Counts the messages it receives and notes when the first timed one and the last arrived, so that
 * a throughput is measured in the steady state: after any JVM start-up, and after the first
 * {@code warmUp} messages, during which the JIT compilers of every JVM involved are still at work.
 * The last arrival is timed at the end of the slice that took it. Finishes on a shutdown message.
 */
final class RateSink extends Component {

    private final long warmUp;
    private long count;
    private long first;
    private long last;

    /** @param warmUp how many messages arrive before the clock starts */
    RateSink(long warmUp) {
        super(Boxes.builder()
                .inbox(INBOX, "messages to count")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, "not used")
                .outbox(SIGNAL, "not used")
                .build());
        this.warmUp = warmUp;
    }

    @Override
    protected Step main() {
        Object stop = dataReady(CONTROL) ? recv(CONTROL) : null;
        long before = count;
        while (dataReady()) {
            recv();
            if (count++ == warmUp) {
                first = System.nanoTime();
            }
        }
        if (count != before) {
            last = System.nanoTime(); // once per slice: a clock read per message cost the sink more than a hop
        }
        return stop instanceof ProducerFinished || stop instanceof ShutdownMicroprocess ? Step.DONE : Step.PAUSE;
    }

    long count() {
        return count;
    }

    /** Million messages per second from the first timed arrival to the last. */
    double millionPerSecond() {
        long timed = count - warmUp - 1;
        return timed < 1 ? Double.NaN : timed * 1e3 / (last - first);
    }
}
