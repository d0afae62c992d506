package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.TestComponents.Passive;

/** Interrupting the thread in {@code run()} makes it return instead of spinning on the flag. */
@Timeout(30)
class RunInterruptTest extends ScheduledTest {

    @ParameterizedTest
    @MethodSource("org.kamaelia4j.axon.TestComponents#workerCounts")
    void anInterruptedRunReturnsWithTheFlagSetAndLeavesTheRestForLater(int workers) throws Exception {
        Scheduler s = scheduler(workers);
        Passive asleep = new Passive();
        asleep.activate(s);
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread runner = new Thread(() -> {
            s.run();
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        runner.start();
        while (!s.isPaused(asleep) || runner.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        runner.interrupt();
        runner.join();
        assertTrue(flagKept.get(), "run() returned with the interrupt flag still set");
        assertFalse(asleep.isStopped(), "the paused component is left for a later run");
        asleep.stop();
        assertTrue(s.run(ENOUGH));
    }
}
