package org.kamaelia4j.benchmarks;

import java.util.Arrays;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Receives {@code nanoTime} stamps from another JVM of the machine and records how long each took
 * to arrive; negative (warm-up) stamps are left out. Finishes on a shutdown message.
 */
final class LatencySink extends Component {

    private long[] latencies;
    private int count;

    LatencySink(int expected) {
        super(Boxes.builder()
                .inbox(INBOX, "nanoTime stamps from the sender")
                .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess to finish")
                .outbox(OUTBOX, "not used")
                .outbox(SIGNAL, "not used")
                .build());
        this.latencies = new long[Math.max(1, expected)];
    }

    @Override
    protected Step main() {
        Object stop = dataReady(CONTROL) ? recv(CONTROL) : null;
        while (dataReady()) {
            long stamp = this.<Long>recv();
            long now = System.nanoTime();
            if (stamp > 0) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, 2 * count);
                }
                latencies[count++] = now - stamp;
            }
        }
        return stop instanceof ProducerFinished || stop instanceof ShutdownMicroprocess ? Step.DONE : Step.PAUSE;
    }

    /** The {@code fraction} quantile (0.5 for the median) of the recorded latencies, in microseconds. */
    double percentileMicros(double fraction) {
        if (count == 0) {
            throw new IllegalStateException("no latency was recorded");
        }
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return sorted[Math.min(count - 1, (int) (fraction * count))] / 1e3;
    }
}
