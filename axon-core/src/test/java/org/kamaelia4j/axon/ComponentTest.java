package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.TestComponents.Counter;
import org.kamaelia4j.axon.TestComponents.Lambda;
import org.kamaelia4j.axon.TestComponents.Passive;

/** Ports of Axon's test_Component.py (Component_Test) plus the contract's box error cases. */
@Timeout(10)
class ComponentTest {

    /** Two passive components, a.outbox -> b.inbox and a.signal -> b.control (Axon's TComponentAsync). */
    private static Passive[] linkedPair() {
        Passive a = new Passive();
        Passive b = new Passive();
        a.link(a, Component.OUTBOX, b, Component.INBOX);
        a.link(a, Component.SIGNAL, b, Component.CONTROL);
        return new Passive[] {a, b};
    }

    // ---- construction and boxes ----

    @Test // test_Component.py: test_SmokeTest_NoArguments
    void defaultComponentHasStandardBoxesEmptyAndNoChildren() {
        Passive c = new Passive();
        assertInstanceOf(Microprocess.class, c);
        assertEquals(List.of("inbox", "control"), List.copyOf(c.inboxNames()));
        assertEquals(List.of("outbox", "signal"), List.copyOf(c.outboxNames()));
        for (String in : c.inboxNames()) {
            assertEquals(0, c.dataCount(in), in);
            assertFalse(c.dataReady(in), in);
        }
        assertEquals(List.of(), c.childComponents());
    }

    @Test
    void standardBoxConstantsHaveAxonNames() {
        assertEquals("inbox", Component.INBOX);
        assertEquals("control", Component.CONTROL);
        assertEquals("outbox", Component.OUTBOX);
        assertEquals("signal", Component.SIGNAL);
        assertEquals(-1, Component.UNBOUNDED);
    }

    @Test
    void declaredBoxesReplaceTheStandardOnes() {
        Passive c = new Passive(Boxes.builder().inbox("in1", "first input").outbox("out1", "results").build());
        assertEquals(Set.of("in1"), c.inboxNames());
        assertEquals(Set.of("out1"), c.outboxNames());
    }

    @Test
    void toBuilderExtendsTheStandardBoxes() {
        Passive c = new Passive(Boxes.standard().toBuilder().inbox("extra", "more input").build());
        assertEquals(Set.of("inbox", "control", "extra"), c.inboxNames());
        assertEquals(Set.of("outbox", "signal"), c.outboxNames());
    }

    @Test
    void describeReturnsTheDeclaredOneLineDescription() {
        Passive c = new Passive(Boxes.builder().inbox("in1", "first input").outbox("out1", "results").build());
        assertEquals("first input", c.describe("in1"));
        assertEquals("results", c.describe("out1"));
    }

    @Test
    void standardBoxesHaveNonEmptyDescriptions() {
        Passive c = new Passive();
        for (String box : List.of("inbox", "control", "outbox", "signal")) {
            assertFalse(c.describe(box).isBlank(), box);
        }
    }

    @Test
    void describeUnknownBoxThrowsNamingComponentAndBox() {
        Passive c = new Passive();
        UnknownBoxException e = assertThrows(UnknownBoxException.class, () -> c.describe("nosuchbox"));
        assertTrue(e.getMessage().contains(c.name()), e.getMessage());
        assertTrue(e.getMessage().contains("nosuchbox"), e.getMessage());
    }

    // ---- unknown boxes ----

    @Test
    void recvFromUnknownInboxThrowsNamingComponentBoxAndExistingInboxes() {
        Passive c = new Passive();
        UnknownBoxException e = assertThrows(UnknownBoxException.class, () -> c.recv("nosuchbox"));
        String m = e.getMessage();
        assertTrue(m.contains(c.name()) && m.contains("nosuchbox") && m.contains("inbox") && m.contains("control"), m);
    }

    @Test
    void sendToUnknownOutboxThrowsNamingComponentBoxAndExistingOutboxes() {
        Passive c = new Passive();
        UnknownBoxException e = assertThrows(UnknownBoxException.class, () -> c.send("x", "nosuchbox"));
        String m = e.getMessage();
        assertTrue(m.contains(c.name()) && m.contains("nosuchbox") && m.contains("outbox") && m.contains("signal"), m);
    }

    @Test
    void dataReadyAndDataCountOnUnknownInboxThrow() {
        Passive c = new Passive();
        assertThrows(UnknownBoxException.class, () -> c.dataReady("nosuchbox"));
        assertThrows(UnknownBoxException.class, () -> c.dataCount("nosuchbox"));
    }

    @Test
    void outboxNameIsNotAnInbox() {
        Passive c = new Passive();
        assertThrows(UnknownBoxException.class, () -> c.recv("outbox"));
        assertThrows(UnknownBoxException.class, () -> c.send("x", "inbox"));
    }

    @Test
    void linkWithUnknownBoxThrows() {
        Passive a = new Passive();
        Passive b = new Passive();
        assertThrows(UnknownBoxException.class, () -> a.link(a, "nosuchbox", b, "inbox"));
        assertThrows(UnknownBoxException.class, () -> a.link(a, "outbox", b, "nosuchbox"));
        // and nothing half-made: the real outbox is still free to link
        a.link(a, "outbox", b, "inbox");
    }

    @Test
    void setInboxSizeOnUnknownInboxThrows() {
        Passive c = new Passive();
        assertThrows(UnknownBoxException.class, () -> c.setInboxSize("nosuchbox", 3));
    }

    // ---- send / recv / dataReady ----

    @Test // test_Component.py: test_dataReady (default and explicit inbox)
    void dataReadyTracksSendsAndRecvs() {
        Passive[] p = linkedPair();
        Passive a = p[0], b = p[1];
        assertFalse(b.dataReady());
        a.send("a");
        assertTrue(b.dataReady());
        b.recv();
        assertFalse(b.dataReady());
        a.send("b");
        a.send("c");
        assertTrue(b.dataReady());
        b.recv();
        assertTrue(b.dataReady());
        b.recv();
        assertFalse(b.dataReady());

        assertFalse(b.dataReady("control"));
        a.send("a", "signal");
        assertTrue(b.dataReady("control"));
        assertFalse(b.dataReady("inbox"));
        b.recv("control");
        assertFalse(b.dataReady("control"));
    }

    @Test
    void dataCountCountsWaitingMessages() {
        Passive[] p = linkedPair();
        Passive a = p[0], b = p[1];
        for (int i = 1; i <= 5; i++) {
            a.send(i);
            assertEquals(i, b.dataCount("inbox"));
        }
        b.recv();
        assertEquals(4, b.dataCount("inbox"));
        assertEquals(0, b.dataCount("control"));
    }

    @Test // test_Component.py: test_recv
    void recvReturnsMessagesInOrderAndThrowsWhenEmpty() {
        Passive[] p = linkedPair();
        Passive a = p[0], b = p[1];
        assertThrows(NoSuchElementException.class, () -> b.recv());
        a.send("inbox1");
        a.send("inbox2");
        assertEquals("inbox1", b.recv());
        assertEquals("inbox2", b.recv());
        assertThrows(NoSuchElementException.class, () -> b.recv());
        assertThrows(NoSuchElementException.class, () -> b.recv("inbox"));
        a.send("control1", "signal");
        a.send("control2", "signal");
        assertEquals("control1", b.recv("control"));
        assertEquals("control2", b.recv("control"));
        assertThrows(NoSuchElementException.class, () -> b.recv("control"));
    }

    @Test // test_Component.py: test_send (order kept over many messages)
    void sendDeliversManyMessagesInOrder() {
        Passive[] p = linkedPair();
        Passive a = p[0], b = p[1];
        for (int i = 0; i < 1000; i++) {
            a.send(i);
        }
        for (int i = 0; i < 1000; i++) {
            assertEquals(Integer.valueOf(i), b.recv());
        }
        a.send("bing", "signal");
        a.send("boom", "signal");
        assertEquals("bing", b.recv("control"));
        assertEquals("boom", b.recv("control"));
    }

    @Test
    void sendAndRecvDefaultToOutboxAndInbox() {
        Passive a = new Passive();
        Passive b = new Passive();
        a.link(a, "outbox", b, "inbox");
        a.send("x");
        assertEquals(1, b.dataCount("inbox"));
        assertEquals(0, b.dataCount("control"));
        assertEquals("x", b.recv());
    }

    @Test
    void sendNullThrowsNamingComponentAndBox() {
        Passive[] p = linkedPair();
        Passive a = p[0], b = p[1];
        NullPointerException e = assertThrows(NullPointerException.class, () -> a.send(null, "outbox"));
        assertTrue(e.getMessage() != null && e.getMessage().contains(a.name()) && e.getMessage().contains("outbox"),
                String.valueOf(e.getMessage()));
        assertFalse(b.dataReady());
    }

    @Test
    void sendNullToUnlinkedOutboxStillThrows() {
        Passive a = new Passive();
        assertThrows(NullPointerException.class, () -> a.send(null));
    }

    @Test
    void anyReadyNamesTheFirstNonEmptyInbox() {
        Passive[] p = linkedPair();
        Passive a = p[0], b = p[1];
        assertNull(b.anyReady());
        a.send("c", "signal");
        assertEquals("control", b.anyReady());
        a.send("i");
        assertEquals("inbox", b.anyReady());
        b.recv("inbox");
        assertEquals("control", b.anyReady());
        b.recv("control");
        assertNull(b.anyReady());
    }

    // ---- children ----

    @Test // test_Component.py: test_addChildren
    void addChildrenAddsEachOnce() {
        Passive parent = new Passive();
        Passive c1 = new Passive();
        Passive c2 = new Passive();
        parent.addChildren(c1, c2);
        assertEquals(List.of(c1, c2), parent.childComponents());
    }

    @Test
    void addChildrenWithANullAmongThemAddsNone() {
        Passive parent = new Passive();
        Passive c1 = new Passive();
        assertThrows(NullPointerException.class, () -> parent.addChildren(c1, null));
        assertThrows(IllegalArgumentException.class, () -> parent.addChildren(c1, parent));
        assertEquals(List.of(), parent.childComponents());
        parent.addChildren(c1);
        assertEquals(List.of(c1), parent.childComponents());
    }

    @Test // test_Component.py: test_childComponents
    void childComponentsListsAllChildren() {
        Passive parent = new Passive();
        Passive c1 = new Passive(), c2 = new Passive(), c3 = new Passive();
        parent.addChildren(c1, c2, c3);
        List<Component> kids = parent.childComponents();
        assertEquals(3, kids.size());
        assertTrue(kids.containsAll(List.of(c1, c2, c3)));
    }

    @Test
    void childComponentsIsASnapshot() {
        Passive parent = new Passive();
        Passive c1 = new Passive();
        parent.addChildren(c1);
        List<Component> before = parent.childComponents();
        parent.addChildren(new Passive());
        assertEquals(1, before.size());
        assertEquals(2, parent.childComponents().size());
    }

    @Test // test_Component.py: test_removeChild (child removed, its linkages made by the parent dropped)
    void removeChildForgetsItAndUnlinksIt() {
        Passive parent = new Passive();
        Passive child = new Passive();
        Passive other = new Passive();
        parent.addChildren(child);
        parent.link(child, "outbox", other, "inbox");
        parent.removeChild(child);
        assertEquals(List.of(), parent.childComponents());
        child.send("after removal");
        assertFalse(other.dataReady(), "the parent's linkage from the removed child must be gone");
    }

    @Test
    void childrenDoneTrueOnlyWhenAllChildrenFinished() {
        Scheduler s = Scheduler.create(1);
        Counter quick = new Counter(1);
        Counter slow = new Counter(5);
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        Lambda parent = new Lambda(self -> {
            boolean done = self.areChildrenDone();
            seen.add(done);
            return done ? Step.DONE : Step.PAUSE;
        });
        parent.addChildren(quick, slow);
        parent.activate(s);
        quick.activate(s);
        slow.activate(s);
        assertTrue(s.run(java.time.Duration.ofSeconds(5)));
        assertTrue(quick.isStopped() && slow.isStopped());
        assertEquals(Boolean.TRUE, seen.get(seen.size() - 1));
        assertFalse(seen.get(0), "children had not finished at the parent's first slice");
        assertEquals(List.of(), parent.childComponents(), "childrenDone removes finished children");
    }

    @Test
    void childrenDoneTrueWithNoChildren() {
        Lambda c = new Lambda(self -> Step.DONE);
        assertTrue(c.areChildrenDone());
    }

    // ---- linkages made by a finishing component ----

    @Test // test_Component.py: test_linkagesRemovedOnComponentShutdown
    void finishingComponentRemovesItsOwnLinkagesOnly() {
        Passive a = new Passive(), b = new Passive(), d = new Passive();
        Lambda c = new Lambda(self -> Step.DONE);
        c.link(a, "outbox", b, "inbox");
        c.link(c, "outbox", b, "outbox", Passthrough.OUTBOUND);
        c.link(c, "inbox", a, "inbox", Passthrough.INBOUND);
        d.link(d, "outbox", c, "inbox");
        d.link(b, "outbox", d, "inbox");

        d.send("hello");
        assertEquals("hello", a.recv("inbox"));
        c.send("hello");
        assertEquals("hello", d.recv("inbox"));
        a.send("hello");
        assertEquals("hello", b.recv("inbox"));

        Scheduler s = Scheduler.create(1);
        c.activate(s);
        assertTrue(s.run(java.time.Duration.ofSeconds(5)));
        assertTrue(c.isStopped());

        d.send("bye");
        assertEquals("bye", c.recv("inbox"), "d's link into c stays, c's passthrough to a is gone");
        assertFalse(a.dataReady("inbox"));
        c.send("bye");
        assertFalse(d.dataReady("inbox"), "c's outbound passthrough is gone");
        b.send("bye");
        assertTrue(d.dataReady("inbox"), "d's link from b stays");
        a.send("bye");
        assertFalse(b.dataReady("inbox"), "c's link a->b is gone");
    }

    // ---- lifecycle hooks (Axon's initialiseComponent/mainBody/closeDownComponent) ----

    @Test // test_Component.py: test_main_smokeTest / test_main_closedowntest
    void initialiseRunsBeforeFirstSliceAndCloseDownAfterLast() {
        List<String> events = new CopyOnWriteArrayList<>();
        Component c = new Component() {
            int n;

            @Override
            protected void initialiseComponent() {
                events.add("init");
            }

            @Override
            protected Step main() {
                events.add("slice" + (++n));
                return n == 3 ? Step.DONE : Step.CONTINUE;
            }

            @Override
            protected void closeDownComponent() {
                events.add("close");
            }
        };
        Scheduler s = Scheduler.create(1);
        c.activate(s);
        assertTrue(s.run(java.time.Duration.ofSeconds(5)));
        assertEquals(List.of("init", "slice1", "slice2", "slice3", "close"), events);
    }

    // ---- __str__ ----

    @Test // test_Component.py: test___str__relaxed; test___str__.py: unique and consistent
    void toStringNamesTheComponentUniquely() {
        Passive a = new Passive();
        Passive b = new Passive();
        assertTrue(a.toString().contains(a.name()), a.toString());
        assertEquals(a.toString(), a.toString());
        assertNotEquals(a.toString(), b.toString());
    }
}
