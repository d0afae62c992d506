package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.TestComponents.Passive;

/**
 * Ports of Axon's test_Postoffice.py (postoffice_Test, linkagechaining_Test) and test_Linkage.py,
 * plus the contract's delivery rules (immediate, FIFO, drop when unlinked, one hop).
 */
@Timeout(10)
class PostofficeLinkageTest {

    private static Passive[] make(int n) {
        Passive[] ps = new Passive[n];
        for (int i = 0; i < n; i++) {
            ps[i] = new Passive();
        }
        return ps;
    }

    /**
     * Sends a fresh object from {@code src.srcOutbox} and checks it arrives in {@code dst.dstInbox}
     * (and nowhere else on the way).
     */
    private static void verifyDelivery(Component src, String srcOutbox, Component dst, String dstInbox) {
        Object data = new Object();
        int before = dst.dataCount(dstInbox);
        src.send(data, srcOutbox);
        assertEquals(before + 1, dst.dataCount(dstInbox), "delivered from " + src.name() + " '" + srcOutbox + "'");
        for (int i = 0; i < before; i++) {
            dst.recv(dstInbox);
        }
        assertSame(data, dst.recv(dstInbox));
    }

    // ---- Linkage values (test_Linkage.py) ----

    @Test // test_Linkage.py: test_SmokeTest_MinArguments / test_Component.py: test_link (default args)
    void linkReturnsLinkageDescribingOutboxToInbox() {
        Passive a = new Passive(), b = new Passive();
        Linkage l = a.link(a, "outbox", b, "inbox");
        assertSame(a, l.source());
        assertEquals("outbox", l.sourceBox());
        assertSame(b, l.sink());
        assertEquals("inbox", l.sinkBox());
        assertEquals(Passthrough.NONE, l.passthrough());
    }

    @Test // test_Linkage.py: test_SmokeTest_SpecificBoxesArguments
    void linkageRecordsSpecificBoxes() {
        Passive a = new Passive(), b = new Passive();
        Linkage l = a.link(a, "signal", b, "control");
        assertEquals("signal", l.sourceBox());
        assertEquals("control", l.sinkBox());
        assertEquals(Passthrough.NONE, l.passthrough());
    }

    @Test // test_Linkage.py: test_SmokeTest_inboxPassthrough / outboxPassthrough; test_Component.py: test_link
    void linkageRecordsPassthroughKind() {
        Passive parent = new Passive(), child = new Passive();
        Linkage in = parent.link(parent, "inbox", child, "inbox", Passthrough.INBOUND);
        Linkage out = parent.link(child, "outbox", parent, "outbox", Passthrough.OUTBOUND);
        assertEquals(Passthrough.INBOUND, in.passthrough());
        assertSame(parent, in.source());
        assertSame(child, in.sink());
        assertEquals(Passthrough.OUTBOUND, out.passthrough());
        assertSame(child, out.source());
        assertSame(parent, out.sink());
    }

    @Test
    void passthroughHasThreeKindsInAxonOrder() {
        assertEquals(List.of(Passthrough.NONE, Passthrough.INBOUND, Passthrough.OUTBOUND),
                List.of(Passthrough.values()));
    }

    @Test // test_Linkage.py: test___str__strict (relaxed: names both ends and boxes)
    void linkageToStringNamesBothEnds() {
        Passive a = new Passive(), b = new Passive();
        String s = a.link(a, "signal", b, "control").toString();
        assertTrue(s.contains(a.name()) && s.contains(b.name()) && s.contains("signal") && s.contains("control"), s);
    }

    @Test
    void passthroughKindChoosesBoxKinds() {
        Passive a = new Passive(), b = new Passive();
        // INBOUND links inbox -> inbox: "outbox" is not an inbox
        assertThrows(UnknownBoxException.class, () -> a.link(a, "outbox", b, "inbox", Passthrough.INBOUND));
        // OUTBOUND links outbox -> outbox: "inbox" is not an outbox
        assertThrows(UnknownBoxException.class, () -> a.link(a, "outbox", b, "inbox", Passthrough.OUTBOUND));
        // NONE links outbox -> inbox
        assertThrows(UnknownBoxException.class, () -> a.link(a, "inbox", b, "outbox"));
    }

    // ---- registration (test_Postoffice.py postoffice_Test) ----

    @Test // test_Postoffice.py: test_linkregistered
    void linkagesAreRegisteredWithTheirMaker() {
        Passive a = new Passive(), b = new Passive(), maker = new Passive();
        Linkage l1 = maker.link(a, "outbox", b, "inbox");
        Linkage l2 = maker.link(a, "signal", b, "control");
        assertEquals(List.of(l1, l2), maker.linkages());
    }

    @Test // test_Postoffice.py: test_linkderegisters / test_linkdisengages
    void unlinkByLinkageDeregistersAndDisengagesOnlyThatLinkage() {
        Passive a = new Passive(), b = new Passive();
        Linkage l1 = a.link(a, "outbox", b, "inbox");
        Linkage l2 = a.link(a, "signal", b, "control");
        a.unlink(l1);
        assertEquals(List.of(l2), a.linkages());
        a.send("x");
        assertFalse(b.dataReady("inbox"));
        a.send("y", "signal");
        assertEquals("y", b.recv("control"));
    }

    @Test // test_Postoffice.py: test_componentlinksderegisters
    void unlinkByComponentRemovesAllLinkagesInvolvingIt() {
        Passive[] c = make(3);
        Passive maker = new Passive();
        Linkage l1 = maker.link(c[0], "outbox", c[1], "inbox");
        Linkage l2 = maker.link(c[0], "signal", c[1], "control");
        Linkage l3 = maker.link(c[1], "outbox", c[2], "inbox");
        Linkage l4 = maker.link(c[1], "signal", c[2], "control");
        maker.unlink(c[0]);
        List<Linkage> left = maker.linkages();
        assertFalse(left.contains(l1) || left.contains(l2));
        assertTrue(left.contains(l3) && left.contains(l4));
    }

    @Test
    void unlinkByComponentLeavesLinkagesOthersMadeWhicheverSideItSearches() {
        Passive[] c = make(4);
        Passive maker = new Passive();
        Passive stranger = new Passive();
        Linkage mine = maker.link(c[0], "outbox", c[1], "inbox");
        Linkage theirs = stranger.link(c[2], "outbox", c[1], "inbox");
        Linkage theirsOut = stranger.link(c[1], "outbox", c[3], "inbox");
        maker.unlink(c[1]); // maker has one linkage, c[1] three: maker's list is searched
        assertFalse(mine.isActive());
        assertTrue(theirs.isActive() && theirsOut.isActive());

        Linkage mineAtC3 = maker.link(c[3], "outbox", c[0], "inbox");
        Linkage theirsElsewhere = stranger.link(c[0], "signal", c[2], "control");
        stranger.unlink(c[3]); // stranger has three linkages, c[3] two: c[3]'s boxes are searched
        assertFalse(theirsOut.isActive());
        assertTrue(mineAtC3.isActive() && theirs.isActive() && theirsElsewhere.isActive());
        assertEquals(List.of(theirs, theirsElsewhere), stranger.linkages());
        assertEquals(List.of(mineAtC3), maker.linkages());
    }

    @Test // test_Postoffice.py: test_linkdisengages_inboxinboxpassthrough
    void unlinkInboundPassthroughDisengages() {
        Passive a = new Passive(), b = new Passive(), src = new Passive();
        src.link(src, "outbox", a, "inbox");
        Linkage l = a.link(a, "inbox", b, "inbox", Passthrough.INBOUND);
        src.send("via");
        assertEquals("via", b.recv());
        a.unlink(l);
        src.send("direct");
        assertFalse(b.dataReady());
        assertEquals("direct", a.recv());
    }

    @Test // test_Postoffice.py: test_linkdisengages_outboxoutboxpassthrough
    void unlinkOutboundPassthroughDisengages() {
        Passive a = new Passive(), b = new Passive(), dst = new Passive();
        b.link(b, "outbox", dst, "inbox");
        Linkage l = a.link(a, "outbox", b, "outbox", Passthrough.OUTBOUND);
        a.send("via");
        assertEquals("via", dst.recv());
        a.unlink(l);
        a.send("dropped");
        assertFalse(dst.dataReady());
        b.send("still");
        assertEquals("still", dst.recv());
    }

    @Test
    void unlinkOfAnotherComponentsLinkageIsIgnored() {
        Passive a = new Passive(), b = new Passive(), stranger = new Passive();
        Linkage l = a.link(a, "outbox", b, "inbox");
        stranger.unlink(l);
        a.send("x");
        assertEquals("x", b.recv());
    }

    // ---- one destination per source box ----

    @Test // test_Postoffice.py: test_BoxAlreadyLinkedToDestinationException
    void secondLinkFromOneSourceBoxThrowsUntilUnlinked() {
        Passive[] c = make(3);
        Linkage l1 = c[0].link(c[0], "outbox", c[1], "inbox");
        assertThrows(BoxAlreadyLinkedException.class, () -> c[0].link(c[0], "outbox", c[2], "inbox"));
        // the failed link changed nothing
        c[0].send("still to 1");
        assertEquals("still to 1", c[1].recv());
        c[0].unlink(l1);
        c[0].link(c[0], "outbox", c[2], "inbox");
        c[0].send("now to 2");
        assertEquals("now to 2", c[2].recv());
    }

    @Test
    void secondPassthroughFromOneInboxThrows() {
        Passive[] c = make(3);
        c[0].link(c[0], "inbox", c[1], "inbox", Passthrough.INBOUND);
        assertThrows(BoxAlreadyLinkedException.class,
                () -> c[0].link(c[0], "inbox", c[2], "inbox", Passthrough.INBOUND));
    }

    @Test
    void manySourcesIntoOneInboxAreFine() {
        Passive[] c = make(4);
        Passive sink = c[3];
        for (int i = 0; i < 3; i++) {
            c[i].link(c[i], "outbox", sink, "inbox");
        }
        c[0].send("a");
        c[1].send("b");
        c[2].send("c");
        assertEquals(List.of("a", "b", "c"), List.of(sink.recv(), sink.recv(), sink.recv()));
    }

    // ---- delivery ----

    @Test
    void sendToUnlinkedOutboxDropsTheMessage() {
        Passive a = new Passive(), b = new Passive();
        a.send("dropped");
        a.send("dropped too", "signal");
        a.link(a, "outbox", b, "inbox");
        assertFalse(b.dataReady(), "messages sent while unlinked are not kept for a later link");
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void deliveryIsImmediateBeforeAnySchedulerCycle(int workers) {
        Scheduler s = Scheduler.create(workers);
        Passive a = new Passive(), b = new Passive();
        a.activate(s);
        b.activate(s);
        a.link(a, "outbox", b, "inbox");
        for (int i = 1; i <= 3; i++) {
            a.send(i);
            assertEquals(i, b.dataCount("inbox"));
        }
        s.stop();
    }

    @Test
    void recvIsFifo() {
        Passive a = new Passive(), b = new Passive();
        a.link(a, "outbox", b, "inbox");
        for (int i = 0; i < 200; i++) {
            a.send(i);
        }
        for (int i = 0; i < 200; i++) {
            assertEquals(Integer.valueOf(i), b.recv());
        }
    }

    // ---- chains (test_Postoffice.py linkagechaining_Test) ----

    @Test // linkagechaining_Test: test_Simple
    void simpleOutboxToInbox() {
        Passive[] c = make(2);
        c[0].link(c[0], "outbox", c[1], "inbox");
        verifyDelivery(c[0], "outbox", c[1], "inbox");
    }

    @Test // linkagechaining_Test: test_SimpleThenInboxPassthrough
    void simpleThenInboxPassthroughReachesFinalInbox() {
        Passive[] c = make(3);
        c[0].link(c[0], "outbox", c[1], "inbox");
        c[0].link(c[1], "inbox", c[2], "inbox", Passthrough.INBOUND);
        verifyDelivery(c[0], "outbox", c[2], "inbox");
        assertEquals(0, c[1].dataCount("inbox"), "the intermediate inbox keeps nothing");
    }

    @Test // linkagechaining_Test: test_InboxPassthroughThenNormal
    void inboxPassthroughThenNormalReachesFinalInbox() {
        Passive[] c = make(3);
        c[0].link(c[1], "inbox", c[2], "inbox", Passthrough.INBOUND);
        c[0].link(c[0], "outbox", c[1], "inbox");
        verifyDelivery(c[0], "outbox", c[2], "inbox");
        assertEquals(0, c[1].dataCount("inbox"));
    }

    @Test // linkagechaining_Test: test_SimpleThenOutboxPassthrough
    void simpleThenOutboxPassthroughReachesFinalInbox() {
        Passive[] c = make(3);
        c[0].link(c[1], "outbox", c[2], "inbox");
        c[0].link(c[0], "outbox", c[1], "outbox", Passthrough.OUTBOUND);
        verifyDelivery(c[0], "outbox", c[2], "inbox");
        verifyDelivery(c[1], "outbox", c[2], "inbox");
    }

    @Test // linkagechaining_Test: test_OutboxPassthroughThenNormal
    void outboxPassthroughThenNormalReachesFinalInbox() {
        Passive[] c = make(3);
        c[0].link(c[0], "outbox", c[1], "outbox", Passthrough.OUTBOUND);
        c[0].link(c[1], "outbox", c[2], "inbox");
        verifyDelivery(c[0], "outbox", c[2], "inbox");
        verifyDelivery(c[1], "outbox", c[2], "inbox");
    }

    @Test // linkagechaining_Test: test_InboxPassthrougthDeletion
    void unlinkingInboxPassthroughRestoresIntermediateInboxAsSink() {
        Passive[] c = make(3);
        c[0].link(c[0], "outbox", c[1], "inbox");
        Linkage pass = c[0].link(c[1], "inbox", c[2], "inbox", Passthrough.INBOUND);
        verifyDelivery(c[0], "outbox", c[2], "inbox");
        c[0].unlink(pass);
        verifyDelivery(c[0], "outbox", c[1], "inbox");
        assertEquals(0, c[2].dataCount("inbox"));
    }

    @Test
    void deepNestedChainResolvesToFinalInboxInAnyBuildOrder() {
        // outbox a -> outbox b -> outbox c -> inbox d -> inbox e -> inbox f, links made back to front and mixed
        Passive[] c = make(6);
        c[0].link(c[4], "inbox", c[5], "inbox", Passthrough.INBOUND);
        c[0].link(c[0], "outbox", c[1], "outbox", Passthrough.OUTBOUND);
        c[0].link(c[2], "outbox", c[3], "inbox");
        c[0].link(c[3], "inbox", c[4], "inbox", Passthrough.INBOUND);
        c[0].link(c[1], "outbox", c[2], "outbox", Passthrough.OUTBOUND);
        verifyDelivery(c[0], "outbox", c[5], "inbox");
        verifyDelivery(c[1], "outbox", c[5], "inbox");
        verifyDelivery(c[2], "outbox", c[5], "inbox");
        for (int i = 3; i < 5; i++) {
            assertEquals(0, c[i].dataCount("inbox"), "intermediate inbox " + i);
        }
    }

    @Test
    void messagesWaitingInAnInboxMoveOnWhenItBecomesAPassthroughSource() {
        Passive[] c = make(3);
        c[0].link(c[0], "outbox", c[1], "inbox");
        c[0].send(1);
        c[0].send(2);
        assertEquals(2, c[1].dataCount("inbox"));
        c[0].link(c[1], "inbox", c[2], "inbox", Passthrough.INBOUND);
        assertEquals(0, c[1].dataCount("inbox"));
        c[0].send(3);
        assertEquals(List.of(1, 2, 3), List.of(c[2].<Integer>recv(), c[2].<Integer>recv(), c[2].<Integer>recv()));
    }

    @Test
    void messagesWaitingInAPassthroughSourceMoveOnThroughAWholeChain() {
        Passive[] c = make(4);
        c[0].link(c[0], "outbox", c[1], "inbox");
        c[0].link(c[2], "inbox", c[3], "inbox", Passthrough.INBOUND);
        c[0].send("waiting");
        c[0].link(c[1], "inbox", c[2], "inbox", Passthrough.INBOUND);
        assertEquals(0, c[1].dataCount("inbox"));
        assertEquals(0, c[2].dataCount("inbox"));
        assertEquals("waiting", c[3].recv());
    }

    @Test
    void unlinkingMidChainMakesTheIntermediateInboxTheSinkForItsFeeders() {
        Passive[] c = make(4);
        c[0].link(c[0], "outbox", c[1], "inbox");
        c[0].link(c[1], "inbox", c[2], "inbox", Passthrough.INBOUND);
        Linkage mid = c[0].link(c[2], "inbox", c[3], "inbox", Passthrough.INBOUND);
        verifyDelivery(c[0], "outbox", c[3], "inbox");
        c[0].unlink(mid);
        verifyDelivery(c[0], "outbox", c[2], "inbox");
        assertEquals(0, c[1].dataCount("inbox"));
    }

    @Test
    void relinkingAfterUnlinkRestoresTheChain() {
        Passive[] c = make(3);
        c[0].link(c[0], "outbox", c[1], "outbox", Passthrough.OUTBOUND);
        c[0].link(c[1], "outbox", c[2], "inbox");
        Linkage l = c[0].linkages().get(0);
        c[0].unlink(l);
        c[0].send("dropped");
        assertEquals(0, c[2].dataCount("inbox"));
        c[0].link(c[0], "outbox", c[1], "outbox", Passthrough.OUTBOUND);
        verifyDelivery(c[0], "outbox", c[2], "inbox");
    }

    @Test
    void manyOutboundPassthroughsIntoOneOutboxShareItsDestination() {
        // test_Postoffice.py SizeLimitedBoxes_Test.test_AllProducersExperienceSameSizeLimit topology
        Passive[] c = make(5);
        Passive e = c[4];
        c[0].link(c[0], "outbox", e, "inbox");
        c[1].link(c[1], "outbox", e, "inbox");
        c[2].link(c[2], "outbox", c[1], "outbox", Passthrough.OUTBOUND);
        c[3].link(c[3], "outbox", c[1], "outbox", Passthrough.OUTBOUND);
        for (int i = 0; i < 4; i++) {
            verifyDelivery(c[i], "outbox", e, "inbox");
        }
    }

    @Test
    void linkageCycleOfPassthroughsIsRejected() {
        Passive[] c = make(2);
        c[0].link(c[0], "inbox", c[1], "inbox", Passthrough.INBOUND);
        assertThrows(RuntimeException.class, () -> c[0].link(c[1], "inbox", c[0], "inbox", Passthrough.INBOUND));
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void dataFlowsThroughAChainWhileScheduled(int workers) throws InterruptedException {
        // Source -> (Passive wrapper inbox -> Collector inbox) : a message stream crossing an inbound passthrough
        Scheduler s = Scheduler.create(workers);
        TestComponents.Source src = TestComponents.Source.range(1, 50);
        Passive wrapper = new Passive();
        TestComponents.Collector col = new TestComponents.Collector();
        wrapper.link(src, "outbox", wrapper, "inbox");
        wrapper.link(wrapper, "inbox", col, "inbox", Passthrough.INBOUND);
        wrapper.link(src, "signal", col, "control");
        col.activate(s);
        src.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        List<Object> expected = new java.util.ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            expected.add(i);
        }
        assertEquals(expected, col.received);
    }
}
