package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.ipc.ProducerFinished;

/**
 * Components written the way Axon's examples are (drain {@code inbox}, then look at
 * {@code control}, then finish) lose nothing on several workers: a slice sees a snapshot taken
 * control-first, so a shutdown message is never seen without the data sent before it. Without
 * the snapshot, a producer on another worker can slip data in between the two checks.
 */
@Timeout(120)
class SliceSnapshotStressTest {

    private static final int CHAINS = 4;
    private static final int ROUNDS = 300;
    private static final int MESSAGES = 200;

    @Test
    void drainThenControlComponentsLoseNothingOnTwoWorkers() {
        for (int round = 0; round < ROUNDS; round++) {
            Scheduler s = Scheduler.create(2);
            List<Counter> sinks = new ArrayList<>();
            for (int c = 0; c < CHAINS; c++) {
                Counter sink = new Counter();
                sinks.add(sink);
                new Pipeline(new Burster(MESSAGES), new NaiveRelay(), new NaiveRelay(), sink).activate(s);
            }
            assertTrue(s.run(Duration.ofSeconds(20)), "round " + round + " stalled");
            for (Counter sink : sinks) {
                assertEquals(MESSAGES, sink.count, "round " + round + ": messages that reached the sink");
            }
        }
    }

    /** Sends its messages in small bursts, then ProducerFinished right after the last one. */
    private static final class Burster extends Component {
        private final int n;
        private int sent;

        Burster(int n) {
            this.n = n;
        }

        @Override
        protected Step main() {
            for (int i = 0; i < 7 && sent < n; i++) {
                send(sent++);
            }
            if (sent < n) {
                return Step.CONTINUE;
            }
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
    }

    /**
     * Axon's usual shape: forward everything, then finish if control says so. It does a little
     * work between the two looks, as real components do, which widens the window a producer on
     * the other worker could slip into.
     */
    private static final class NaiveRelay extends Component {
        @Override
        protected Step main() {
            while (dataReady()) {
                send(recv());
            }
            for (int i = 0; i < 200; i++) {
                Thread.onSpinWait();
            }
            if (dataReady(CONTROL)) {
                send(recv(CONTROL), SIGNAL);
                return Step.DONE;
            }
            return Step.PAUSE;
        }
    }

    /** Counts, in the same shape. */
    private static final class Counter extends Component {
        volatile int count;

        @Override
        protected Step main() {
            while (dataReady()) {
                recv();
                count++;
            }
            return dataReady(CONTROL) ? Step.DONE : Step.PAUSE;
        }
    }
}
