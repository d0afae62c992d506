package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.ipc.ProducerFinished;

/**
 * Back-pressure across workers: chains of tiny bounded inboxes, nested Pipelines (so messages
 * also move on through passthrough inboxes), four chains at once on two workers, many rounds.
 * Limits of 100 and 1,000 exceed the inbox queue's 64-slot chunk, so full inboxes span chunks.
 * A lost back-pressure wake-up leaves a producer paused with room downstream and the run times
 * out; a reordering or loss shows in the sink's count and sequence.
 */
@Timeout(120)
class BackPressureStressTest {

    private static final int CHAINS = 4;
    private static final int MESSAGES = 20_000;
    private static final int ROUNDS = 15;

    @ParameterizedTest(name = "inbox limit {0}")
    @ValueSource(ints = {1, 4, 16, 100, 1000})
    void everyMessageArrivesInOrderAndNothingStalls(int limit) {
        for (int round = 0; round < ROUNDS; round++) {
            Scheduler s = Scheduler.create(2);
            List<Sink> sinks = new ArrayList<>();
            for (int c = 0; c < CHAINS; c++) {
                Relay first = new Relay();
                Relay second = new Relay();
                Sink sink = new Sink();
                first.setInboxSize(Component.INBOX, limit);
                second.setInboxSize(Component.INBOX, limit);
                sink.setInboxSize(Component.INBOX, limit);
                sinks.add(sink);
                new Pipeline(new Source(MESSAGES), first, new Pipeline(second), sink).activate(s);
            }
            boolean finished = s.run(Duration.ofSeconds(20));
            assertTrue(finished, "round " + round + ": stalled with " + s.microprocesses());
            for (Sink sink : sinks) {
                assertEquals(MESSAGES, sink.received, "round " + round + ": messages received");
                assertTrue(sink.inOrder, "round " + round + ": messages arrived out of order");
            }
        }
    }

    /** Sends 0..n-1 in bursts; keeps a refused message and pauses until woken. */
    private static final class Source extends Component {
        private final int n;
        private int next;

        Source(int n) {
            this.n = n;
        }

        @Override
        protected Step main() {
            for (int burst = 0; burst < 100 && next < n; burst++) {
                try {
                    send(next);
                } catch (BoxFullException full) {
                    return Step.PAUSE;
                }
                next++;
            }
            if (next < n) {
                return Step.CONTINUE;
            }
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
    }

    /** Forwards everything, holding a refused message; reads control first, then drains. */
    private static final class Relay extends Component {
        private Object held;
        private Object shutdown;

        @Override
        protected Step main() {
            if (shutdown == null && dataReady(CONTROL)) {
                shutdown = recv(CONTROL);
            }
            while (held != null || dataReady()) {
                Object m = held != null ? held : recv();
                try {
                    send(m);
                    held = null;
                } catch (BoxFullException full) {
                    held = m;
                    return Step.PAUSE;
                }
            }
            if (shutdown != null) {
                send(shutdown, SIGNAL);
                return Step.DONE;
            }
            return Step.PAUSE;
        }
    }

    /** Counts and checks the sequence; reads control first, then drains. */
    private static final class Sink extends Component {
        volatile int received;
        volatile boolean inOrder = true;
        private boolean stopping;

        @Override
        protected Step main() {
            if (dataReady(CONTROL)) {
                recv(CONTROL);
                stopping = true;
            }
            while (dataReady()) {
                int v = recv();
                if (v != received) {
                    inOrder = false;
                }
                received++;
            }
            return stopping ? Step.DONE : Step.PAUSE;
        }
    }
}
