package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.TestComponents.Collector;
import org.kamaelia4j.axon.TestComponents.Doubler;
import org.kamaelia4j.axon.TestComponents.MockChild;
import org.kamaelia4j.axon.TestComponents.Passive;
import org.kamaelia4j.axon.TestComponents.Source;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Ports Axon's Kamaelia test_Graphline.py to {@code Graphline.builder()}.
 *
 * <p>Deliberate changes from Axon: the Graphline's own boxes are named {@code "self"} only; Axon
 * treated any name that was not a child ("", "flurble", "pig", ...) as the Graphline itself, here
 * such a name is rejected with an IllegalArgumentException that names it and lists the known
 * children. A builder always has a (possibly empty) set of links, so Axon's "no linkages
 * argument -> error" smoke tests have no counterpart. Boxes a link adds to the Graphline belong to
 * that Graphline only (Axon shared one class-level box dict).
 *
 * <p>Axon steps its scheduler a number of cycles; here a test runs the scheduler in stages with
 * {@link Scheduler#run(Duration)} and touches components only between stages.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GraphlineTest extends ScheduledTest {

    // ---- components -----------------------------------------------------------------------

    private record Box(Component c, String name) {
    }

    // ---- Axon's test fixture ----------------------------------------------------------------

    /**
     * Axon's setup_initialise: a Graphline of MockChildren named by {@code names} ("A B C"), links
     * given as "fromName fromBox toName toBox", plus outside Dummies feeding its inbox/control and
     * reading its outbox/signal.
     */
    private final class Rig {
        final Scheduler s;
        final Map<String, MockChild> children = new LinkedHashMap<>();
        final Graphline g;
        final Map<String, Passive> inSrc = new HashMap<>();
        final Map<String, Passive> outDest = new HashMap<>();

        Rig(int workers, String names, String... links) {
            s = scheduler(workers);
            var b = Graphline.builder();
            for (String n : names.split(" ")) {
                MockChild c = new MockChild();
                children.put(n, c);
                b = b.component(n, c);
            }
            for (String l : links) {
                String[] p = l.split(" ");
                b = b.link(p[0], p[1], p[2], p[3]);
            }
            g = b.build();
            ensureHandlerForInbox("inbox");
            ensureHandlerForInbox("control");
            ensureHandlerForOutbox("outbox");
            ensureHandlerForOutbox("signal");
        }

        MockChild child(String name) {
            return children.get(name);
        }

        void ensureHandlerForInbox(String box) {
            inSrc.computeIfAbsent(box, k -> {
                Passive d = new Passive();
                d.link(d, "outbox", g, k);
                return d;
            });
        }

        void ensureHandlerForOutbox(String box) {
            outDest.computeIfAbsent(box, k -> {
                Passive d = new Passive();
                d.link(g, k, d, "inbox");
                return d;
            });
        }

        void sendTo(Object data, String box) {
            ensureHandlerForInbox(box);
            inSrc.get(box).send(data, "outbox");
        }

        boolean dataReadyAt(String box) {
            return outDest.get(box).dataReady("inbox");
        }

        Object recvFrom(String box) {
            return outDest.get(box).recv("inbox");
        }

        /** Axon's setup_activate plus running until every child had its first slice. */
        Rig activate() {
            g.activate(s);
            runUntil(s, () -> children.values().stream().allMatch(c -> c.wasActivated));
            return this;
        }

        void stopAllChildren() {
            children.values().forEach(MockChild::stopNow);
        }

        boolean running() {
            return !g.isStopped() && s.microprocesses().contains(g);
        }

        void runUntilGraphlineFinished() {
            runUntil(s, g::isStopped);
            assertFalse(s.microprocesses().contains(g), "a finished graphline leaves the scheduler");
        }

        /** Axon's checkDataFlows: data sent from source arrives at every target and nowhere else. */
        void checkDataFlows(Box source, Box... targets) {
            for (Box t : targets) {
                if (t.c() == g) {
                    ensureHandlerForOutbox(t.name());
                }
            }
            Object data = new Object();
            if (source.c() == g) {
                sendTo(data, source.name());
            } else {
                source.c().send(data, source.name());
            }
            for (Box t : targets) {
                if (t.c() == g) {
                    assertTrue(dataReadyAt(t.name()), "expected data out of graphline box " + t.name());
                    assertSame(data, recvFrom(t.name()));
                } else {
                    assertTrue(t.c().dataReady(t.name()), "expected data at " + t.name());
                    assertSame(data, t.c().recv(t.name()));
                }
            }
            for (MockChild child : children.values()) {
                if (Arrays.stream(targets).noneMatch(t -> t.c() == child)) {
                    assertNull(child.anyReady(), "data leaked to a child that was not a target");
                }
            }
        }
    }

    private static Box box(Component c, String name) {
        return new Box(c, name);
    }

    // ---- construction -------------------------------------------------------------------------

    // test_graphlineNoComponentsEmptyLinkagesArg
    @Test
    void aGraphlineWithNoComponentsAndNoLinksCanBeBuilt() {
        assertDoesNotThrow(() -> Graphline.builder().build());
    }

    // test_graphlineEmptyLinkagesArg
    @Test
    void aGraphlineWithComponentsButNoLinksCanBeBuilt() {
        assertDoesNotThrow(() -> Graphline.builder().component("A", new MockChild())
                .component("B", new MockChild()).build());
    }

    // changed from test_specifyingPassthruInLinkage's "any unused name means the graphline"
    @Test
    void aLinkToAnUnknownChildIsRejectedNamingItAndTheKnownChildren() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Graphline.builder().component("alpha", new MockChild()).component("beta", new MockChild())
                        .link("alpha", "outbox", "gamma", "inbox").build());
        String msg = String.valueOf(e.getMessage());
        assertTrue(msg.contains("gamma"), msg);
        assertTrue(msg.contains("alpha") && msg.contains("beta"), "should list the known names: " + msg);
    }

    @Test
    void aLinkFromAnUnknownChildIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Graphline.builder().component("alpha", new MockChild())
                        .link("flurble", "inbox", "alpha", "control").build());
        String msg = String.valueOf(e.getMessage());
        assertTrue(msg.contains("flurble"), msg);
        assertTrue(msg.contains("alpha"), msg);
    }

    // test_specifyingPassthruInLinkageNewBox / OutLinkageNewBox build-time part, and no shared box dict
    @Test
    void boxesAddedByLinksBelongToThatGraphlineOnly() {
        Graphline g1 = Graphline.builder().component("A", new MockChild())
                .link("self", "novel-inbox", "A", "control")
                .link("A", "outbox", "self", "novel-outbox").build();
        assertTrue(g1.inboxNames().contains("novel-inbox"));
        assertTrue(g1.outboxNames().contains("novel-outbox"));
        assertTrue(g1.inboxNames().containsAll(List.of("inbox", "control")));
        assertTrue(g1.outboxNames().containsAll(List.of("outbox", "signal")));

        Graphline g2 = Graphline.builder().component("A", new MockChild()).build();
        assertFalse(g2.inboxNames().contains("novel-inbox"), "no box leaks to another graphline");
        assertFalse(g2.outboxNames().contains("novel-outbox"), "no box leaks to another graphline");
    }

    @Test
    void declaredBoxesAreTheGraphlinesBoxes() {
        Boxes boxes = Boxes.standard().toBuilder().inbox("extra-in", "an extra inbox")
                .outbox("extra-out", "an extra outbox").build();
        Graphline g = Graphline.builder().component("A", new MockChild()).boxes(boxes).build();
        assertTrue(g.inboxNames().containsAll(List.of("inbox", "control", "extra-in")));
        assertTrue(g.outboxNames().containsAll(List.of("outbox", "signal", "extra-out")));
    }

    // ---- children -----------------------------------------------------------------------------

    // test_graphlineHasChildren
    @ParameterizedTest
    @MethodSource("schedulers")
    void childrenBecomeChildrenOfTheActivatedGraphline(int workers) {
        Rig rig = new Rig(workers, "A B").activate();
        assertTrue(rig.g.childComponents().containsAll(rig.children.values()));
        for (MockChild c : rig.children.values()) {
            assertSame(rig.s, c.scheduler(), "children run on the graphline's scheduler");
        }
    }

    // test_activatesChildrenOnlyWhenActivatedNotLinked
    @ParameterizedTest
    @MethodSource("schedulers")
    void activatesUnlinkedChildrenOnlyWhenActivated(int workers) {
        Rig rig = new Rig(workers, "A B C");
        rig.s.run(A_WHILE);
        rig.children.values().forEach(c -> assertFalse(c.wasActivated));
        rig.activate();
        rig.children.values().forEach(c -> assertTrue(c.wasActivated));
    }

    // test_activatesChildrenOnlyWhenActivatedLinked
    @ParameterizedTest
    @MethodSource("schedulers")
    void activatesLinkedChildrenOnlyWhenActivated(int workers) {
        Rig rig = new Rig(workers, "A B C", "A outbox B inbox", "B outbox C inbox", "C outbox A inbox");
        rig.s.run(A_WHILE);
        rig.children.values().forEach(c -> assertFalse(c.wasActivated));
        rig.activate();
        rig.children.values().forEach(c -> assertTrue(c.wasActivated));
    }

    // ---- links --------------------------------------------------------------------------------

    // test_linkagesBetweenComponents
    @ParameterizedTest
    @MethodSource("schedulers")
    void aLinkBetweenChildrenCarriesDataThereOnly(int workers) {
        Rig rig = new Rig(workers, "A B", "A outbox B inbox").activate();
        rig.checkDataFlows(box(rig.child("A"), "outbox"), box(rig.child("B"), "inbox"));
    }

    // test_severalLinkagesBetweenComponents
    @ParameterizedTest
    @MethodSource("schedulers")
    void severalLinksBetweenChildrenAllWorkWithoutLeaks(int workers) {
        Rig rig = new Rig(workers, "A B C D",
                "A outbox B inbox", "C outbox D control", "C signal A inbox", "B signal A control").activate();
        MockChild a = rig.child("A");
        MockChild b = rig.child("B");
        MockChild c = rig.child("C");
        MockChild d = rig.child("D");
        rig.checkDataFlows(box(a, "outbox"), box(b, "inbox"));
        rig.checkDataFlows(box(c, "outbox"), box(d, "control"));
        rig.checkDataFlows(box(c, "signal"), box(a, "inbox"));
        rig.checkDataFlows(box(b, "signal"), box(a, "control"));
    }

    // test_specifyingPassthruInLinkage (with the name "self")
    @ParameterizedTest
    @MethodSource("schedulers")
    void selfInboxesPassThroughToChildren(int workers) {
        Rig rig = new Rig(workers, "A B C",
                "self inbox A control", "self control B inbox", "C outbox A inbox").activate();
        rig.checkDataFlows(box(rig.g, "inbox"), box(rig.child("A"), "control"));
        rig.checkDataFlows(box(rig.g, "control"), box(rig.child("B"), "inbox"));
    }

    // test_specifyingPassthruInLinkageNewBox (with the name "self")
    @ParameterizedTest
    @MethodSource("schedulers")
    void aNewSelfInboxIsCreatedAndPassesThrough(int workers) {
        Rig rig = new Rig(workers, "A B C",
                "self novel-inbox A control", "self another-novel-inbox B inbox", "C outbox A inbox").activate();
        rig.checkDataFlows(box(rig.g, "novel-inbox"), box(rig.child("A"), "control"));
        rig.checkDataFlows(box(rig.g, "another-novel-inbox"), box(rig.child("B"), "inbox"));
    }

    // test_specifyingPassthruOutLinkage (with the name "self")
    @ParameterizedTest
    @MethodSource("schedulers")
    void childOutboxesPassThroughToSelfOutboxes(int workers) {
        Rig rig = new Rig(workers, "A B C",
                "A outbox self signal", "B signal self outbox", "C outbox A inbox").activate();
        rig.checkDataFlows(box(rig.child("A"), "outbox"), box(rig.g, "signal"));
        rig.checkDataFlows(box(rig.child("B"), "signal"), box(rig.g, "outbox"));
    }

    // test_specifyingPassthruOutLinkageNewBox (with the name "self")
    @ParameterizedTest
    @MethodSource("schedulers")
    void aNewSelfOutboxIsCreatedAndPassesThrough(int workers) {
        Rig rig = new Rig(workers, "A B C",
                "A outbox self novel-boxname", "B signal self another-novel-boxname", "C outbox A inbox").activate();
        rig.checkDataFlows(box(rig.child("A"), "outbox"), box(rig.g, "novel-boxname"));
        rig.checkDataFlows(box(rig.child("B"), "signal"), box(rig.g, "another-novel-boxname"));
    }

    // ---- termination and shutdown -------------------------------------------------------------

    // test_terminateWhenAllChildrenHaveTerminated
    @ParameterizedTest
    @MethodSource("schedulers")
    void terminatesWhenAllChildrenHaveTerminatedButNotBefore(int workers) {
        Rig rig = new Rig(workers, "A B C", "A outbox B inbox").activate();
        for (int i = 0; i < 2; i++) {
            assertFalse(rig.s.run(A_WHILE));
            assertTrue(rig.running());
        }
        rig.child("A").stopNow();
        rig.child("B").stopNow();
        runUntil(rig.s, () -> rig.child("A").isStopped() && rig.child("B").isStopped());
        assertFalse(rig.s.run(A_WHILE));
        assertTrue(rig.running(), "one child is still running");
        rig.child("C").stopNow();
        rig.runUntilGraphlineFinished();
    }

    // test_emissionOfShutdownSignal_1
    @ParameterizedTest
    @MethodSource("schedulers")
    void emitsProducerFinishedWhenChildrenFinishAndNothingDrivesSignal(int workers) {
        Rig rig = new Rig(workers, "A B C", "A outbox B inbox").activate();
        rig.s.run(A_WHILE);
        assertFalse(rig.dataReadyAt("signal"), "nothing emitted while children run");
        rig.stopAllChildren();
        rig.runUntilGraphlineFinished();
        assertTrue(rig.dataReadyAt("signal"));
        assertInstanceOf(ProducerFinished.class, rig.recvFrom("signal"));
        assertFalse(rig.dataReadyAt("signal"), "exactly one message");
        assertFalse(rig.dataReadyAt("outbox"));
    }

    // test_emissionOfShutdownSignal_2
    @ParameterizedTest
    @MethodSource("schedulers")
    void emitsTheShutdownMicroprocessItReceivedOnControl(int workers) {
        Rig rig = new Rig(workers, "A B C", "A outbox B inbox").activate();
        rig.s.run(A_WHILE);
        assertFalse(rig.dataReadyAt("signal"));
        ShutdownMicroprocess shutdown = new ShutdownMicroprocess(List.of());
        rig.sendTo(shutdown, "control");
        runUntil(rig.s, () -> rig.children.values().stream().allMatch(c -> c.dataReady("control")));
        rig.stopAllChildren();
        rig.runUntilGraphlineFinished();
        assertTrue(rig.dataReadyAt("signal"));
        assertSame(shutdown, rig.recvFrom("signal"));
    }

    // test_receivesShutdownPassesThru
    @ParameterizedTest
    @MethodSource("schedulers")
    void aLinkedControlCarriesShutdownToThatChildOnly(int workers) {
        Rig rig = new Rig(workers, "A B C", "self control A control").activate();
        rig.s.run(A_WHILE);
        rig.checkDataFlows(box(rig.g, "control"), box(rig.child("A"), "control"));
        ShutdownMicroprocess shutdown = new ShutdownMicroprocess(List.of());
        rig.sendTo(shutdown, "control");
        assertSame(shutdown, rig.child("A").recv("control"));
        rig.s.run(A_WHILE);
        assertNull(rig.child("B").anyReady());
        assertNull(rig.child("C").anyReady());
    }

    // test_receivesShutdownDisseminated
    @ParameterizedTest
    @MethodSource("schedulers")
    void anUnlinkedControlIsDisseminatedToChildrenWhoseControlIsFree(int workers) {
        Rig rig = new Rig(workers, "A B C", "A outbox B control").activate();
        rig.s.run(A_WHILE);
        ShutdownMicroprocess shutdown = new ShutdownMicroprocess(List.of());
        rig.sendTo(shutdown, "control");
        MockChild a = rig.child("A");
        MockChild c = rig.child("C");
        runUntil(rig.s, () -> a.dataReady("control") && c.dataReady("control"));
        rig.s.run(A_WHILE);
        assertSame(shutdown, a.recv("control"));
        assertSame(shutdown, c.recv("control"));
        assertFalse(a.dataReady("control"), "delivered once");
        assertFalse(rig.child("B").dataReady("control"), "B's control is fed by A, so it is left out");
    }

    // test_receivesShutdownAndPropagates
    @ParameterizedTest
    @MethodSource("schedulers")
    void aShutdownOnUnlinkedControlGoesOutOfSignalOnceChildrenFinish(int workers) {
        Rig rig = new Rig(workers, "A B C", "A outbox B control").activate();
        rig.s.run(A_WHILE);
        ShutdownMicroprocess shutdown = new ShutdownMicroprocess(List.of());
        rig.sendTo(shutdown, "control");
        runUntil(rig.s, () -> rig.child("A").dataReady("control") && rig.child("C").dataReady("control"));
        assertFalse(rig.s.run(A_WHILE));
        assertTrue(rig.running(), "mock children ignore control, so the graphline keeps running");
        assertFalse(rig.dataReadyAt("signal"));
        rig.stopAllChildren();
        rig.runUntilGraphlineFinished();
        assertTrue(rig.dataReadyAt("signal"));
        assertSame(shutdown, rig.recvFrom("signal"));
    }

    // test_receivesShutdownAndPropagates2
    @ParameterizedTest
    @MethodSource("schedulers")
    void aProducerFinishedOnUnlinkedControlIsAnsweredWithItsOwnProducerFinished(int workers) {
        Rig rig = new Rig(workers, "A B C", "A outbox B control").activate();
        rig.s.run(A_WHILE);
        ProducerFinished pf = new ProducerFinished();
        rig.sendTo(pf, "control");
        runUntil(rig.s, () -> rig.child("A").dataReady("control") && rig.child("C").dataReady("control"));
        assertFalse(rig.s.run(A_WHILE));
        assertTrue(rig.running());
        rig.stopAllChildren();
        rig.runUntilGraphlineFinished();
        assertTrue(rig.dataReadyAt("signal"));
        Object out = rig.recvFrom("signal");
        assertNotSame(pf, out);
        assertInstanceOf(ProducerFinished.class, out);
    }

    // test_receivesShutdownAndPropagates23
    @ParameterizedTest
    @MethodSource("schedulers")
    void withControlLinkedButSignalNotItAlwaysEmitsItsOwnProducerFinished(int workers) {
        for (Object msg : List.of(new ProducerFinished(), new ShutdownMicroprocess(List.of()), "flurble")) {
            Rig rig = new Rig(workers, "A B C", "self control A control", "A outbox B control").activate();
            rig.s.run(A_WHILE);
            rig.sendTo(msg, "control");
            assertSame(msg, rig.child("A").recv("control"), "control passes through to A");
            assertFalse(rig.s.run(A_WHILE));
            assertTrue(rig.running());
            rig.stopAllChildren();
            rig.runUntilGraphlineFinished();
            assertTrue(rig.dataReadyAt("signal"), "after " + msg);
            Object out = rig.recvFrom("signal");
            assertNotSame(msg, out);
            assertInstanceOf(ProducerFinished.class, out, "after " + msg);
        }
    }

    // test_doesNotPropagateShutdownMsg
    @ParameterizedTest
    @MethodSource("schedulers")
    void withSignalLinkedItNeverEmitsItsOwnSignal(int workers) {
        Rig rig = new Rig(workers, "A B C", "A signal self signal", "A outbox B control").activate();
        rig.s.run(A_WHILE);
        rig.sendTo(new ProducerFinished(), "control");
        rig.sendTo(new ShutdownMicroprocess(List.of()), "control");
        runUntil(rig.s, () -> rig.child("A").dataCount("control") == 2 && rig.child("C").dataCount("control") == 2);
        assertFalse(rig.s.run(A_WHILE));
        assertTrue(rig.running());
        assertFalse(rig.dataReadyAt("signal"));
        rig.stopAllChildren();
        rig.runUntilGraphlineFinished();
        assertFalse(rig.dataReadyAt("signal"));
    }

    // test_manuallyImplementedShutdownOverrides
    @ParameterizedTest
    @MethodSource("schedulers")
    void withControlAndSignalLinkedItNeverEmitsAnythingItself(int workers) {
        Rig rig = new Rig(workers, "A B C",
                "self control A control", "A signal self signal", "B outbox C inbox").activate();
        rig.s.run(A_WHILE);
        assertFalse(rig.dataReadyAt("outbox"));
        assertFalse(rig.dataReadyAt("signal"));
        rig.checkDataFlows(box(rig.g, "control"), box(rig.child("A"), "control"));
        rig.checkDataFlows(box(rig.child("A"), "signal"), box(rig.g, "signal"));
        rig.checkDataFlows(box(rig.child("B"), "outbox"), box(rig.child("C"), "inbox"));
        assertFalse(rig.s.run(A_WHILE));
        assertFalse(rig.dataReadyAt("outbox"));
        assertFalse(rig.dataReadyAt("signal"));
        rig.stopAllChildren();
        rig.runUntilGraphlineFinished();
        assertFalse(rig.dataReadyAt("outbox"));
        assertFalse(rig.dataReadyAt("signal"));
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void anEmptyGraphlineFinishesAndEmitsProducerFinished(int workers) {
        Scheduler s = scheduler(workers);
        Graphline g = Graphline.builder().build();
        Passive out = new Passive();
        out.link(g, "signal", out, "control");
        g.activate(s);
        assertTrue(s.run(ENOUGH));
        assertTrue(g.isStopped());
        assertInstanceOf(ProducerFinished.class, out.recv("control"));
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void aWiredGraphlineRunsToCompletion(int workers) {
        Scheduler s = scheduler(workers);
        Collector out = new Collector();
        Graphline g = Graphline.builder()
                .component("SRC", new Source(1, 2, 3))
                .component("DBL", new Doubler())
                .component("OUT", out)
                .link("SRC", "outbox", "DBL", "inbox")
                .link("SRC", "signal", "DBL", "control")
                .link("DBL", "outbox", "OUT", "inbox")
                .link("DBL", "signal", "OUT", "control")
                .build();
        Passive watcher = new Passive();
        watcher.link(g, "signal", watcher, "control");
        g.activate(s);
        assertTrue(s.run(ENOUGH));
        assertEquals(List.of(2, 4, 6), out.received);
        assertTrue(g.isStopped());
        assertInstanceOf(ProducerFinished.class, watcher.recv("control"));
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void dataFromOutsideFlowsThroughSelfBoxesAndOut(int workers) {
        Scheduler s = scheduler(workers);
        Graphline g = Graphline.builder()
                .component("D1", new Doubler())
                .component("D2", new Doubler())
                .link("self", "inbox", "D1", "inbox")
                .link("self", "control", "D1", "control")
                .link("D1", "outbox", "D2", "inbox")
                .link("D1", "signal", "D2", "control")
                .link("D2", "outbox", "self", "outbox")
                .link("D2", "signal", "self", "signal")
                .build();
        Passive in = new Passive();
        Passive out = new Passive();
        in.link(in, "outbox", g, "inbox");
        in.link(in, "signal", g, "control");
        out.link(g, "outbox", out, "inbox");
        out.link(g, "signal", out, "control");
        g.activate(s);
        for (int i = 1; i <= 3; i++) {
            in.send(i, "outbox");
        }
        ProducerFinished pf = new ProducerFinished();
        in.send(pf, "signal");
        assertTrue(s.run(ENOUGH));
        List<Object> got = new ArrayList<>();
        while (out.dataReady("inbox")) {
            got.add(out.recv("inbox"));
        }
        assertEquals(List.of(4, 8, 12), got);
        assertSame(pf, out.recv("control"), "the children's own shutdown comes out, not the graphline's");
        assertFalse(out.dataReady("control"));
    }

    /** Throws on its first slice. */
    private static final class Thrower extends Component {
        final RuntimeException boom = new IllegalStateException("boom");

        @Override
        protected Step main() {
            throw boom;
        }
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void aFailingChildsErrorInformationPassesOutOfALinkedSelfSignal(int workers) {
        for (int round = 0; round < 100; round++) { // repeated: the graphline may tidy up concurrently
            Scheduler s = scheduler(workers);
            Thrower t = new Thrower();
            Graphline g = Graphline.builder()
                    .component("T", t)
                    .component("SRC", new Source(1, 2))
                    .link("T", "signal", "self", "signal")
                    .build();
            Passive watcher = new Passive();
            watcher.link(g, "signal", watcher, "control");
            g.activate(s);
            assertTrue(s.run(ENOUGH), "a failing child must not stop the rest from finishing");
            assertTrue(g.isStopped());
            assertTrue(watcher.dataReady("control"), "round " + round + ": the ErrorInformation was lost");
            ErrorInformation err = assertInstanceOf(ErrorInformation.class, watcher.recv("control"));
            assertSame(t, err.caller());
            assertSame(t.boom, err.exception());
            assertFalse(watcher.dataReady("control"), "signal is linked, so no message of the graphline's own");
        }
    }
}
