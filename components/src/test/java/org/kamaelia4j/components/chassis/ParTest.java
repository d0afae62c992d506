package org.kamaelia4j.components.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamaelia4j.components.chassis.Harness.runAWhile;
import static org.kamaelia4j.components.chassis.Harness.runUntil;

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
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.chassis.Harness.Echo;
import org.kamaelia4j.components.chassis.Harness.Probe;
import org.kamaelia4j.components.chassis.Harness.Tag;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;

@Timeout(60)
class ParTest {

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    void inboxIsCopiedToEveryChildAndOutputsMerge(int workers) {
        Collector out = new Collector();
        Scheduler s = Scheduler.create(workers);
        new Pipeline(new DataSource(1, 2, 3), new Par(new Tag("a"), new Tag("b")), out).activate(s);
        assertTrue(s.run(Duration.ofSeconds(30)), "ProducerFinished reaches both children, then the Par ends");
        List<Object> got = out.collected();
        assertEquals(List.of("a1", "a2", "a3"), got.stream().filter(m -> ((String) m).startsWith("a")).toList());
        assertEquals(List.of("b1", "b2", "b3"), got.stream().filter(m -> ((String) m).startsWith("b")).toList());
        assertEquals(6, got.size());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
    }

    @Test
    void sendsOneProducerFinishedOfItsOwnWhenEveryChildEnded() {
        Par par = new Par(new DataSource(1), new DataSource(2));
        Probe out = new Probe();
        out.link(par, Component.OUTBOX, out, Component.INBOX);
        out.link(par, Component.SIGNAL, out, Component.CONTROL);
        Scheduler s = Scheduler.create(1);
        par.activate(s);
        assertTrue(s.run(Duration.ofSeconds(30)));
        assertEquals(List.of(1, 2), out.drain(Component.INBOX).stream().sorted().toList());
        List<Object> signals = out.drain(Component.CONTROL);
        assertEquals(1, signals.size(), "the children's signals lead nowhere: " + signals);
        assertSame(par, ((ProducerFinished) signals.get(0)).caller());
    }

    @Test
    void shutdownGoesToEveryChildAndTheParWaitsForThem() {
        Echo a = new Echo();
        Echo b = new Echo();
        Par par = new Par(a, b);
        Probe driver = new Probe();
        driver.link(driver, Component.OUTBOX, par, Component.CONTROL);
        driver.link(par, Component.SIGNAL, driver, Component.CONTROL);
        Scheduler s = Scheduler.create(1);
        par.activate(s);
        runAWhile(s);
        ShutdownMicroprocess stop = new ShutdownMicroprocess();
        driver.send(stop);
        runUntil(s, par::isStopped, "the Par finishes");
        assertTrue(a.isStopped() && b.isStopped());
        assertEquals(List.of(stop), driver.drain(Component.CONTROL));
    }

    @Test
    void everyControlMessageIsCopiedToEveryChild() {
        Probe a = new Probe();
        Probe b = new Probe();
        Par par = new Par(a, b);
        Probe driver = new Probe();
        driver.link(driver, Component.OUTBOX, par, Component.CONTROL);
        Scheduler s = Scheduler.create(1);
        par.activate(s);
        driver.send("hello");
        runUntil(s, () -> a.dataReady(Component.CONTROL) && b.dataReady(Component.CONTROL), "both get it");
        assertEquals(List.of("hello"), a.drain(Component.CONTROL));
        assertEquals(List.of("hello"), b.drain(Component.CONTROL));
        assertTrue(!par.isStopped(), "a message that is not a shutdown ends nothing");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    void fullChildInboxesHoldCopiesBackAndLoseNothing(int workers) {
        List<Object> numbers = new ArrayList<>(IntStream.range(0, 500).boxed().toList());
        Collector a = new Collector();
        Collector b = new Collector();
        a.setInboxSize(Component.INBOX, 3);
        b.setInboxSize(Component.INBOX, 1);
        Scheduler s = Scheduler.create(workers);
        new Pipeline(new DataSource(numbers), new Par(a, b)).activate(s);
        assertTrue(s.run(Duration.ofSeconds(30)));
        assertEquals(numbers, a.collected());
        assertEquals(numbers, b.collected());
    }

    @Test
    void needsDistinctComponents() {
        assertThrows(IllegalArgumentException.class, Par::new);
        Echo e = new Echo();
        assertThrows(IllegalArgumentException.class, () -> new Par(e, e));
    }
}
