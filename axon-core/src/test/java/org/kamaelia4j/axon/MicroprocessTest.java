package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.TestComponents.CountingMicroprocess;
import org.kamaelia4j.axon.TestComponents.Lambda;
import org.kamaelia4j.axon.TestComponents.Thrower;

/** Ports of Axon's test_Microprocess.py and test___str__.py, plus the contract's lifecycle rules. */
@Timeout(10)
class MicroprocessTest {

    /** Runs CONTINUE forever, counting slices. */
    static final class Spinner extends Microprocess {
        final AtomicInteger slices = new AtomicInteger();

        @Override
        protected Step main() {
            slices.incrementAndGet();
            return Step.CONTINUE;
        }
    }

    // ---- identity ----

    @Test // test_Microprocess.py: test_SmokeTest_NoArguments (init_test: ids unique)
    void idsAreUnique() {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(ids.add(new CountingMicroprocess(1).id()));
        }
    }

    @Test
    void nameIsSimpleClassNameUnderscoreId() {
        CountingMicroprocess mp = new CountingMicroprocess(1);
        assertEquals("CountingMicroprocess_" + mp.id(), mp.name());
        Spinner sp = new Spinner();
        assertEquals("Spinner_" + sp.id(), sp.name());
    }

    @Test // test___str__.py: str unique per instance and consistent
    void toStringIsUniqueAndConsistent() {
        Spinner a = new Spinner();
        Spinner b = new Spinner();
        assertNotEquals(a.toString(), b.toString());
        assertEquals(a.toString(), a.toString());
    }

    // ---- activation ----

    @Test // test_Microprocess.py: test_activate_basicActivatation
    void activateAddsItToTheChosenScheduler() {
        Scheduler s = Scheduler.create(1);
        CountingMicroprocess mp = new CountingMicroprocess(1);
        assertNull(mp.scheduler());
        assertSame(mp, mp.activate(s));
        assertSame(s, mp.scheduler());
        assertTrue(s.microprocesses().contains(mp));
    }

    @Test
    void activateWithoutArgumentUsesTheDefaultScheduler() {
        CountingMicroprocess mp = new CountingMicroprocess(1);
        mp.activate();
        assertSame(Scheduler.defaultScheduler(), mp.scheduler());
        assertSame(Scheduler.defaultScheduler(), Scheduler.defaultScheduler());
    }

    @Test
    void activatingTwiceThrows() {
        Scheduler s = Scheduler.create(1);
        CountingMicroprocess mp = new CountingMicroprocess(1);
        mp.activate(s);
        assertThrows(IllegalStateException.class, () -> mp.activate(s));
        assertThrows(IllegalStateException.class, () -> mp.activate(Scheduler.create(1)));
        assertSame(s, mp.scheduler());
    }

    @Test
    void runOnTheMicroprocessBlocksUntilItFinished() {
        CountingMicroprocess mp = new CountingMicroprocess(25);
        mp.run();
        assertEquals(25, mp.slicesRun.get());
        assertTrue(mp.isStopped());
    }

    // ---- slices ----

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Microprocess.py: test_overriddenMainWorksWithNext
    void mainIsCalledUntilItReturnsDone(int workers) {
        Scheduler s = Scheduler.create(workers);
        CountingMicroprocess mp = new CountingMicroprocess(100);
        mp.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertEquals(100, mp.slicesRun.get());
    }

    // ---- isStopped ----

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void isStoppedAfterReturningDone(int workers) {
        Scheduler s = Scheduler.create(workers);
        CountingMicroprocess mp = new CountingMicroprocess(3);
        mp.activate(s);
        assertFalse(mp.isStopped());
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertTrue(mp.isStopped());
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void isStoppedAfterThrowing(int workers) {
        Scheduler s = Scheduler.create(workers);
        Thrower t = new Thrower(new IllegalStateException("boom"), 2);
        t.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertTrue(t.isStopped());
        assertEquals(2, t.slicesRun.get(), "no slice after the one that threw");
    }

    @Test // test_Microprocess.py: test_Stop
    void stopMakesItStoppedAndUnpauseDoesNotRevive() {
        Scheduler s = Scheduler.create(1);
        Spinner mp = new Spinner();
        mp.activate(s);
        assertFalse(mp.isStopped());
        mp.stop();
        assertTrue(mp.isStopped());
        mp.unpause();
        assertTrue(mp.isStopped());
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertEquals(0, mp.slices.get(), "stopped before its first slice: it never runs");
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Microprocess.py: test_Next (stop: no further slices)
    void stopFromInsideASliceEndsItAfterThatSlice(int workers) {
        Scheduler s = Scheduler.create(workers);
        Lambda mp = new Lambda(self -> {
            if (self.slicesRun.get() == 3) {
                self.stop();
            }
            return Step.CONTINUE;
        });
        mp.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertEquals(3, mp.slicesRun.get());
        assertTrue(mp.isStopped());
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void stoppingAPausedMicroprocessLetsRunEnd(int workers) {
        Scheduler s = Scheduler.create(workers);
        Lambda paused = new Lambda(self -> Step.PAUSE);
        paused.activate(s);
        assertFalse(s.run(Duration.ofMillis(30)));
        assertEquals(1, paused.slicesRun.get());
        paused.stop();
        assertTrue(paused.isStopped());
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertEquals(1, paused.slicesRun.get());
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void stopFromAnotherThreadWhileRunningEndsIt(int workers) throws Exception {
        Scheduler s = Scheduler.create(workers);
        Spinner mp = new Spinner();
        mp.activate(s);
        Thread stopper = new Thread(() -> {
            while (mp.slices.get() < 100) {
                Thread.onSpinWait();
            }
            mp.stop();
        });
        stopper.start();
        assertTrue(s.run(Duration.ofSeconds(8)));
        stopper.join();
        assertTrue(mp.isStopped());
        int after = mp.slices.get();
        assertTrue(s.run(Duration.ofSeconds(1)));
        assertEquals(after, mp.slices.get(), "no slice after stop");
    }

    // ---- pause / unpause ----

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Microprocess.py: test_Next (pause takes effect at the end of the current slice)
    void pauseInsideASliceTakesEffectAtTheEndOfIt(int workers) {
        Scheduler s = Scheduler.create(workers);
        AtomicInteger afterPause = new AtomicInteger();
        Lambda mp = new Lambda(self -> {
            self.pause();
            afterPause.incrementAndGet();   // the slice goes on after pause()
            return Step.CONTINUE;
        });
        mp.activate(s);
        assertFalse(s.run(Duration.ofMillis(30)));
        assertEquals(1, mp.slicesRun.get(), "paused after its first slice");
        assertEquals(1, afterPause.get());
        assertTrue(s.isPaused(mp));
        mp.unpause();
        assertFalse(s.run(Duration.ofMillis(30)));
        assertEquals(2, mp.slicesRun.get(), "woken once, ran once, paused again");
        mp.stop();
        assertTrue(s.run(Duration.ofSeconds(5)));
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    // test_Microprocess.py: test_pause (pause then unpause: runnable again)
    void pauseThenUnpauseFromOutsideLeavesItRunning(int workers) {
        Scheduler s = Scheduler.create(workers);
        Spinner mp = new Spinner();
        mp.activate(s);
        assertFalse(s.run(Duration.ofMillis(20)));
        mp.pause();
        mp.unpause();
        assertFalse(s.run(Duration.ofMillis(20)));
        int before = mp.slices.get();
        assertFalse(s.run(Duration.ofMillis(20)));
        assertTrue(mp.slices.get() > before, "the later unpause must win over the earlier pause");
        assertFalse(s.isPaused(mp));
        mp.stop();
        assertTrue(s.run(Duration.ofSeconds(5)));
    }

    @ParameterizedTest(name = "workers={0}")
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void pauseFromOutsideStopsFurtherSlicesUntilUnpaused(int workers) {
        Scheduler s = Scheduler.create(workers);
        Spinner mp = new Spinner();
        mp.activate(s);
        assertFalse(s.run(Duration.ofMillis(20)));
        mp.pause();
        assertFalse(s.run(Duration.ofMillis(20)));   // grace: the pending slice ends
        int frozen = mp.slices.get();
        assertFalse(s.run(Duration.ofMillis(30)));
        assertEquals(frozen, mp.slices.get());
        assertTrue(s.isPaused(mp));
        mp.unpause();
        assertFalse(s.run(Duration.ofMillis(20)));
        assertTrue(mp.slices.get() > frozen);
        mp.stop();
        assertTrue(s.run(Duration.ofSeconds(5)));
    }

    @Test // test_Scheduler.py: test_wakingOrPausingNonActivatedMicroprocessHasoEffect
    void pauseAndUnpauseOnANeverActivatedMicroprocessDoNothing() {
        Spinner mp = new Spinner();
        mp.pause();
        mp.unpause();
        mp.pause();
        assertNull(mp.scheduler());
        assertFalse(mp.isStopped());
        assertEquals(0, mp.slices.get());
        // and it still activates and runs normally afterwards
        Scheduler s = Scheduler.create(1);
        mp.activate(s);
        assertFalse(s.run(Duration.ofMillis(20)));
        assertTrue(mp.slices.get() > 0, "an earlier pause() before activation must not stick");
        mp.stop();
        assertTrue(s.run(Duration.ofSeconds(5)));
    }

    @Test
    void stopOnANeverActivatedMicroprocessMarksItStopped() {
        Spinner mp = new Spinner();
        mp.stop();
        assertTrue(mp.isStopped());
    }

    @Test // test_Scheduler.py: test_pauseThenTerminateTerminates
    void pauseThenDoneTerminates() {
        Scheduler s = Scheduler.create(1);
        Lambda mp = new Lambda(self -> {
            self.pause();
            return Step.DONE;
        });
        mp.activate(s);
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertTrue(mp.isStopped());
        assertEquals(1, mp.slicesRun.get());
    }

    @Test
    void neverActivatedMicroprocessIsNotRun() {
        Scheduler s = Scheduler.create(1);
        Spinner never = new Spinner();
        CountingMicroprocess other = new CountingMicroprocess(5);
        other.activate(s);
        never.unpause();
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertEquals(0, never.slices.get());
        assertEquals(List.of(), s.microprocesses());
    }
}
