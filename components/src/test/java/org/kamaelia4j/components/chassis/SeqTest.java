package org.kamaelia4j.components.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamaelia4j.components.chassis.Harness.runAWhile;
import static org.kamaelia4j.components.chassis.Harness.runUntil;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.chassis.Harness.Echo;
import org.kamaelia4j.components.chassis.Harness.Probe;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;

@Timeout(60)
class SeqTest {

    /** Passes on {@code n} messages, then finishes by itself. */
    static final class TakeN extends Component {
        private int left;

        TakeN(int n) {
            this.left = n;
        }

        @Override
        protected Step main() {
            while (left > 0 && dataReady()) {
                send(recv());
                left--;
            }
            return left == 0 ? Step.DONE : Step.PAUSE;
        }
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    void runsComponentsOneAfterAnotherThenSendsProducerFinished(int workers) {
        Seq seq = new Seq(new DataSource(1, 2), new DataSource(3), new DataSource(4, 5));
        Collector out = new Collector();
        Scheduler s = Scheduler.create(workers);
        new Pipeline(seq, out).activate(s);
        assertTrue(s.run(Duration.ofSeconds(30)));
        assertEquals(List.of(1, 2, 3, 4, 5), out.collected(), "in order: one component's signal does not end the Seq");
        ProducerFinished done = assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
        assertSame(seq, done.caller());
    }

    @Test
    void inboxGoesToTheRunningComponentAndWaitsBetweenComponents() {
        TakeN first = new TakeN(2);
        TakeN second = new TakeN(3);
        Seq seq = new Seq(first, second);
        Probe in = new Probe();
        Probe out = new Probe();
        in.link(in, Component.OUTBOX, seq, Component.INBOX);
        out.link(seq, Component.OUTBOX, out, Component.INBOX);
        out.link(seq, Component.SIGNAL, out, Component.CONTROL);
        Scheduler s = Scheduler.create(1);
        seq.activate(s);
        in.send("a");
        in.send("b");
        runUntil(s, first::isStopped, "the first component finishes");
        in.send("c");     // lands in the Seq's own inbox if the second has not started yet, else in its inbox
        runUntil(s, () -> second.scheduler() != null, "the second starts");
        in.send("d");
        in.send("e");
        runUntil(s, seq::isStopped, "the Seq finishes");
        assertEquals(List.of("a", "b", "c", "d", "e"), out.drain(Component.INBOX));
        assertInstanceOf(ProducerFinished.class, out.drain(Component.CONTROL).get(0));
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    void producerFinishedReachesEveryComponentSoConsumersFinish(int workers) {
        Collector out = new Collector();
        Scheduler s = Scheduler.create(workers);
        new Pipeline(new DataSource(1, 2, 3), new Seq(new Echo(), new Echo()), out).activate(s);
        assertTrue(s.run(Duration.ofSeconds(30)), "the second Echo got ProducerFinished as it started");
        assertEquals(List.of(1, 2, 3), out.collected());
    }

    @Test
    void shutdownStopsTheRunningComponentAndSkipsTheRest() {
        Echo first = new Echo();
        Echo second = new Echo();
        Seq seq = new Seq(first, second);
        Probe driver = new Probe();
        driver.link(driver, Component.OUTBOX, seq, Component.CONTROL);
        driver.link(seq, Component.SIGNAL, driver, Component.CONTROL);
        Scheduler s = Scheduler.create(1);
        seq.activate(s);
        runUntil(s, () -> first.scheduler() != null, "the first runs");
        ShutdownMicroprocess stop = new ShutdownMicroprocess();
        driver.send(stop);
        runUntil(s, seq::isStopped, "the Seq finishes");
        assertTrue(first.isStopped());
        assertNull(second.scheduler(), "the second was never started");
        assertEquals(List.of(stop), driver.drain(Component.CONTROL));
        runAWhile(s);
    }

    @Test
    void needsDistinctComponents() {
        assertThrows(IllegalArgumentException.class, Seq::new);
        Echo e = new Echo();
        assertThrows(IllegalArgumentException.class, () -> new Seq(e, e));
    }
}
