package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.TestComponents.Doubler;
import org.kamaelia4j.axon.ipc.ProducerFinished;

/**
 * Tests {@link Handle}, which drives a component from ordinary code (Axon's Handle.py has no test
 * file). Unlike Axon's Handle, {@code get} takes a timeout and returns null when nothing arrived
 * instead of raising queue.Empty; {@code poll} is the non-blocking form.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandleTest extends ScheduledTest {

    private static final Duration ENOUGH = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(50);

    /** Answers each inbox message with "out:"+m on outbox and "sig:"+m on signal. */
    private static final class TwoWay extends Component {
        @Override
        protected Step main() {
            while (dataReady()) {
                Object m = recv();
                send("out:" + m, OUTBOX);
                send("sig:" + m, SIGNAL);
            }
            return Step.PAUSE;
        }
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void putReachesTheInboxAndGetReturnsTheOutput(int workers) {
        Scheduler s = running(workers);
        Handle h = Handle.activate(new Doubler(), s);
        h.put(21);
        assertEquals(42, (Integer) h.get(ENOUGH));
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void theComponentRunsOnTheGivenScheduler(int workers) {
        Scheduler s = running(workers);
        Doubler d = new Doubler();
        Handle h = Handle.activate(d, s);
        h.put(1);
        assertEquals(2, (Integer) h.get(ENOUGH));
        assertSame(s, d.scheduler());
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void getReturnsNullWhenNothingArrived(int workers) {
        Scheduler s = running(workers);
        Handle h = Handle.activate(new Doubler(), s);
        assertNull(h.get(SHORT));
        assertNull(h.get("signal", SHORT));
        h.put(1);
        assertEquals(2, (Integer) h.get(ENOUGH));
        assertNull(h.get(SHORT), "one input gives one output");
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void pollReturnsNullWhenNothingIsThereAndTheOutputOnceItIs(int workers) throws InterruptedException {
        Scheduler s = running(workers);
        Handle h = Handle.activate(new Doubler(), s);
        assertNull(h.poll("outbox"));
        h.put(5);
        Object got = null;
        while (got == null) { // bounded by the test timeout
            got = h.poll("outbox");
            if (got == null) {
                Thread.sleep(1);
            }
        }
        assertEquals(10, got);
        assertNull(h.poll("outbox"));
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void outputsOfDifferentOutboxesAreKeptApart(int workers) {
        Scheduler s = running(workers);
        Handle h = Handle.activate(new TwoWay(), s);
        h.put("a");
        h.put("b");
        assertEquals("sig:a", h.get("signal", ENOUGH));
        assertEquals("sig:b", h.get("signal", ENOUGH));
        assertEquals("out:a", h.get("outbox", ENOUGH));
        assertEquals("out:b", h.get(ENOUGH));
        assertNull(h.poll("signal"));
        assertNull(h.poll("outbox"));
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void putToControlShutsTheComponentDownAndItsSignalComesBack(int workers) {
        Scheduler s = running(workers);
        Doubler d = new Doubler();
        Handle h = Handle.activate(d, s);
        h.put(1);
        h.put(2);
        ProducerFinished pf = new ProducerFinished();
        h.put(pf, "control");
        assertSame(pf, h.get("signal", ENOUGH));
        assertEquals(2, (Integer) h.get(ENOUGH), "output queued before the shutdown is still there");
        assertEquals(4, (Integer) h.get(ENOUGH));
        long deadline = System.nanoTime() + ENOUGH.toNanos();
        while (!d.isStopped() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(d.isStopped());
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void manyPutsComeBackInOrder(int workers) {
        Scheduler s = running(workers);
        Handle h = Handle.activate(new Doubler(), s);
        int n = 2000;
        for (int i = 0; i < n; i++) {
            h.put(i);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(2 * i, (Integer) h.get(ENOUGH));
        }
        assertNull(h.poll("outbox"));
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void alternatingPutAndGetNeverStalls(int workers) {
        Scheduler s = running(workers);
        Handle h = Handle.activate(new Doubler(), s);
        for (int i = 0; i < 2000; i++) {
            h.put(i);
            Integer got = h.get(ENOUGH);
            assertEquals(2 * i, got, "round trip " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void severalHandlesOnOneSchedulerStayIndependent(int workers) {
        Scheduler s = running(workers);
        Handle h1 = Handle.activate(new Doubler(), s);
        Handle h2 = Handle.activate(new Doubler(), s);
        h1.put(1);
        h2.put(100);
        assertEquals(200, (Integer) h2.get(ENOUGH));
        assertEquals(2, (Integer) h1.get(ENOUGH));
        assertNull(h1.poll("outbox"));
        assertNull(h2.poll("outbox"));
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void getFromAnotherThreadIsWokenByTheOutput(int workers) throws Exception {
        Scheduler s = running(workers);
        Handle h = Handle.activate(new Doubler(), s);
        Object[] got = new Object[1];
        Thread reader = new Thread(() -> got[0] = h.get(ENOUGH));
        reader.start();
        h.put(7);
        reader.join();
        assertInstanceOf(Integer.class, got[0]);
        assertEquals(14, got[0]);
    }
}
