package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.TestComponents.Collector;
import org.kamaelia4j.axon.TestComponents.Counter;
import org.kamaelia4j.axon.TestComponents.CountingMicroprocess;
import org.kamaelia4j.axon.TestComponents.Lambda;
import org.kamaelia4j.axon.TestComponents.Passive;
import org.kamaelia4j.axon.TestComponents.Thrower;
import org.kamaelia4j.axon.ipc.ErrorInformation;

/** Ports of Axon's test_Scheduler.py, against a one-worker and a three-worker scheduler. */
@Timeout(10)
class SchedulerTest {

    /** Runs CONTINUE forever, counting slices (Axon's TestRunningMProc). */
    static final class Spinner extends Microprocess {
        final AtomicInteger slices = new AtomicInteger();

        @Override
        protected Step main() {
            slices.incrementAndGet();
            return Step.CONTINUE;
        }
    }

    /** Pauses every slice, counting slices. */
    static final class Sleeper extends Microprocess {
        final AtomicInteger slices = new AtomicInteger();

        @Override
        protected Step main() {
            slices.incrementAndGet();
            return Step.PAUSE;
        }
    }

    /**
     * Runs the scheduler for a window long enough that every runnable microprocess gets slices even
     * when the machine is loaded: with 3 workers on 2 busy cores, 30 ms windows sometimes ended
     * before the helper threads had run at all.
     */
    private static void runForAWhile(Scheduler s) {
        assertFalse(s.run(Duration.ofMillis(150)));
    }

    private static int[] counts(List<Spinner> ms) {
        return ms.stream().mapToInt(m -> m.slices.get()).toArray();
    }

    @Test
    void createRejectsLessThanOneWorker() {
        assertThrows(IllegalArgumentException.class, () -> Scheduler.create(0));
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Scheduler.py: test_stopsIfNoThreads
    void runReturnsAtOnceWithNothingToRun(int workers) {
        Scheduler s = Scheduler.create(workers);
        assertTrue(s.run(Duration.ofSeconds(5)));
        s.run();
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Scheduler.py: test_runsMicroprocessToCompletionThenStops
    void runReturnsOnceTheMicroprocessFinished(int workers) {
        Scheduler s = Scheduler.create(workers);
        CountingMicroprocess mp = new CountingMicroprocess(10);
        mp.activate(s);
        s.run();
        assertEquals(10, mp.slicesRun.get());
        assertTrue(mp.isStopped());
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Scheduler.py: test_runsMicroprocessesAllToCompletionThenStops
    void runReturnsOnceAllMicroprocessesFinished(int workers) {
        Scheduler s = Scheduler.create(workers);
        List<CountingMicroprocess> mps = new ArrayList<>();
        for (int i = 1; i < 5; i++) {
            CountingMicroprocess mp = new CountingMicroprocess(i * 10);
            mp.activate(s);
            mps.add(mp);
        }
        assertTrue(s.run(Duration.ofSeconds(5)));
        for (int i = 0; i < mps.size(); i++) {
            assertEquals((i + 1) * 10, mps.get(i).slicesRun.get());
            assertTrue(mps.get(i).isStopped());
        }
        assertEquals(List.of(), s.microprocesses());
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void runWithTimeoutReturnsFalseAndALaterRunContinues(int workers) {
        Scheduler s = Scheduler.create(workers);
        Lambda mp = new Lambda(self -> self.slicesRun.get() == 1 ? Step.PAUSE : Step.DONE);
        mp.activate(s);
        assertFalse(s.run(Duration.ofMillis(50)));
        assertFalse(mp.isStopped());
        assertTrue(s.microprocesses().contains(mp), "unfinished microprocesses stay on the scheduler");
        mp.unpause();
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertTrue(mp.isStopped());
        assertEquals(2, mp.slicesRun.get());
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void schedulerCanBeRunAgainAfterRunReturned(int workers) {
        Scheduler s = Scheduler.create(workers);
        new CountingMicroprocess(3).activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        CountingMicroprocess second = new CountingMicroprocess(4);
        second.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertEquals(4, second.slicesRun.get());
    }

    @Test
    void oneWorkerRunsRoundRobinInActivationOrder() {
        Scheduler s = Scheduler.create(1);
        List<String> log = new CopyOnWriteArrayList<>();
        new Counter(3, "A", log).activate(s);
        new Counter(2, "B", log).activate(s);
        new Counter(3, "C", log).activate(s);
        s.run();
        assertEquals(List.of("A", "B", "C", "A", "B", "C", "A", "C"), log);
    }

    @Test
    void oneWorkerRunsEverythingOnTheCallingThread() {
        Scheduler s = Scheduler.create(1);
        Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 3; i++) {
            new Lambda(self -> {
                threads.add(Thread.currentThread());
                return self.slicesRun.get() == 5 ? Step.DONE : Step.CONTINUE;
            }).activate(s);
        }
        s.run();
        assertEquals(Set.of(Thread.currentThread()), threads);
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void aMicroprocessNeverRunsOnTwoWorkersAtOnce(int workers) {
        Scheduler s = Scheduler.create(workers);
        List<Lambda> mps = new ArrayList<>();
        AtomicBoolean overlap = new AtomicBoolean();
        for (int i = 0; i < 6; i++) {
            AtomicBoolean inside = new AtomicBoolean();
            Lambda mp = new Lambda(self -> {
                if (!inside.compareAndSet(false, true)) {
                    overlap.set(true);
                }
                Thread.onSpinWait();
                inside.set(false);
                return self.slicesRun.get() >= 2000 ? Step.DONE : Step.CONTINUE;
            });
            mp.activate(s);
            mps.add(mp);
        }
        assertTrue(s.run(Duration.ofSeconds(8)));
        assertFalse(overlap.get());
        for (Lambda mp : mps) {
            assertEquals(2000, mp.slicesRun.get());
        }
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Scheduler.py: test_pausedMicroprocessDoesNotGetCalled, test_oneMicroprocessPausesOthersContinueToRun,
    // test_pausedMicroprocessCanBeWoken
    void pausedMicroprocessIsNotRunOthersAreAndItCanBeWoken(int workers) {
        Scheduler s = Scheduler.create(workers);
        List<Spinner> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Spinner m = new Spinner();
            m.activate(s);
            all.add(m);
        }
        Spinner paused = all.get(0);
        runForAWhile(s);
        for (Spinner m : all) {
            assertTrue(m.slices.get() > 0);
        }
        paused.pause();
        runForAWhile(s);   // grace for the slice in progress
        int[] before = counts(all);
        runForAWhile(s);
        int[] after = counts(all);
        assertEquals(before[0], after[0], "paused microprocess not run");
        for (int i = 1; i < all.size(); i++) {
            assertTrue(after[i] > before[i], "others keep running: " + i);
        }
        assertTrue(s.isPaused(paused));
        paused.unpause();
        runForAWhile(s);
        assertTrue(paused.slices.get() > after[0], "woken microprocess runs again");
        assertFalse(s.isPaused(paused));
        s.stop();
        assertTrue(s.run(Duration.ofSeconds(5)));
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Scheduler.py: test_wakingPausedMicroprocessDoesntWakeOthers
    void wakingOnePausedMicroprocessDoesNotWakeOthers(int workers) {
        Scheduler s = Scheduler.create(workers);
        List<Sleeper> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Sleeper m = new Sleeper();
            m.activate(s);
            all.add(m);
        }
        runForAWhile(s);
        for (Sleeper m : all) {
            assertEquals(1, m.slices.get());
            assertTrue(s.isPaused(m));
        }
        all.get(2).unpause();
        runForAWhile(s);
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i == 2 ? 2 : 1, all.get(i).slices.get(), "slices of " + i);
        }
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Scheduler.py: test_wakingAlreadyAwakeMicroprocessHasNoEffect
    void wakingTwiceRunsItOnceAndWakingAnAwakeOneChangesNothing(int workers) {
        Scheduler s = Scheduler.create(workers);
        Sleeper sleeper = new Sleeper();
        Spinner spinner = new Spinner();
        sleeper.activate(s);
        spinner.activate(s);
        runForAWhile(s);
        sleeper.unpause();
        sleeper.unpause();
        spinner.unpause();
        runForAWhile(s);
        assertEquals(2, sleeper.slices.get(), "two wakes while paused make one slice");
        assertEquals(Set.of(sleeper, spinner), Set.copyOf(s.microprocesses()));
        int n = spinner.slices.get();
        runForAWhile(s);
        assertTrue(spinner.slices.get() > n);
        s.stop();
        assertTrue(s.run(Duration.ofSeconds(5)));
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Scheduler.py: test_listAllThreadsMethodListsAllMicroprocesses
    void microprocessesListsPausedAndAwakeOnesAsASnapshot(int workers) {
        Scheduler s = Scheduler.create(workers);
        List<Microprocess> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Microprocess m = i % 2 == 0 ? new Spinner() : new Sleeper();
            m.activate(s);
            all.add(m);
        }
        runForAWhile(s);
        List<Microprocess> snap = s.microprocesses();
        assertEquals(Set.copyOf(all), Set.copyOf(snap));
        assertEquals(5, snap.size());
        CountingMicroprocess late = new CountingMicroprocess(1);
        late.activate(s);
        assertEquals(5, snap.size(), "a snapshot, not a live view");
        assertTrue(s.microprocesses().contains(late));
        s.stop();
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertEquals(List.of(), s.microprocesses());
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Scheduler.py: test_isThreadPausedWorks, test_isThreadPausedNotRecognised
    void isPausedTrueForPausedOrUnknownFalseForAwake(int workers) {
        Scheduler s = Scheduler.create(workers);
        Spinner awake = new Spinner();
        Sleeper sleeper = new Sleeper();
        awake.activate(s);
        sleeper.activate(s);
        runForAWhile(s);
        assertFalse(s.isPaused(awake));
        assertTrue(s.isPaused(sleeper));
        assertTrue(s.isPaused(new Spinner()), "never activated");
        Spinner elsewhere = new Spinner();
        elsewhere.activate(Scheduler.create(1));
        assertTrue(s.isPaused(elsewhere), "activated on another scheduler");
        s.stop();
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertTrue(s.isPaused(awake), "finished");
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Scheduler.py: test_runThreadsUsesNonBusyWaitingMode (no CPU measurement: the run thread parks)
    void schedulerWithOnlyPausedMicroprocessesParksAndWakes(int workers) throws Exception {
        Scheduler s = Scheduler.create(workers);
        List<Lambda> mps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Lambda m = new Lambda(self -> self.slicesRun.get() == 1 ? Step.PAUSE : Step.DONE);
            m.activate(s);
            mps.add(m);
        }
        AtomicBoolean result = new AtomicBoolean();
        Thread runner = new Thread(() -> result.set(s.run(Duration.ofSeconds(8))));
        runner.start();
        // wait until all are paused and the run thread is parked (WAITING / TIMED_WAITING), not spinning
        while (!(mps.stream().allMatch(s::isPaused)
                && (runner.getState() == Thread.State.TIMED_WAITING || runner.getState() == Thread.State.WAITING))) {
            assertTrue(runner.isAlive(), "run() returned although paused microprocesses remain");
            Thread.sleep(1);
        }
        for (Lambda m : mps) {
            assertEquals(1, m.slicesRun.get());
            m.unpause();
        }
        runner.join();
        assertTrue(result.get(), "woken microprocesses ran to completion");
        for (Lambda m : mps) {
            assertTrue(m.isStopped());
        }
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void stopEndsEveryMicroprocessAndRunReturns(int workers) throws Exception {
        Scheduler s = Scheduler.create(workers);
        Spinner spinner = new Spinner();
        Sleeper sleeper = new Sleeper();
        spinner.activate(s);
        sleeper.activate(s);
        AtomicBoolean result = new AtomicBoolean();
        Thread runner = new Thread(() -> result.set(s.run(Duration.ofSeconds(8))));
        runner.start();
        while (spinner.slices.get() < 10 || sleeper.slices.get() < 1) {
            Thread.sleep(1);
        }
        s.stop();
        runner.join();
        assertTrue(spinner.isStopped());
        assertTrue(sleeper.isStopped());
        assertTrue(result.get(), "run(Duration) after stop() reports that everything finished");
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void startInBackgroundStaysAliveWhileEmptyUntilStop(int workers) throws Exception {
        Scheduler s = Scheduler.create(workers);
        s.startInBackground();
        try {
            Collector first = new Collector();
            CountingMicroprocess quick = new CountingMicroprocess(3);
            quick.activate(s);
            while (!quick.isStopped()) {
                Thread.sleep(1);
            }
            // now it is empty; a microprocess activated later must still run
            CountingMicroprocess later = new CountingMicroprocess(5);
            Thread.sleep(20);
            later.activate(s);
            while (!later.isStopped()) {
                Thread.sleep(1);
            }
            assertEquals(5, later.slicesRun.get());
            // and a component woken by a delivery from this thread runs too
            Passive feeder = new Passive();
            feeder.link(feeder, "outbox", first, "inbox");
            first.activate(s);
            feeder.send("hello");
            assertTrue(first.awaitCount(1, 5000));
            assertEquals(List.of("hello"), first.received);
        } finally {
            s.stop();
        }
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void aThrowingComponentDoesNotKillTheScheduler(int workers) {
        Scheduler s = Scheduler.create(workers);
        RuntimeException boom = new IllegalStateException("boom");
        Thrower thrower = new Thrower(boom, 3);
        Passive watcher = new Passive();   // not activated: collects the thrower's signal
        watcher.link(thrower, "signal", watcher, "control");
        Counter bystander = new Counter(200);
        thrower.activate(s);
        bystander.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertTrue(thrower.isStopped());
        assertEquals(3, thrower.slicesRun.get());
        assertEquals(200, bystander.slicesRun.get(), "other components keep running");
        assertEquals(1, watcher.dataCount("control"));
        ErrorInformation info = assertInstanceOf(ErrorInformation.class, watcher.recv("control"));
        assertSame(thrower, info.caller());
        assertSame(boom, info.exception());
        // and the scheduler still works afterwards
        CountingMicroprocess after = new CountingMicroprocess(2);
        after.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertEquals(2, after.slicesRun.get());
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void aThrowingMicroprocessFinishesAndOthersRun(int workers) {
        Scheduler s = Scheduler.create(workers);
        Microprocess bad = new Microprocess() {
            @Override
            protected Step main() {
                throw new UnsupportedOperationException("bad");
            }
        };
        CountingMicroprocess good = new CountingMicroprocess(50);
        bad.activate(s);
        good.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertTrue(bad.isStopped());
        assertEquals(50, good.slicesRun.get());
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void componentThrowingAnErrorIsContainedToo(int workers) {
        Scheduler s = Scheduler.create(workers);
        Lambda bad = new Lambda(self -> {
            throw new AssertionError("an Error, not an Exception");
        });
        Passive watcher = new Passive();
        watcher.link(bad, "signal", watcher, "control");
        CountingMicroprocess good = new CountingMicroprocess(20);
        bad.activate(s);
        good.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertTrue(bad.isStopped());
        assertEquals(20, good.slicesRun.get());
        assertInstanceOf(ErrorInformation.class, watcher.recv("control"));
    }

    /**
     * A busy microprocess alone on its worker runs again without queueing; a wake-up from another
     * thread still gets in at the next slice boundary, not after a batch of the busy one's slices.
     */
    @Test
    void aWakeFromAnotherThreadGetsInAtOnceBesideALoneBusyMicroprocess() throws Exception {
        Scheduler s = Scheduler.create(1);
        Lambda sleeper = new Lambda(self -> self.slicesRun.get() == 1 ? Step.PAUSE : Step.DONE);
        AtomicBoolean woken = new AtomicBoolean();
        AtomicInteger slicesAfterWake = new AtomicInteger();
        Lambda busy = new Lambda(self -> {
            if (sleeper.isStopped()) {
                return Step.DONE;
            }
            if (woken.get()) {
                slicesAfterWake.incrementAndGet();
            }
            return Step.CONTINUE;
        });
        sleeper.activate(s);
        busy.activate(s);
        Thread waker = new Thread(() -> {
            while (!s.isPaused(sleeper) || busy.slicesRun.get() < 1000) {
                Thread.onSpinWait();
            }
            sleeper.unpause();
            woken.set(true);
        });
        waker.start();
        assertTrue(s.run(Duration.ofSeconds(8)));
        waker.join();
        assertEquals(2, sleeper.slicesRun.get());
        assertTrue(slicesAfterWake.get() <= 2, "busy ran " + slicesAfterWake.get() + " slices after the wake-up");
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void pipelineOfHelpersDeliversEverythingInOrder(int workers) {
        Scheduler s = Scheduler.create(workers);
        TestComponents.Source src = TestComponents.Source.range(1, 500);
        TestComponents.Forwarder fwd = new TestComponents.Forwarder();
        Collector col = new Collector();
        Passive wiring = new Passive();
        wiring.link(src, "outbox", fwd, "inbox");
        wiring.link(src, "signal", fwd, "control");
        wiring.link(fwd, "outbox", col, "inbox");
        wiring.link(fwd, "signal", col, "control");
        col.activate(s);
        fwd.activate(s);
        src.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertEquals(500, col.received.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(i + 1, col.received.get(i));
        }
        assertEquals(1, col.control.size());
    }

    /** Wakes its partner and pauses, until the pair has made {@code limit} slices between them. */
    static final class PingPong extends Microprocess {
        final AtomicInteger hops;
        final int limit;
        final Spinner bystander;
        PingPong partner;
        int bystanderSlicesAtEnd = -1;

        PingPong(AtomicInteger hops, int limit, Spinner bystander) {
            this.hops = hops;
            this.limit = limit;
            this.bystander = bystander;
        }

        @Override
        protected Step main() {
            if (hops.incrementAndGet() >= limit) {
                bystanderSlicesAtEnd = bystander.slices.get();
                bystander.stop();
                partner.stop();
                return Step.DONE;
            }
            partner.unpause();
            return Step.PAUSE;
        }
    }

    @Test
    @Timeout(30)
    void aPairWakingEachOtherOnOneWorkerDoesNotStarveTheRest() {
        // Each wake-up goes to the worker's next slot; the slot must still let queued ones run.
        Scheduler s = Scheduler.create(1);
        int limit = 10_000;
        AtomicInteger hops = new AtomicInteger();
        Spinner bystander = new Spinner();
        PingPong ping = new PingPong(hops, limit, bystander);
        PingPong pong = new PingPong(hops, limit, bystander);
        ping.partner = pong;
        pong.partner = ping;
        ping.activate(s);
        pong.activate(s);
        bystander.activate(s);
        assertTrue(s.run(Duration.ofSeconds(20)));
        int seen = Math.max(ping.bystanderSlicesAtEnd, pong.bystanderSlicesAtEnd);
        assertTrue(seen > limit / 64, "the bystander ran " + seen + " slices during " + limit + " hops");
    }
}
