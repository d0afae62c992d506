package org.kamaelia4j.components.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Graphline;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/** Components with more than one inbox or outbox: splitter, turnstile, comparator, lossy connector. */
@Timeout(60)
class RoutingTest {

    private static final List<Object> NUMBERS = new ArrayList<>(IntStream.range(0, 500).boxed().toList());

    private final Scheduler scheduler = Scheduler.create(2);

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void twoWaySplitterFeedsBothSidesFullyAtTheSlowerOnesPace(int workers) {
        Collector a = new Collector();
        Collector b = new Collector();
        b.setInboxSize(Component.INBOX, 1);
        Graphline g = Graphline.builder()
                .component("SRC", new DataSource(NUMBERS))
                .component("SPLIT", new TwoWaySplitter())
                .component("A", a)
                .component("B", b)
                .link("SRC", Component.OUTBOX, "SPLIT", Component.INBOX)
                .link("SRC", Component.SIGNAL, "SPLIT", Component.CONTROL)
                .link("SPLIT", Component.OUTBOX, "A", Component.INBOX)
                .link("SPLIT", TwoWaySplitter.OUTBOX2, "B", Component.INBOX)
                .link("SPLIT", Component.SIGNAL, "A", Component.CONTROL)
                .link("SPLIT", TwoWaySplitter.SIGNAL2, "B", Component.CONTROL)
                .build();
        Scheduler s = Scheduler.create(workers);
        g.activate(s);
        assertTrue(s.run(Pipes.GUARD));
        assertEquals(NUMBERS, a.collected());
        assertEquals(NUMBERS, b.collected());
        assertInstanceOf(ProducerFinished.class, b.shutdownMessage());
    }

    @Test
    void promptedTurnstileLetsOneThroughPerPromptAndCountsEarlyPrompts() throws Exception {
        scheduler.startInBackground();
        Handle h = Handle.activate(new PromptedTurnstile(), scheduler);
        h.put("a");
        h.put("b");
        h.put("c");
        assertNull(h.get(java.time.Duration.ofMillis(50)), "nothing passes without a prompt");
        h.put("go", PromptedTurnstile.NEXT);
        assertEquals("a", h.get(Pipes.GUARD));
        h.put("go", PromptedTurnstile.NEXT);
        h.put("go", PromptedTurnstile.NEXT);
        h.put("go", PromptedTurnstile.NEXT);   // one prompt in hand
        assertEquals("b", h.get(Pipes.GUARD));
        assertEquals("c", h.get(Pipes.GUARD));
        h.put("d");
        assertEquals("d", h.get(Pipes.GUARD), "the prompt in hand lets the next arrival through");
        h.put("e");
        ProducerFinished done = new ProducerFinished();
        h.put(done, Component.CONTROL);
        assertNull(h.get(Component.SIGNAL, java.time.Duration.ofMillis(50)), "e still waits for its prompt");
        h.put("go", PromptedTurnstile.NEXT);
        assertEquals("e", h.get(Pipes.GUARD));
        assertSame(done, h.get(Component.SIGNAL, Pipes.GUARD));
        Pipes.awaitStopped(h.component());
    }

    @Test
    void promptedTurnstileWithABoundedInboxPushesBackOnItsProducer() {
        PromptedTurnstile gate = new PromptedTurnstile();
        gate.setInboxSize(Component.INBOX, 2);
        Collector out = new Collector();
        Graphline g = Graphline.builder()
                .component("SRC", new DataSource(NUMBERS))
                .component("PROMPTS", new DataSource(new ArrayList<>(NUMBERS)))
                .component("GATE", gate)
                .component("OUT", out)
                .link("SRC", Component.OUTBOX, "GATE", Component.INBOX)
                .link("SRC", Component.SIGNAL, "GATE", Component.CONTROL)
                .link("PROMPTS", Component.OUTBOX, "GATE", PromptedTurnstile.NEXT)
                .link("GATE", Component.OUTBOX, "OUT", Component.INBOX)
                .link("GATE", Component.SIGNAL, "OUT", Component.CONTROL)
                .build();
        Scheduler s = Scheduler.create(3);
        g.activate(s);
        assertTrue(s.run(Pipes.GUARD));
        assertEquals(NUMBERS, out.collected());
    }

    @Test
    void comparatorComparesPairsInOrder() {
        scheduler.startInBackground();
        Handle h = Handle.activate(new Comparator(), scheduler);
        h.put(1, Comparator.IN_A);
        h.put(2, Comparator.IN_A);
        h.put("x", Comparator.IN_A);
        assertNull(h.get(java.time.Duration.ofMillis(50)), "a message waits for its partner");
        h.put(1, Comparator.IN_B);
        h.put(3, Comparator.IN_B);
        h.put("x", Comparator.IN_B);
        assertEquals(true, h.get(Pipes.GUARD));
        assertEquals(false, h.get(Pipes.GUARD));
        assertEquals(true, h.get(Pipes.GUARD));
        h.put(new ShutdownMicroprocess(), Component.CONTROL);
        assertInstanceOf(ShutdownMicroprocess.class, h.get(Component.SIGNAL, Pipes.GUARD));
    }

    @Test
    void lossyConnectorDropsWhatAFullDestinationCannotTakeAndCountsIt() {
        Collector out = new Collector();
        out.setInboxSize(Component.INBOX, 1);
        LossyConnector lossy = new LossyConnector();
        // one worker: the source fills the collector's one slot before the collector runs
        Pipes.runInto(out, 1, new DataSource(NUMBERS), lossy);
        List<Object> got = out.collected();
        assertTrue(got.size() < NUMBERS.size(), "something was dropped: " + got.size());
        assertEquals(NUMBERS.size(), got.size() + lossy.dropped());
        assertEquals(got.stream().sorted().toList(), got, "what arrives keeps its order");
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage(), "the shutdown message is never dropped");
    }

    @Test
    void lossyConnectorPassesEverythingToARoomyDestination() {
        LossyConnector lossy = new LossyConnector();
        assertEquals(NUMBERS, Pipes.run(3, new DataSource(NUMBERS), lossy).collected());
        assertEquals(0, lossy.dropped());
    }
}
