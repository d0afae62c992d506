package org.kamaelia4j.components.util;

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
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

@Timeout(10)
class DataSourceCollectorTest {

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void everyMessageArrivesInOrderThenProducerFinished(int workers) {
        List<Object> numbers = new ArrayList<>(IntStream.range(0, 1000).boxed().toList());
        Collector out = new Collector();
        Scheduler s = Scheduler.create(workers);
        new Pipeline(new DataSource(numbers), out).activate(s);
        assertTrue(s.run(Duration.ofSeconds(8)));
        assertEquals(numbers, out.collected());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void aFullDestinationPausesTheSourceAndLosesNothing(int workers) {
        List<Object> numbers = new ArrayList<>(IntStream.range(0, 500).boxed().toList());
        Collector out = new Collector();
        out.setInboxSize(Component.INBOX, 3);
        Scheduler s = Scheduler.create(workers);
        new Pipeline(new DataSource(numbers), out).activate(s);
        assertTrue(s.run(Duration.ofSeconds(8)));
        assertEquals(numbers, out.collected());
    }

    @Test
    void shutdownStopsTheSourceEarlyAndIsPassedOn() {
        ShutdownMicroprocess stop = new ShutdownMicroprocess();
        Collector out = new Collector();
        Pipeline pipeline = new Pipeline(new DataSource("x", "y"), out);
        Component sender = new Component() {
            @Override
            protected Step main() {
                send(stop);
                return Step.DONE;
            }
        };
        sender.link(sender, Component.OUTBOX, pipeline, Component.CONTROL);
        Scheduler s = Scheduler.create(1);
        sender.activate(s);   // runs first: the shutdown waits in the pipeline's control
        pipeline.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertEquals(List.of(), out.collected(), "the source stopped before sending anything");
        assertEquals(stop, out.shutdownMessage());
    }

    @Test
    void nullMessagesAreRejectedAtConstruction() {
        List<Object> withNull = new ArrayList<>();
        withNull.add("a");
        withNull.add(null);
        NullPointerException e = assertThrows(NullPointerException.class, () -> new DataSource(withNull));
        assertTrue(e.getMessage().contains("DataSource"), e.getMessage());
    }

    @Test
    void awaitCountReturnsOnceEnoughArrived() throws InterruptedException {
        Scheduler s = Scheduler.create(2);
        s.startInBackground();
        try {
            Collector out = new Collector();
            new Pipeline(new DataSource(1, 2, 3), out).activate(s);
            assertEquals(List.of(1, 2, 3), out.awaitCount(3, Duration.ofSeconds(5)));
        } finally {
            s.stop();
        }
    }
}
