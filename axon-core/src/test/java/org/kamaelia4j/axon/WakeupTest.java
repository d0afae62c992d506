package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.TestComponents.Collector;
import org.kamaelia4j.axon.TestComponents.Counter;
import org.kamaelia4j.axon.TestComponents.Lambda;
import org.kamaelia4j.axon.TestComponents.Passive;
import org.kamaelia4j.axon.ipc.ProducerFinished;

/**
 * Ports of Axon's test_Component.py MessageDeliveryNotifications_Test, run against a one-worker
 * and a three-worker scheduler. "Run for a while" is {@code run(Duration)}, which returns with
 * every worker stopped, so the counts read afterwards are stable.
 */
@Timeout(10)
class WakeupTest {

    /** Axon's UnpauseDetectionComponent: pauses every slice; counts the slices after the first. */
    static final class Detector extends Component {
        private volatile int slices;

        @Override
        protected Step main() {
            slices++;
            return Step.PAUSE;
        }

        int unpaused() {
            return Math.max(0, slices - 1);
        }
    }

    private static Detector[] detectors(Scheduler s, int n) {
        Detector[] ds = new Detector[n];
        for (int i = 0; i < n; i++) {
            ds[i] = new Detector();
            ds[i].activate(s);
        }
        return ds;
    }

    private static void runForAWhile(Scheduler s) {
        assertFalse(s.run(Duration.ofMillis(40)), "paused microprocesses never finish");
    }

    private static int[] baseline(Detector... ds) {
        int[] b = new int[ds.length];
        for (int i = 0; i < ds.length; i++) {
            b[i] = ds[i].unpaused();
        }
        return b;
    }

    private static void assertWoken(int[] base, Detector[] ds, int... expected) {
        int[] actual = new int[ds.length];
        for (int i = 0; i < ds.length; i++) {
            actual[i] = ds[i].unpaused() - base[i];
        }
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual),
                "wake-ups of components a, b, c, ...");
    }

    /** Lets everything settle, then has {@code first} send one message into the chain. */
    private static void fillChain(Scheduler s, Detector first) {
        runForAWhile(s);
        first.send(new Object());
        runForAWhile(s);
    }

    /** Takes one message from {@code collector}'s inbox and checks who that woke. */
    private static void assertRecvWakes(Scheduler s, Detector[] ds, Detector collector, int... expected) {
        int[] base = baseline(ds);
        collector.recv("inbox");
        runForAWhile(s);
        assertWoken(base, ds, expected);
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Component.py: test_NothingHappensIfNothingHappens
    void pausedComponentsStayPausedIfNothingHappens(int workers) {
        Scheduler s = Scheduler.create(workers);
        Detector[] d = detectors(s, 2);
        d[0].link(d[0], "outbox", d[1], "inbox");
        d[1].link(d[1], "outbox", d[0], "inbox");
        runForAWhile(s);
        runForAWhile(s);
        assertEquals(0, d[0].unpaused());
        assertEquals(0, d[1].unpaused());
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Component.py: test_ConsumerWokenByDelivery, test_ProducerNotWokenByDelivery
    void deliveryWakesTheReceiverNotTheSender(int workers) {
        Scheduler s = Scheduler.create(workers);
        Detector[] d = detectors(s, 2);
        d[0].link(d[0], "outbox", d[1], "inbox");
        fillChain(s, d[0]);
        assertEquals(1, d[1].unpaused(), "consumer woken once");
        assertEquals(0, d[0].unpaused(), "producer not woken by its own send");
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Component.py: test_ProducerWokenByCollection (K4J: only a collection from a full bounded inbox wakes)
    void recvFreeingSpaceInAFullInboxWakesTheProducer(int workers) {
        Scheduler s = Scheduler.create(workers);
        Detector[] d = detectors(s, 2);
        d[1].setInboxSize("inbox", 1);
        d[0].link(d[0], "outbox", d[1], "inbox");
        fillChain(s, d[0]);
        assertRecvWakes(s, d, d[1], 1, 0);
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Component.py: test_ChainOnlyFinalDestinationNotified
    void inAChainOnlyTheFinalDestinationIsWokenByDelivery(int workers) {
        Scheduler s = Scheduler.create(workers);
        Detector[] d = detectors(s, 4);
        d[0].link(d[0], "outbox", d[1], "inbox");
        d[1].link(d[1], "inbox", d[2], "inbox", Passthrough.INBOUND);
        d[2].link(d[2], "inbox", d[3], "inbox", Passthrough.INBOUND);
        runForAWhile(s);
        int[] base = baseline(d);
        d[0].send(new Object());
        runForAWhile(s);
        assertWoken(base, d, 0, 0, 0, 1);
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Component.py: test_ChainOnlyOutboxHoldersNotified (bounded final inbox)
    void inAChainOnlyOutboxHoldersAreWokenByCollection(int workers) {
        Scheduler s = Scheduler.create(workers);
        Detector[] d = detectors(s, 4);
        d[3].setInboxSize("inbox", 1);
        d[0].link(d[0], "outbox", d[1], "inbox");
        d[1].link(d[1], "inbox", d[2], "inbox", Passthrough.INBOUND);
        d[2].link(d[2], "inbox", d[3], "inbox", Passthrough.INBOUND);
        fillChain(s, d[0]);
        assertRecvWakes(s, d, d[3], 1, 0, 0, 0);
    }

    /** a.outbox -> b.outbox -> c.outbox -> d.inbox -> e.inbox; returns the linkages L1..L4. */
    private static Linkage[] outboundChain(Detector[] d) {
        return new Linkage[] {
            d[0].link(d[0], "outbox", d[1], "outbox", Passthrough.OUTBOUND),
            d[1].link(d[1], "outbox", d[2], "outbox", Passthrough.OUTBOUND),
            d[2].link(d[2], "outbox", d[3], "inbox"),
            d[3].link(d[3], "inbox", d[4], "inbox", Passthrough.INBOUND),
        };
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Component.py: test_AllOutboxOwnersNotified (bounded final inbox; recv from the final inbox)
    void allOutboxOwnersInAChainAreWokenByCollection(int workers) {
        Scheduler s = Scheduler.create(workers);
        Detector[] d = detectors(s, 5);
        d[4].setInboxSize("inbox", 1);
        outboundChain(d);
        fillChain(s, d[0]);
        assertRecvWakes(s, d, d[4], 1, 1, 1, 0, 0);
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Component.py: test_LinkBrokenNoNotify
    void outboxOwnersCutOffFromTheChainAreNotWoken(int workers) {
        Scheduler s = Scheduler.create(workers);
        Detector[] d = detectors(s, 5);
        d[4].setInboxSize("inbox", 1);
        Linkage[] l = outboundChain(d);
        fillChain(s, d[0]);
        d[1].unlink(l[1]);
        runForAWhile(s);
        assertRecvWakes(s, d, d[4], 0, 0, 1, 0, 0);
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Component.py: test_LinkReestablishedNotify
    void outboxOwnersRelinkedIntoTheChainAreWoken(int workers) {
        Scheduler s = Scheduler.create(workers);
        Detector[] d = detectors(s, 5);
        d[4].setInboxSize("inbox", 1);
        Linkage[] l = outboundChain(d);
        fillChain(s, d[0]);
        d[1].unlink(l[1]);
        runForAWhile(s);
        d[1].link(d[1], "outbox", d[2], "outbox", Passthrough.OUTBOUND);
        runForAWhile(s);
        assertRecvWakes(s, d, d[4], 1, 1, 1, 0, 0);
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Component.py: test_LinkNewlyEestablishedNotify
    void newlyLinkedOutboxOwnerIsWokenToo(int workers) {
        Scheduler s = Scheduler.create(workers);
        Detector[] d = detectors(s, 6);
        d[4].setInboxSize("inbox", 1);
        outboundChain(d);
        fillChain(s, d[0]);
        d[5].link(d[5], "outbox", d[2], "outbox", Passthrough.OUTBOUND);
        runForAWhile(s);
        assertRecvWakes(s, d, d[4], 1, 1, 1, 0, 0, 1);
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void recvFromFullInboxWakesEveryProducerFeedingIt(int workers) {
        Scheduler s = Scheduler.create(workers);
        Detector[] d = detectors(s, 3);
        d[2].setInboxSize("inbox", 2);
        d[0].link(d[0], "outbox", d[2], "inbox");
        d[1].link(d[1], "outbox", d[2], "inbox");
        runForAWhile(s);
        d[0].send(1);
        d[1].send(2);
        runForAWhile(s);
        assertRecvWakes(s, d, d[2], 1, 1, 0);
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void childFinishingWakesItsParent(int workers) {
        Scheduler s = Scheduler.create(workers);
        Counter child = new Counter(3);
        Lambda parent = new Lambda(self -> {
            if (self.slicesRun.get() == 1) {
                child.activate(s);    // the first slice always pauses, so only the child can wake it
                return Step.PAUSE;
            }
            return self.areChildrenDone() ? Step.DONE : Step.PAUSE;
        });
        parent.addChildren(child);
        parent.activate(s);
        // if the child's finishing did not wake the paused parent, run would time out
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertTrue(parent.isStopped());
        assertTrue(parent.slicesRun.get() >= 2);
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void deliveryDuringASliceThatEndsInPauseIsNotLost(int workers) {
        Scheduler s = Scheduler.create(workers);
        List<Object> got = new CopyOnWriteArrayList<>();
        Lambda c = new Lambda(self -> {
            if (self.slicesRun.get() == 1) {
                self.send("to myself");   // delivered to our own inbox during this slice
                return Step.PAUSE;
            }
            while (self.dataReady()) {
                got.add(self.recv());
            }
            return got.isEmpty() ? Step.PAUSE : Step.DONE;
        });
        c.link(c, "outbox", c, "inbox");
        c.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)), "the wake-up from the delivery was lost");
        assertEquals(List.of("to myself"), got);
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void pauseThenUnpauseInOneSliceLeavesItAwake(int workers) {
        Scheduler s = Scheduler.create(workers);
        Lambda c = new Lambda(self -> {
            if (self.slicesRun.get() == 1) {
                self.pause();
                self.unpause();
                return Step.CONTINUE;
            }
            return Step.DONE;
        });
        c.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertEquals(2, c.slicesRun.get());
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void unpauseFromAnotherThreadDuringASliceEndingInPauseIsNotLost(int workers) throws Exception {
        Scheduler s = Scheduler.create(workers);
        CountDownLatch inSlice = new CountDownLatch(1);
        CountDownLatch woken = new CountDownLatch(1);
        Lambda c = new Lambda(self -> {
            if (self.slicesRun.get() == 1) {
                inSlice.countDown();
                assertTrue(woken.await(5, TimeUnit.SECONDS));
                return Step.PAUSE;   // the wake came during this slice: it must run again
            }
            return Step.DONE;
        });
        Thread waker = new Thread(() -> {
            try {
                if (inSlice.await(5, TimeUnit.SECONDS)) {
                    c.unpause();
                    woken.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waker.start();
        c.activate(s);
        boolean finished = s.run(Duration.ofSeconds(6));
        waker.join();
        assertTrue(finished, "the cross-thread wake-up during the slice was lost");
        assertEquals(2, c.slicesRun.get());
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void messagesSentFromAnotherThreadAllArriveWithoutLostWakeups(int workers) throws Exception {
        Scheduler s = Scheduler.create(workers);
        Passive feeder = new Passive();   // never activated: its boxes are driven by a plain thread
        Collector col = new Collector();
        feeder.link(feeder, "outbox", col, "inbox");
        feeder.link(feeder, "signal", col, "control");
        col.activate(s);
        int n = 20_000;
        Thread sender = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                feeder.send(i);
                if (i % 97 == 0) {
                    Thread.yield();
                }
            }
            feeder.send(new ProducerFinished(), "signal");
        });
        sender.start();
        boolean finished = s.run(Duration.ofSeconds(8));
        sender.join();
        assertTrue(finished, "collector did not finish: a wake-up was lost (got " + col.received.size() + ")");
        assertEquals(n, col.received.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, col.received.get(i));
        }
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void backPressureProducerResumesWhenConsumerMakesRoom(int workers) {
        Scheduler s = Scheduler.create(workers);
        int n = 2_000;
        Lambda producer = new Lambda(new TestComponents.Body() {
            int next;

            @Override
            public Step step(Lambda self) {
                while (next < n) {
                    try {
                        self.send(next);
                    } catch (BoxFullException full) {
                        return Step.PAUSE;   // woken when the consumer frees space
                    }
                    next++;
                }
                return Step.DONE;
            }
        });
        List<Object> got = new ArrayList<>();
        Lambda consumer = new Lambda(self -> {
            if (self.dataReady()) {
                got.add(self.recv());   // one per slice, so the inbox keeps filling up
            }
            return got.size() == n ? Step.DONE : self.dataReady() ? Step.CONTINUE : Step.PAUSE;
        });
        consumer.setInboxSize("inbox", 3);
        producer.link(producer, "outbox", consumer, "inbox");
        producer.activate(s);
        consumer.activate(s);
        assertTrue(s.run(Duration.ofSeconds(8)), "stalled after " + got.size() + " messages");
        assertEquals(n, got.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, got.get(i));
        }
    }
}
