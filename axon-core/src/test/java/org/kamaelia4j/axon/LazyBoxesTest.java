package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Declared boxes are made on first use: a fresh component shares its table of declarations,
 * looking at names and descriptions makes nothing, the first use makes exactly one box however
 * many threads race to it, and a slice's snapshot still sees everything sent before a shutdown
 * when the sender is the one that puts the inbox in use.
 */
@Timeout(120)
class LazyBoxesTest {

    private static final class Quiet extends AdaptiveCommsComponent {
        @Override
        protected Step main() {
            return Step.PAUSE;
        }
    }

    @Test
    void aFreshComponentHasNoBoxesMadeAndNamesAndDescriptionsMakeNone() {
        Quiet c = new Quiet();
        assertEquals(Set.of(Component.INBOX, Component.CONTROL), c.inboxNames());
        assertEquals(Set.of(Component.OUTBOX, Component.SIGNAL), c.outboxNames());
        assertEquals("messages for this component", c.describe(Component.INBOX));
        assertEquals(0, Instrumentation.depth(c, Component.INBOX));
        assertEquals(0, Instrumentation.delivered(c, Component.CONTROL));
        assertNull(c.usedInbox(Component.INBOX));
        assertNull(c.usedInbox(Component.CONTROL));
        assertThrows(UnknownBoxException.class, () -> c.usedInbox("nope"));
    }

    @Test
    void theFirstUseMakesThatBoxOnlyAndLaterUsesFindTheSameOne() {
        Quiet c = new Quiet();
        c.dataReady();
        Inbox inbox = c.usedInbox(Component.INBOX);
        assertNotNull(inbox);
        assertNull(c.usedInbox(Component.CONTROL), "control was not used");
        assertSame(inbox, c.inboxBox(Component.INBOX));
        c.send("dropped: the outbox leads nowhere");
        assertSame(c.outboxBox(Component.OUTBOX), c.outboxBox(Component.OUTBOX));
        assertEquals("messages for this component", c.describe(Component.INBOX));
    }

    @Test
    void usingABoxLeavesOtherComponentsFromTheSameDeclarationUntouched() {
        Quiet a = new Quiet();
        Quiet b = new Quiet();
        a.link(a, Component.OUTBOX, a, Component.INBOX);
        a.send("to myself");
        assertEquals("to myself", a.recv());
        assertNull(b.usedInbox(Component.INBOX));
        assertEquals(0, b.dataCount(Component.INBOX));
    }

    @Test
    void addedBoxesAreMadeOnFirstUseAndAnUnusedOneCanBeDeleted() {
        Quiet c = new Quiet();
        String extra = c.addInbox("extra", "an added inbox");
        assertNull(c.usedInbox(extra));
        assertEquals("an added inbox", c.describe(extra));
        c.deleteInbox(extra);
        assertThrows(UnknownBoxException.class, () -> c.dataReady(extra));
        String used = c.addInbox("used");
        Instrumentation.inject(c, used, "m");
        assertEquals(1, Instrumentation.depth(c, used));
        c.deleteInbox(used);
        assertEquals(Set.of(Component.INBOX, Component.CONTROL), c.inboxNames());
    }

    @Test
    void threadsUsingABoxForTheFirstTimeAtOnceAllGetTheSameBox() throws Exception {
        int threads = 4;
        int rounds = 2_000;
        for (int round = 0; round < rounds; round++) {
            Quiet c = new Quiet();
            AtomicReferenceArray<Box> seen = new AtomicReferenceArray<>(threads);
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Thread> racers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int me = t;
                racers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    // Half the threads also add a box, which copies the table too.
                    if (me % 2 == 1) {
                        c.addInbox("added");
                    }
                    seen.set(me, c.inboxBox(Component.INBOX));
                }));
            }
            for (Thread racer : racers) {
                racer.join();
            }
            for (int t = 0; t < threads; t++) {
                assertSame(c.usedInbox(Component.INBOX), seen.get(t), "round " + round + ", thread " + t);
            }
            assertEquals(2 + threads / 2, c.inboxNames().size(), "round " + round + ": added inboxes");
        }
    }

    /**
     * The snapshot race: control is in use before the first slice, inbox is not. The component
     * runs slice after slice looking at control only; a thread puts data into inbox (making it)
     * and then a shutdown into control, landing in the middle of some slice's snapshot. The slice
     * that sees the shutdown must see the data too.
     */
    @Test
    void aSliceNeverSeesAShutdownWithoutTheDataSentBeforeItIntoANewlyMadeInbox() throws Exception {
        int rounds = 2_000;
        int messages = 3;
        for (int round = 0; round < rounds; round++) {
            Scheduler s = Scheduler.create(1);
            Watcher w = new Watcher();
            w.inboxCapacity(Component.CONTROL); // control in use, inbox not
            w.activate(s);
            s.startInBackground();
            while (!w.looking) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < messages; i++) {
                Instrumentation.inject(w, Component.INBOX, i);
            }
            Instrumentation.inject(w, Component.CONTROL, new ShutdownMicroprocess());
            while (!w.isStopped()) {
                Thread.onSpinWait();
            }
            s.stop();
            assertEquals(messages, w.received, "round " + round + ": messages seen with the shutdown");
        }
    }

    /** Looks at control slice after slice; once the shutdown shows, drains inbox and finishes. */
    private static final class Watcher extends Component {
        volatile boolean looking;
        volatile int received;

        @Override
        protected Step main() {
            looking = true;
            if (!dataReady(CONTROL)) {
                return Step.CONTINUE;
            }
            int n = 0;
            while (dataReady()) {
                recv();
                n++;
            }
            received = n;
            return Step.DONE;
        }
    }
}
