package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.TestComponents.Collector;
import org.kamaelia4j.axon.TestComponents.Counter;
import org.kamaelia4j.axon.TestComponents.Passive;
import org.kamaelia4j.axon.TestComponents.Source;
import org.kamaelia4j.axon.TestComponents.Thrower;

@Timeout(60)
class InstrumentationTest {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Instrumentation.Listener recorder = new Instrumentation.Listener() {
        @Override
        public void activated(Microprocess mp) {
            events.add("activated " + mp.name());
        }

        @Override
        public void finished(Microprocess mp, Throwable failure) {
            events.add("finished " + mp.name() + (failure == null ? "" : " " + failure.getMessage()));
        }

        @Override
        public void linked(Linkage l) {
            events.add("linked " + l.source().name() + "." + l.sourceBox() + " " + l.sink().name() + "." + l.sinkBox());
        }

        @Override
        public void unlinked(Linkage l) {
            events.add("unlinked " + l.source().name() + "." + l.sourceBox());
        }

        @Override
        public void boxChanged(Component owner, String box, boolean inbox, boolean added) {
            events.add((added ? "added " : "deleted ") + (inbox ? "inbox " : "outbox ") + box);
        }
    };

    @AfterEach
    void off() {
        Instrumentation.disable();
    }

    @Test
    void disabledMeansNoCountersAndNoEvents() {
        Counter c = new Counter(3);
        c.run();
        assertNull(Instrumentation.stats(c));
        assertFalse(Instrumentation.enabled());
    }

    @Test
    void reportsActivationLinksAndFinishInOrder() {
        Instrumentation.enable(recorder);
        Source src = Source.range(1, 2);
        Collector sink = new Collector();
        Pipeline p = new Pipeline(src, sink);
        Scheduler s = Scheduler.create(1);
        p.activate(s);
        assertTrue(s.run(Duration.ofSeconds(30)));
        assertEquals("activated " + p.name(), events.get(0));
        assertTrue(events.contains("linked " + src.name() + ".outbox " + sink.name() + ".inbox"), events::toString);
        assertTrue(events.contains("unlinked " + src.name() + ".outbox"), events::toString);
        int linked = events.indexOf("linked " + src.name() + ".outbox " + sink.name() + ".inbox");
        assertTrue(events.indexOf("unlinked " + src.name() + ".outbox") > linked);
        assertTrue(events.indexOf("activated " + src.name()) >= 0);
        assertTrue(events.indexOf("finished " + p.name()) > events.indexOf("finished " + sink.name()));
        assertEquals(2, sink.received.size());
    }

    @Test
    void countsSlicesAndBusyTime() {
        Instrumentation.enable(recorder);
        Counter c = new Counter(40);
        c.run();
        Instrumentation.Stats st = Instrumentation.stats(c);
        assertNotNull(st);
        assertEquals(40, st.activations());
        assertTrue(st.busyNanos() >= 0);
    }

    @Test
    void busyTimeIsExactForTheFirstSlicesThenScaledFromSamples() {
        Instrumentation.enable(recorder);
        Component sleeper = new Component() {
            private int slices;

            @Override
            protected Step main() throws InterruptedException {
                Thread.sleep(1);
                return ++slices == 40 ? Step.DONE : Step.CONTINUE;
            }
        };
        sleeper.run();
        Instrumentation.Stats st = Instrumentation.stats(sleeper);
        assertEquals(40, st.activations());
        // each slice sleeps at least 1 ms: 16 measured, 24 estimated from the 32nd
        assertTrue(st.busyNanos() >= 40_000_000L, () -> "busy " + st.busyNanos());
    }

    @Test
    void reportsBoxesAddedAndDeletedAtRunTime() {
        Instrumentation.enable(recorder);
        AdaptiveCommsComponent c = new AdaptiveCommsComponent() {
            @Override
            protected Step main() {
                return Step.DONE;
            }
        };
        String in = c.addInbox("extra");
        String out = c.addOutbox("more");
        c.deleteInbox(in);
        c.deleteOutbox(out);
        assertEquals(List.of("added inbox extra", "added outbox more", "deleted inbox extra", "deleted outbox more"),
                events);
    }

    @Test
    void reportsAFailure() {
        Instrumentation.enable(recorder);
        Thrower t = new Thrower(new IllegalStateException("boom"));
        t.run();
        assertTrue(events.contains("finished " + t.name() + " boom"), events::toString);
    }

    @Test
    void aHeldComponentRunsNoSliceUntilReleased() throws Exception {
        Instrumentation.enable(recorder);
        Scheduler s = Scheduler.create(1);
        s.startInBackground();
        try {
            Collector c = new Collector();
            Handle h = Handle.activate(c, s);
            Instrumentation.hold(c);
            h.put("a");
            Thread.sleep(100);
            h.put("b");
            for (int i = 0; i < 50 && Instrumentation.depth(c, Component.INBOX) < 2; i++) {
                Thread.sleep(10);
            }
            assertEquals(2, Instrumentation.depth(c, Component.INBOX));
            assertTrue(c.received.isEmpty());
            assertTrue(Instrumentation.stats(c).held());
            Instrumentation.release(c);
            assertTrue(c.awaitCount(2, 30_000));
            assertEquals(2, Instrumentation.delivered(c, Component.INBOX));
            assertEquals(0, Instrumentation.depth(c, Component.INBOX));
        } finally {
            s.stop();
        }
    }

    @Test
    void aRefusedSendMarksTheSenderBlocked() {
        Instrumentation.enable(recorder);
        Passive sender = new Passive();
        Passive receiver = new Passive();
        sender.link(sender, Component.OUTBOX, receiver, Component.INBOX);
        receiver.setInboxSize(Component.INBOX, 1);
        Instrumentation.Stats st = Instrumentation.track(sender);
        sender.send("one");
        assertFalse(st.blocked());
        assertThrows(BoxFullException.class, () -> sender.send("two"));
        assertTrue(st.blocked());
        assertThrows(BoxFullException.class, () -> Instrumentation.inject(receiver, Component.INBOX, "three"));
        assertThrows(UnknownBoxException.class, () -> Instrumentation.inject(receiver, "nope", "three"));
        assertSame(receiver, Instrumentation.finalSink(sender.linkages().get(0)));
        assertEquals(Component.INBOX, Instrumentation.finalSinkBox(sender.linkages().get(0)));
    }
}
