package org.kamaelia4j.components.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamaelia4j.components.chassis.Harness.runAWhile;
import static org.kamaelia4j.components.chassis.Harness.runUntil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Graphline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.Ipc;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.chassis.Harness.Probe;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;

/**
 * The sixteen behaviours of Axon's Tests/Python/Kamaelia/Chassis/test_Carousel.py, in its order after a
 * first end-to-end test on one and two workers.
 */
@Timeout(60)
class CarouselTest {

    /** Axon's MockChild: records its argument, runs until told to stop, never reads its inboxes. */
    static final class MockChild extends Component {
        final Object arg;
        volatile boolean wasActivated;
        private volatile boolean stopNow;

        MockChild(Object arg) {
            this.arg = arg;
        }

        @Override
        protected Step main() {
            wasActivated = true;
            return stopNow ? Step.DONE : Step.PAUSE;
        }

        void stopNow() {
            stopNow = true;
            unpause();
        }
    }

    /** Axon's setup_test: a carousel with probes on every box, on a one-worker scheduler. */
    private static final class Rig {
        final Scheduler s = Scheduler.create(1);
        final List<MockChild> children = new ArrayList<>();
        final Carousel carousel;
        final Probe inSrc = new Probe();
        final Probe outDest = new Probe();
        final Probe nextFbk = new Probe();

        Rig(boolean make1stRequest) {
            this(null, make1stRequest);
        }

        Rig(Function<Object, Component> factory, boolean make1stRequest) {
            carousel = new Carousel(factory != null ? factory : arg -> {
                MockChild c = new MockChild(arg);
                children.add(c);
                return c;
            }, make1stRequest);
            inSrc.link(inSrc, Component.OUTBOX, carousel, Component.INBOX);
            inSrc.link(inSrc, Component.SIGNAL, carousel, Component.CONTROL);
            outDest.link(carousel, Component.OUTBOX, outDest, Component.INBOX);
            outDest.link(carousel, Component.SIGNAL, outDest, Component.CONTROL);
            nextFbk.link(carousel, Carousel.REQUEST_NEXT, nextFbk, Component.INBOX);
            nextFbk.link(nextFbk, Component.OUTBOX, carousel, Carousel.NEXT);
            for (Component c : List.of(carousel, inSrc, outDest, nextFbk)) {
                c.activate(s);
            }
            runAWhile(s);
        }

        void toInbox(Object m) {
            inSrc.send(m, Component.OUTBOX);
        }

        void toControl(Object m) {
            inSrc.send(m, Component.SIGNAL);
        }

        void toNext(Object m) {
            nextFbk.send(m, Component.OUTBOX);
        }

        MockChild last() {
            return children.get(children.size() - 1);
        }

        /** Sends a next message and runs until its child is running. */
        MockChild spawn() {
            int before = children.size();
            toNext("BLAH");
            runUntil(s, () -> children.size() == before + 1 && last().wasActivated, "the child runs");
            return last();
        }
    }

    private static Ipc shutdownOf(String kind) {
        return kind.equals(FINISHED) ? new ProducerFinished() : new ShutdownMicroprocess();
    }

    private static final String FINISHED = "ProducerFinished";
    private static final String SHUTDOWN = "ShutdownMicroprocess";

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    void inAGraphlineItServesEveryNextMessageInTurnThenFinishes(int workers) {
        Collector out = new Collector();
        Graphline g = Graphline.builder()
                .component("names", new DataSource("a", "b", "c"))
                .component("carousel", new Carousel(name -> new DataSource(name + "!")))
                .component("out", out)
                .link("names", Component.OUTBOX, "carousel", Carousel.NEXT)
                .link("names", Component.SIGNAL, "carousel", Component.CONTROL)
                .link("carousel", Component.OUTBOX, "out", Component.INBOX)
                .link("carousel", Component.SIGNAL, "out", Component.CONTROL)
                .build();
        Scheduler s = Scheduler.create(workers);
        g.activate(s);
        assertTrue(s.run(Duration.ofSeconds(30)), "the ProducerFinished ends it after the queued children");
        assertEquals(List.of("a!", "b!", "c!"), out.collected());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
    }

    @Test
    void byDefaultDoesNothing() {
        Rig r = new Rig(false);
        runAWhile(r.s);
        assertEquals(List.of(), r.children, "Carousel should create no children");
        assertEquals(List.of(), r.outDest.drain(Component.INBOX));
        assertEquals(List.of(), r.outDest.drain(Component.CONTROL));
        assertEquals(List.of(), r.nextFbk.drain(Component.INBOX));
        assertFalse(r.carousel.isStopped(), "Carousel should still be running");
    }

    @Test
    void canAskToMake1stRequest() {
        Rig r = new Rig(true);
        runUntil(r.s, () -> r.nextFbk.dataReady(Component.INBOX), "the first request");
        runAWhile(r.s);
        assertEquals(List.of(), r.children);
        assertEquals(List.of(), r.outDest.drain(Component.INBOX));
        assertEquals(List.of(), r.outDest.drain(Component.CONTROL));
        assertEquals(List.of("NEXT"), r.nextFbk.drain(Component.INBOX), "a single NEXT");
        assertFalse(r.carousel.isStopped());
    }

    @ParameterizedTest
    @ValueSource(strings = {FINISHED, SHUTDOWN})
    void shutsDownWhenToldToAndIdle(String kind) {
        Rig r = new Rig(false);
        Ipc stop = shutdownOf(kind);
        r.toControl(stop);
        assertFalse(r.carousel.isStopped(), "not before it ran");
        runUntil(r.s, r.carousel::isStopped, "the carousel stops");
        assertEquals(List.of(stop), r.outDest.drain(Component.CONTROL), "the message goes out on signal");
    }

    @Test
    void messageToNextRunsFactoryFunction() {
        List<Object> factoryRun = new ArrayList<>();
        Rig r = new Rig(arg -> {
            factoryRun.add(arg);
            return new Probe();
        }, false);
        runAWhile(r.s);
        assertEquals(List.of(), factoryRun);
        r.toNext("BLAH");
        runUntil(r.s, () -> !factoryRun.isEmpty(), "the factory runs");
        assertEquals(List.of("BLAH"), factoryRun);
    }

    @Test
    void messageToNextSpawnsChild() {
        Rig r = new Rig(false);
        MockChild child = r.spawn();
        assertEquals(1, r.children.size());
        assertEquals("BLAH", child.arg, "the next message is the factory's argument");
        assertTrue(child.wasActivated);
    }

    @Test
    void childTerminationTriggersRequestNext() {
        Rig r = new Rig(false);
        r.spawn().stopNow();
        runUntil(r.s, () -> r.nextFbk.dataReady(Component.INBOX), "the request");
        runAWhile(r.s);
        assertEquals(List.of("NEXT"), r.nextFbk.drain(Component.INBOX), "a single NEXT");
    }

    @ParameterizedTest
    @ValueSource(strings = {FINISHED, SHUTDOWN})
    void childShutdownSignalDoesntTriggerRequest(String kind) {
        Rig r = new Rig(false);
        r.spawn().send(shutdownOf(kind), Component.SIGNAL);
        runAWhile(r.s);
        assertEquals(List.of(), r.nextFbk.drain(Component.INBOX));
    }

    @ParameterizedTest
    @ValueSource(strings = {FINISHED, SHUTDOWN})
    void childReceivesShutdownSignal(String kind) {
        Rig r = new Rig(false);
        MockChild child = r.spawn();
        Ipc stop = shutdownOf(kind);
        r.toControl(stop);
        runUntil(r.s, () -> child.dataReady(Component.CONTROL), "the child gets it");
        assertEquals(stop, child.recv(Component.CONTROL));
    }

    @Test
    void nextRequestStartsNewChildOnceCurrentHasTerminated() {
        Rig r = new Rig(false);
        r.spawn();
        for (int i = 0; i < 5; i++) {
            r.toNext("BLAH");
            runAWhile(r.s);
            assertEquals(i + 1, r.children.size(), "no new child before the previous terminated");
            MockChild old = r.last();
            assertInstanceOf(ShutdownMicroprocess.class, old.recv(Component.CONTROL), "the old child is asked to stop");
            old.stopNow();
            int expected = i + 2;
            runUntil(r.s, () -> r.children.size() == expected && r.last().wasActivated, "the new child");
            assertTrue(old.isStopped(), "the older child terminated");
            assertFalse(r.last().isStopped(), "the new child runs");
        }
    }

    @Test
    void dataReachesChildInbox() {
        Rig r = new Rig(false);
        MockChild child = r.spawn();
        for (int i = 0; i < 5; i++) {
            String msg = "HELLO" + i;
            r.toInbox(msg);
            runAWhile(r.s);
            assertTrue(child.dataReady(Component.INBOX));
            assertEquals(msg, child.recv(Component.INBOX));
        }
    }

    @Test
    void dataReachesCarouselOutbox() {
        Rig r = new Rig(false);
        MockChild child = r.spawn();
        for (int i = 0; i < 5; i++) {
            String msg = "HELLO" + i;
            child.send(msg, Component.OUTBOX);
            runAWhile(r.s);
            assertEquals(List.of(msg), r.outDest.drain(Component.INBOX));
        }
    }

    @Test
    void childSignalIgnored() {
        Rig r = new Rig(false);
        MockChild child = r.spawn();
        for (Object msg : List.of(new ProducerFinished(), new ShutdownMicroprocess(), "HELLO!")) {
            child.send(msg, Component.SIGNAL);
            runAWhile(r.s);
            assertEquals(List.of(), r.outDest.drain(Component.CONTROL));
        }
        assertFalse(r.carousel.isStopped());
    }

    @ParameterizedTest
    @ValueSource(strings = {FINISHED, SHUTDOWN})
    void terminatingCarouselWithChildPassesSignalToChildToo(String kind) {
        Rig r = new Rig(false);
        MockChild child = r.spawn();
        r.toControl(shutdownOf(kind));
        runUntil(r.s, () -> child.dataReady(Component.CONTROL), "the child gets it");
        assertEquals(shutdownOf(kind), child.recv(Component.CONTROL));
        child.stopNow();
        runUntil(r.s, r.carousel::isStopped, "the carousel stops");
    }

    @ParameterizedTest
    @ValueSource(strings = {FINISHED, SHUTDOWN})
    void carouselDoesntTerminateUntilChildHas(String kind) {
        Rig r = new Rig(false);
        MockChild child = r.spawn();
        r.toControl(shutdownOf(kind));
        runUntil(r.s, () -> child.dataReady(Component.CONTROL), "the child gets it");
        runAWhile(r.s);
        assertFalse(r.carousel.isStopped());
        assertFalse(child.isStopped());
        child.stopNow();
        runUntil(r.s, r.carousel::isStopped, "the carousel stops");
        assertTrue(child.isStopped());
        assertEquals(List.of(shutdownOf(kind)), r.outDest.drain(Component.CONTROL));
    }

    @Test
    void queuedNextsFinishedIfProducerFinished() {
        Rig r = new Rig(false);
        r.spawn();
        r.toControl(new ProducerFinished());
        for (int i = 1; i < 10; i++) {
            r.toNext("BLAH");
        }
        runAWhile(r.s);
        assertEquals(1, r.children.size());
        assertFalse(r.carousel.isStopped());
        for (int i = 0; i < 9; i++) {
            MockChild child = r.children.get(i);
            assertTrue(child.wasActivated);
            assertFalse(child.isStopped());
            runUntil(r.s, () -> child.dataReady(Component.CONTROL), "child asked to stop");
            Object msg = child.recv(Component.CONTROL);
            assertTrue(msg instanceof ShutdownMicroprocess || msg instanceof ProducerFinished, String.valueOf(msg));
            child.stopNow();
            int expected = i + 2;
            runUntil(r.s, () -> r.children.size() == expected && r.last().wasActivated, "child " + expected + " runs");
        }
        MockChild lastOne = r.last();
        runUntil(r.s, () -> lastOne.dataReady(Component.CONTROL), "the last child asked to stop");
        assertInstanceOf(ProducerFinished.class, lastOne.recv(Component.CONTROL));
        lastOne.stopNow();
        runUntil(r.s, r.carousel::isStopped, "the carousel stops after the queued children");
        assertEquals(10, r.children.size());
    }

    @Test
    void queuedNextsAbortedIfShutdownMicroprocess() {
        Rig r = new Rig(false);
        MockChild child = r.spawn();
        r.toControl(new ShutdownMicroprocess());
        for (int i = 1; i < 10; i++) {
            r.toNext("BLAH");
        }
        runAWhile(r.s);
        assertEquals(1, r.children.size(), "only the one child");
        assertFalse(r.carousel.isStopped(), "not before the child stopped");
        assertInstanceOf(ShutdownMicroprocess.class, child.recv(Component.CONTROL));
        child.stopNow();
        runUntil(r.s, r.carousel::isStopped, "the carousel stops");
        assertEquals(1, r.children.size(), "still only the one child");
        assertTrue(child.isStopped());
    }
}
