package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.TestComponents.Passive;

/** Ports of Axon's test_Postoffice.py SizeLimitedBoxes_Test (noSpaceInBox -> BoxFullException). */
@Timeout(10)
class SizeLimitedBoxTest {

    private static Passive[] make(int n) {
        Passive[] ps = new Passive[n];
        for (int i = 0; i < n; i++) {
            ps[i] = new Passive();
        }
        return ps;
    }

    @Test // SizeLimitedBoxes_Test: test_smoketest
    void inboxesAreUnboundedByDefaultAndSizeCanBeSet() {
        Passive a = new Passive();
        assertEquals(Component.UNBOUNDED, a.inboxCapacity("inbox"));
        a.setInboxSize("inbox", 5);
        assertEquals(5, a.inboxCapacity("inbox"));
        assertEquals(Component.UNBOUNDED, a.inboxCapacity("control"));
    }

    @Test
    void nonPositiveSizeOtherThanUnboundedIsRejected() {
        Passive a = new Passive();
        assertThrows(IllegalArgumentException.class, () -> a.setInboxSize("inbox", 0));
        assertThrows(IllegalArgumentException.class, () -> a.setInboxSize("inbox", -2));
    }

    @Test // SizeLimitedBoxes_Test: test_BoxSizeGetsLimited
    void boundedInboxTakesUpToItsCapacity() {
        Passive[] c = make(2);
        c[1].setInboxSize("inbox", 5);
        c[0].link(c[0], "outbox", c[1], "inbox");
        for (int i = 0; i < 5; i++) {
            c[0].send(i);
        }
        assertEquals(5, c[1].dataCount("inbox"));
    }

    @Test // SizeLimitedBoxes_Test: test_ExceedBoxSizeAndGetException
    void sendingToAFullInboxThrowsBoxFullWithSizeAndCapacity() {
        Passive[] c = make(2);
        c[1].setInboxSize("inbox", 5);
        c[0].link(c[0], "outbox", c[1], "inbox");
        for (int i = 0; i < 5; i++) {
            c[0].send(i);
        }
        BoxFullException e = assertThrows(BoxFullException.class, () -> c[0].send("sixth"));
        assertEquals(5, e.size());
        assertEquals(5, e.capacity());
        assertTrue(e.getMessage() != null && e.getMessage().contains(c[1].name()), String.valueOf(e.getMessage()));
    }

    @Test
    void rejectedMessageIsNotDeliveredAndNothingQueuedIsLost() {
        Passive[] c = make(2);
        c[1].setInboxSize("inbox", 3);
        c[0].link(c[0], "outbox", c[1], "inbox");
        for (int i = 0; i < 3; i++) {
            c[0].send(i);
        }
        Object kept = "kept by sender";
        assertThrows(BoxFullException.class, () -> c[0].send(kept));
        assertEquals(3, c[1].dataCount("inbox"));
        List<Object> got = new ArrayList<>();
        while (c[1].dataReady()) {
            got.add(c[1].recv());
        }
        assertEquals(List.of(0, 1, 2), got);
        // the sender still has its message and can send it once there is room
        c[0].send(kept);
        assertEquals(kept, c[1].recv());
    }

    @Test // SizeLimitedBoxes_Test: test_removingFromInboxAllowsYouToPutMoreIn
    void collectingFromAFullInboxMakesExactlyThatMuchRoom() {
        Passive[] c = make(2);
        c[1].setInboxSize("inbox", 5);
        c[0].link(c[0], "outbox", c[1], "inbox");
        for (int i = 0; i < 5; i++) {
            c[0].send(i);
        }
        for (int i = 0; i < 3; i++) {
            c[1].recv();
        }
        for (int i = 0; i < 3; i++) {
            c[0].send(i);
        }
        assertThrows(BoxFullException.class, () -> c[0].send("one too many"));
    }

    @Test // SizeLimitedBoxes_Test: test_SizeLimitMidLinkageChainHasNoEffect
    void sizeLimitMidChainHasNoEffect() {
        Passive[] c = make(3);
        c[1].setInboxSize("inbox", 5);
        c[0].link(c[0], "outbox", c[1], "inbox");
        c[1].link(c[1], "inbox", c[2], "inbox", Passthrough.INBOUND);
        for (int i = 0; i < 10; i++) {
            c[0].send(i);
        }
        assertEquals(10, c[2].dataCount("inbox"));
    }

    @Test
    void sizeLimitAppliesAtTheFinalSinkOfAChain() {
        Passive[] c = make(3);
        c[2].setInboxSize("inbox", 2);
        c[0].link(c[0], "outbox", c[1], "inbox");
        c[1].link(c[1], "inbox", c[2], "inbox", Passthrough.INBOUND);
        c[0].send(1);
        c[0].send(2);
        BoxFullException e = assertThrows(BoxFullException.class, () -> c[0].send(3));
        assertEquals(2, e.capacity());
        assertEquals(0, c[1].dataCount("inbox"), "nothing piles up in the intermediate inbox");
        assertEquals(2, c[2].dataCount("inbox"));
    }

    @Test // SizeLimitedBoxes_Test: test_SizeLimitMidLinkageChainComesIntoEffectIfChainBroken
    void sizeLimitMidChainComesIntoEffectWhenChainIsBroken() {
        Passive[] c = make(3);
        c[1].setInboxSize("inbox", 5);
        c[0].link(c[0], "outbox", c[1], "inbox");
        Linkage l2 = c[1].link(c[1], "inbox", c[2], "inbox", Passthrough.INBOUND);
        for (int i = 0; i < 10; i++) {
            c[0].send(i);
        }
        c[1].unlink(l2);
        for (int i = 0; i < 5; i++) {
            c[0].send(i);
        }
        assertThrows(BoxFullException.class, () -> c[0].send("sixth"));
    }

    @Test // SizeLimitedBoxes_Test: test_SettingSizeLimitToNoneSetsToUnlimited
    void unboundedSizeMeansUnlimited() {
        Passive[] c = make(2);
        c[1].setInboxSize("inbox", Component.UNBOUNDED);
        c[0].link(c[0], "outbox", c[1], "inbox");
        for (int i = 0; i < 9999; i++) {
            c[0].send(i);
        }
        assertEquals(9999, c[1].dataCount("inbox"));
    }

    @Test // SizeLimitedBoxes_Test: test_TurningOffSizeLimit
    void turningOffTheSizeLimitLiftsIt() {
        Passive[] c = make(2);
        c[1].setInboxSize("inbox", 5);
        c[0].link(c[0], "outbox", c[1], "inbox");
        for (int i = 0; i < 5; i++) {
            c[0].send(i);
        }
        assertThrows(BoxFullException.class, () -> c[0].send("full"));
        c[1].setInboxSize("inbox", Component.UNBOUNDED);
        for (int i = 0; i < 500; i++) {
            c[0].send(i);
        }
        assertEquals(505, c[1].dataCount("inbox"));
    }

    @Test // SizeLimitedBoxes_Test: test_AllProducersExperienceSameSizeLimit
    void allProducersSharingADestinationSeeTheSameLimit() {
        Passive[] c = make(5);
        Passive a = c[0], b = c[1], cc = c[2], d = c[3], e = c[4];
        e.setInboxSize("inbox", 16);
        a.link(a, "outbox", e, "inbox");
        b.link(b, "outbox", e, "inbox");
        cc.link(cc, "outbox", b, "outbox", Passthrough.OUTBOUND);
        d.link(d, "outbox", b, "outbox", Passthrough.OUTBOUND);
        int i = 0;
        while (i < 100) {
            for (Passive x : List.of(a, b, cc, d)) {
                i++;
                if (i <= 16) {
                    x.send(i);
                } else {
                    int n = i;
                    assertThrows(BoxFullException.class, () -> x.send("over"), x.name() + " at " + n);
                }
            }
        }
        assertEquals(16, e.dataCount("inbox"));
    }

    @Test
    void limitOnOneInboxDoesNotAffectAnother() {
        Passive[] c = make(2);
        c[1].setInboxSize("inbox", 1);
        c[0].link(c[0], "outbox", c[1], "inbox");
        c[0].link(c[0], "signal", c[1], "control");
        c[0].send("fills inbox");
        for (int i = 0; i < 10; i++) {
            c[0].send(i, "signal");
        }
        assertEquals(10, c[1].dataCount("control"));
    }
}
