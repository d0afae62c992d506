package org.kamaelia4j.components.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Graphline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.components.chassis.Harness.Probe;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;

@Timeout(60)
class FanoutTest {

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    void copiesEveryMessageToEachNamedOutboxLosingNothingWhenOneIsFull(int workers) throws Exception {
        List<Object> numbers = new ArrayList<>(IntStream.range(0, 500).boxed().toList());
        Collector left = new Collector();
        Collector right = new Collector();
        right.setInboxSize(Component.INBOX, 2);
        Fanout fanout = new Fanout("left", "right");
        Graphline g = Graphline.builder()
                .component("source", new DataSource(numbers))
                .component("split", fanout)
                .component("left", left)
                .component("right", right)
                .link("source", Component.OUTBOX, "split", Component.INBOX)
                .link("source", Component.SIGNAL, "split", Component.CONTROL)
                .link("split", "left", "left", Component.INBOX)
                .link("split", "right", "right", Component.INBOX)
                .link("split", Component.SIGNAL, "left", Component.CONTROL)
                .build();
        Scheduler s = Scheduler.create(workers);
        s.startInBackground();
        try {
            g.activate(s);
            assertEquals(numbers, left.awaitCount(numbers.size(), Duration.ofSeconds(30)));
            assertEquals(numbers, right.awaitCount(numbers.size(), Duration.ofSeconds(30)));
            Harness.await(() -> fanout.isStopped() && left.shutdownMessage() != null, "the shutdown passes on");
            assertInstanceOf(ProducerFinished.class, left.shutdownMessage());
        } finally {
            s.stop();
        }
    }

    @Test
    void onlyTheNamedOutboxesGetCopiesAndTheShutdownGoesOutOnSignal() {
        Fanout fanout = new Fanout("a", "b");
        Probe p = new Probe();
        p.link(p, Component.OUTBOX, fanout, Component.INBOX);
        p.link(p, Component.SIGNAL, fanout, Component.CONTROL);
        Probe a = new Probe();
        Probe b = new Probe();
        Probe rest = new Probe();
        a.link(fanout, "a", a, Component.INBOX);
        b.link(fanout, "b", b, Component.INBOX);
        rest.link(fanout, Component.OUTBOX, rest, Component.INBOX);
        rest.link(fanout, Component.SIGNAL, rest, Component.CONTROL);
        Scheduler s = Scheduler.create(1);
        fanout.activate(s);
        p.send("x");
        p.send("y");
        ProducerFinished done = new ProducerFinished();
        p.send("not a shutdown", Component.SIGNAL);
        p.send(done, Component.SIGNAL);
        assertTrue(s.run(Duration.ofSeconds(30)));
        assertEquals(List.of("x", "y"), a.drain(Component.INBOX));
        assertEquals(List.of("x", "y"), b.drain(Component.INBOX));
        assertEquals(List.of(), rest.drain(Component.INBOX), "outbox is not named");
        assertEquals(List.of(done), rest.drain(Component.CONTROL), "only the shutdown goes out on signal");
    }

    @Test
    void badOutboxNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, Fanout::new);
        assertThrows(IllegalArgumentException.class, () -> new Fanout("a", "a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Fanout("a", "signal"));
        assertTrue(e.getMessage().contains("signal"), e.getMessage());
        assertInstanceOf(Fanout.class, new Fanout("outbox"));
    }
}
