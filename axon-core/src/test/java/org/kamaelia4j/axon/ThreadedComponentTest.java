package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Ports Axon's test_ThreadedComponent.py (threadedcomponent_Test). Axon sleeps and steps its
 * scheduler by hand; here the scheduler runs until everything finished, or in stages with
 * {@link Scheduler#run(Duration)} where a test must look at a state in between, and the thread
 * side coordinates with latches. Axon's threadedadaptivecommscomponent and test_linksafe have no
 * counterpart in the contract; test_RestrictedInboxSize is checked as a range because the Java
 * design need not keep Axon's internal inbound queue.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreadedComponentTest extends ScheduledTest {

    /** Sends from a thread, retrying while the out queue is full. */
    private static void sendRetrying(ThreadedComponent c, Object msg, String box) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (true) {
            try {
                c.send(msg, box);
                return;
            } catch (BoxFullException e) {
                if (System.nanoTime() > giveUp) {
                    throw e;
                }
                LockSupport.parkNanos(50_000);
            }
        }
    }

    // ---- components -----------------------------------------------------------------------

    private static final class Plain extends ThreadedComponent {
        Plain() {
        }

        Plain(Boxes boxes, int q) {
            super(boxes, q);
        }

        @Override
        protected void threadMain() {
        }
    }

    /** Sends the given messages, one per slice. */
    private static final class OneShotTo extends Component {
        private final List<Object> msgs;
        private int i;

        OneShotTo(Object... msgs) {
            this.msgs = List.of(msgs);
        }

        @Override
        protected Step main() {
            if (i < msgs.size()) {
                send(msgs.get(i++));
                return Step.CONTINUE;
            }
            return Step.DONE;
        }
    }

    /** Collects {@code n} messages from its inbox, then finishes. */
    private static final class RecvN extends Component {
        final List<Object> rec = new CopyOnWriteArrayList<>();
        private final int n;

        RecvN(int n) {
            this.n = n;
        }

        @Override
        protected Step main() {
            while (rec.size() < n && dataReady()) {
                rec.add(recv());
            }
            return rec.size() >= n ? Step.DONE : Step.PAUSE;
        }
    }

    /**
     * A receiver with a bounded inbox that reads nothing until opened, then reads until it has as
     * many messages as {@code expected} says (negative: not known yet).
     */
    private static final class Gate extends Component {
        final List<Object> got = new CopyOnWriteArrayList<>();
        volatile boolean open;
        private final IntSupplier expected;

        Gate(int capacity, IntSupplier expected) {
            this.expected = expected;
            setInboxSize(INBOX, capacity);
        }

        void open() {
            open = true;
            unpause();
        }

        @Override
        protected Step main() {
            if (!open) {
                return Step.PAUSE;
            }
            while (dataReady()) {
                got.add(recv());
            }
            int n = expected.getAsInt();
            return n >= 0 && got.size() >= n ? Step.DONE : Step.PAUSE;
        }
    }

    // ---- construction -------------------------------------------------------------------------

    // test_smoketest_init
    @Test
    void hasTheStandardBoxes() {
        Plain c = new Plain();
        assertEquals(Set.of("inbox", "control"), c.inboxNames());
        assertEquals(Set.of("outbox", "signal"), c.outboxNames());
    }

    // test_smoketest_oneargs: the out-queue length can be given
    @Test
    void acceptsBoxesAndAnOutQueueCapacity() {
        Boxes boxes = Boxes.standard().toBuilder().inbox("extra", "an extra inbox").build();
        Plain c = new Plain(boxes, 10);
        assertTrue(c.inboxNames().containsAll(Set.of("inbox", "control", "extra")));
    }

    // ---- running ------------------------------------------------------------------------------

    // test_localprocessterminates
    @ParameterizedTest
    @MethodSource("schedulers")
    void finishesWhenThreadMainReturns(int workers) {
        Scheduler s = scheduler(workers);
        Plain t = new Plain();
        t.activate(s);
        assertTrue(s.run(ENOUGH));
        assertTrue(t.isStopped());
        assertTrue(s.microprocesses().isEmpty());
    }

    // test_threadisseparate
    @ParameterizedTest
    @MethodSource("schedulers")
    void threadMainRunsOnItsOwnThread(int workers) {
        final class Recorder extends ThreadedComponent {
            volatile Thread ran;

            @Override
            protected void threadMain() {
                ran = Thread.currentThread();
            }
        }
        final class NormalRecorder extends Component {
            volatile Thread ran;

            @Override
            protected Step main() {
                ran = Thread.currentThread();
                return Step.DONE;
            }
        }
        Scheduler s = scheduler(workers);
        Recorder t = new Recorder();
        NormalRecorder n = new NormalRecorder();
        t.activate(s);
        n.activate(s);
        Thread me = Thread.currentThread();
        assertTrue(s.run(ENOUGH));
        assertNotNull(t.ran);
        assertNotSame(me, t.ran, "threadMain must not run on the thread calling run()");
        assertNotSame(n.ran, t.ran, "threadMain must not run on a scheduler worker");
    }

    // test_flow_in: data delivered to the inbox reaches threadMain, whose pause() the delivery wakes
    @ParameterizedTest
    @MethodSource("schedulers")
    void threadMainReceivesDeliveredData(int workers) {
        final class ThreadedReceiver extends ThreadedComponent {
            final List<Object> rec = new CopyOnWriteArrayList<>();

            @Override
            protected void threadMain() {
                while (rec.size() < 3) {
                    if (dataReady()) {
                        rec.add(recv());
                    } else {
                        pause();
                    }
                }
            }
        }
        Scheduler s = scheduler(workers);
        ThreadedReceiver r = new ThreadedReceiver();
        OneShotTo o = new OneShotTo("hello!", "second", "third");
        o.link(o, "outbox", r, "inbox");
        r.activate(s);
        o.activate(s);
        assertTrue(s.run(ENOUGH), "the receiver must be woken by each delivery");
        assertEquals(List.of("hello!", "second", "third"), r.rec);
    }

    // test_flow_out
    @ParameterizedTest
    @MethodSource("schedulers")
    void threadMainSendsData(int workers) {
        final class ThreadedSender extends ThreadedComponent {
            @Override
            protected void threadMain() {
                send("hello there!");
            }
        }
        Scheduler s = scheduler(workers);
        ThreadedSender t = new ThreadedSender();
        RecvN r = new RecvN(1);
        r.link(t, "outbox", r, "inbox");
        t.activate(s);
        r.activate(s);
        assertTrue(s.run(ENOUGH));
        assertEquals(List.of("hello there!"), r.rec);
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void manyMessagesFromTheThreadArriveInOrder(int workers) {
        final int n = 5000;
        final class Counter extends ThreadedComponent {
            @Override
            protected void threadMain() {
                for (int i = 0; i < n; i++) {
                    sendRetrying(this, i, "outbox");
                }
            }
        }
        Scheduler s = scheduler(workers);
        Counter t = new Counter();
        RecvN r = new RecvN(n);
        r.link(t, "outbox", r, "inbox");
        t.activate(s);
        r.activate(s);
        assertTrue(s.run(ENOUGH));
        for (int i = 0; i < n; i++) {
            assertEquals(i, r.rec.get(i));
        }
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void aThreadPausedOnAFullOutQueueIsWokenWhenItDrains(int workers) {
        final int n = 200;
        final class Pauser extends ThreadedComponent {
            Pauser() {
                super(Boxes.standard(), 1);
            }

            @Override
            protected void threadMain() {
                for (int i = 0; i < n; i++) {
                    while (true) {
                        try {
                            send(i, "outbox");
                            break;
                        } catch (BoxFullException full) {
                            pause();    // only the drain of the out queue can wake us: nothing arrives
                        }
                    }
                }
            }
        }
        Scheduler s = scheduler(workers);
        Pauser t = new Pauser();
        RecvN r = new RecvN(n);
        r.link(t, "outbox", r, "inbox");
        t.activate(s);
        r.activate(s);
        assertTrue(s.run(ENOUGH), "the thread stayed paused after its out queue drained");
        assertEquals(n, r.rec.size());
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void boxRulesHoldInsideThreadMain(int workers) {
        final class Prober extends ThreadedComponent {
            volatile Throwable recvEmpty;
            volatile Throwable sendUnknown;
            volatile Throwable dataReadyUnknown;

            @Override
            protected void threadMain() {
                try {
                    recv();
                } catch (Throwable e) {
                    recvEmpty = e;
                }
                try {
                    send("x", "no-such-outbox");
                } catch (Throwable e) {
                    sendUnknown = e;
                }
                try {
                    dataReady("no-such-inbox");
                } catch (Throwable e) {
                    dataReadyUnknown = e;
                }
            }
        }
        Scheduler s = scheduler(workers);
        Prober p = new Prober();
        p.activate(s);
        assertTrue(s.run(ENOUGH));
        assertInstanceOf(NoSuchElementException.class, p.recvEmpty, "recv on an empty inbox never blocks");
        assertInstanceOf(UnknownBoxException.class, p.sendUnknown);
        assertInstanceOf(UnknownBoxException.class, p.dataReadyUnknown);
    }

    // ---- pause and wake -----------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("schedulers")
    void pauseInThreadMainIsWokenByUnpause(int workers) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        final class Sleeper extends ThreadedComponent {
            volatile boolean resumed;

            @Override
            protected void threadMain() {
                started.countDown();
                pause();
                resumed = true;
            }
        }
        Scheduler s = scheduler(workers);
        Sleeper t = new Sleeper();
        t.activate(s);
        Thread waker = new Thread(() -> {
            try {
                started.await();
                t.unpause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waker.start();
        assertTrue(s.run(ENOUGH), "pause() must return once unpause() was called");
        assertTrue(t.resumed);
        waker.join();
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void aWakeBeforePauseIsNotLost(int workers) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch woken = new CountDownLatch(1);
        final class Sleeper extends ThreadedComponent {
            volatile boolean resumed;

            @Override
            protected void threadMain() throws InterruptedException {
                started.countDown();
                assertTrue(woken.await(8, TimeUnit.SECONDS));
                pause(); // the unpause() already happened: must not block
                resumed = true;
            }
        }
        Scheduler s = scheduler(workers);
        Sleeper t = new Sleeper();
        t.activate(s);
        Thread waker = new Thread(() -> {
            try {
                started.await();
                t.unpause();
                woken.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waker.start();
        assertTrue(s.run(ENOUGH), "a wake that came before pause() must make it return");
        assertTrue(t.resumed);
        waker.join();
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void aDeliveryBeforePauseIsNotLost(int workers) {
        CountDownLatch delivered = new CountDownLatch(1);
        final class Sleeper extends ThreadedComponent {
            volatile Object got;

            @Override
            protected void threadMain() throws InterruptedException {
                assertTrue(delivered.await(8, TimeUnit.SECONDS));
                pause(); // the delivery already happened: must not block
                got = dataReady() ? recv() : null;
            }
        }
        final class Sender extends Component {
            private final Component to;

            Sender(Component to) {
                this.to = to;
            }

            @Override
            protected Step main() {
                link(this, OUTBOX, to, INBOX);
                send("ping");
                delivered.countDown();
                return Step.DONE;
            }
        }
        Scheduler s = scheduler(workers);
        Sleeper t = new Sleeper();
        Sender snd = new Sender(t);
        t.activate(s);
        snd.activate(s);
        assertTrue(s.run(ENOUGH), "a delivery before pause() must make it return");
        assertEquals("ping", t.got);
    }

    // ---- out-queue, back-pressure, finishing ---------------------------------------------------

    /**
     * Sends 0,1,2... into {@code gate} until exactly {@code target} messages were accepted,
     * retrying while refused; then checks one more is refused and opens the gate.
     */
    private static final class Flooder extends ThreadedComponent {
        final int target;
        volatile int accepted;
        volatile BoxFullException refusal;
        volatile boolean gaveUp;
        volatile Gate gate;

        Flooder(int target) {
            this.target = target;
        }

        Flooder(int target, int outQueueCapacity) {
            super(Boxes.standard(), outQueueCapacity);
            this.target = target;
        }

        @Override
        protected void threadMain() {
            long lastProgress = System.nanoTime();
            while (accepted < target) {
                try {
                    send(accepted);
                    accepted++;
                    lastProgress = System.nanoTime();
                } catch (BoxFullException e) {
                    if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(5)) {
                        gaveUp = true; // stuck below target: the out queue is not drained into the gate
                        break;
                    }
                    LockSupport.parkNanos(100_000);
                }
            }
            if (!gaveUp) {
                try {
                    send(-1);
                } catch (BoxFullException e) {
                    refusal = e;
                }
            }
            gate.open();
        }
    }

    private void fillOutQueueAndDestination(int workers, Flooder t, int outQueue, int destCapacity) {
        Scheduler s = scheduler(workers);
        Gate gate = new Gate(destCapacity, () -> t.accepted);
        t.gate = gate;
        gate.link(t, "outbox", gate, "inbox");
        gate.activate(s);
        t.activate(s);
        assertTrue(s.run(ENOUGH), "everything finishes once the gate drains");
        assertFalse(t.gaveUp, "accepted only " + t.accepted + " of " + (outQueue + destCapacity));
        assertEquals(outQueue + destCapacity, t.accepted);
        assertNotNull(t.refusal, "a send with the out queue and its destination full must throw BoxFullException");
        assertEquals(outQueue, t.refusal.capacity(), "the refusal reports the out-queue capacity");
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < outQueue + destCapacity; i++) {
            expected.add(i);
        }
        assertEquals(expected, gate.got, "every accepted message delivered once, in order");
        assertTrue(t.isStopped());
    }

    // test_ThereIsADefaultOutgoingQueueSize + test_NoSpaceInBoxExceptionsReachThread (default 1000)
    @ParameterizedTest
    @MethodSource("schedulers")
    void defaultOutQueueHolds1000BeyondAFullDestination(int workers) {
        fillOutQueueAndDestination(workers, new Flooder(1000 + 1), 1000, 1);
    }

    // test_CanSetOutgoingQueueSize + test_NoSpaceInBoxExceptionsReachThread
    // + test_TakingFromDestinationAllowsMoreToBeDelivered
    @ParameterizedTest
    @MethodSource("schedulers")
    void aGivenOutQueueSizeHoldsThatManyBeyondAFullDestination(int workers) {
        fillOutQueueAndDestination(workers, new Flooder(20 + 10, 20), 20, 10);
    }

    // test_localprocessterminatesOnlyIfOutqueueFlushed
    @ParameterizedTest
    @MethodSource("schedulers")
    void finishesOnlyAfterItsQueuedOutputWasDelivered(int workers) {
        final class SendTillFull extends ThreadedComponent {
            volatile int count = -1;
            volatile boolean returned;

            SendTillFull() {
                super(Boxes.standard(), 5);
            }

            @Override
            protected void threadMain() {
                int n = 0;
                try {
                    while (true) {
                        send(n);
                        n++;
                    }
                } catch (BoxFullException e) {
                    count = n;
                }
                returned = true;
            }
        }
        Scheduler s = scheduler(workers);
        SendTillFull t = new SendTillFull();
        Gate r = new Gate(1, () -> t.count);
        r.link(t, "outbox", r, "inbox");
        r.activate(s);
        t.activate(s);
        runUntil(s, () -> t.returned);
        assertFalse(s.run(A_WHILE), "the receiver holds back, so nothing can finish");
        assertFalse(t.isStopped(), "threaded component must not finish with output still queued");
        assertTrue(r.dataReady(), "data should be waiting at the receiver");
        assertTrue(t.count >= 5, "the out queue alone takes 5, got " + t.count);
        r.open();
        assertTrue(s.run(ENOUGH));
        assertEquals(t.count, r.got.size(), "every message the thread sent arrived");
        for (int i = 0; i < t.count; i++) {
            assertEquals(i, r.got.get(i));
        }
        assertTrue(t.isStopped());
    }

    // test_RestrictedInboxSize (as a range: between the inbox size and inbox size + queue size)
    @ParameterizedTest
    @MethodSource("schedulers")
    void aBoundedInboxOfAThreadedComponentRefusesWhenFull(int workers) {
        final int qsize = 20;
        final int bsize = 10;
        final class DoesNothingThread extends ThreadedComponent {
            DoesNothingThread() {
                super(Boxes.standard(), qsize);
                setInboxSize(INBOX, bsize);
            }

            @Override
            protected void threadMain() {
                while (!dataReady(CONTROL)) {
                    pause();
                }
            }
        }
        final class Stuffer extends Component {
            volatile int accepted;
            volatile BoxFullException refusal;

            @Override
            protected Step main() {
                try {
                    for (int i = 0; i < 10 * (qsize + bsize); i++) {
                        send(new Object());
                        accepted++;
                    }
                } catch (BoxFullException e) {
                    refusal = e;
                }
                send(new ShutdownMicroprocess(List.of()), SIGNAL);
                return Step.DONE;
            }
        }
        Scheduler s = scheduler(workers);
        DoesNothingThread t = new DoesNothingThread();
        Stuffer d = new Stuffer();
        d.link(d, "outbox", t, "inbox");
        d.link(d, "signal", t, "control");
        t.activate(s);
        d.activate(s);
        assertTrue(s.run(ENOUGH));
        assertNotNull(d.refusal, "a sender must eventually get BoxFullException");
        assertTrue(d.accepted >= bsize && d.accepted <= bsize + qsize, "accepted " + d.accepted);
        assertTrue(t.isStopped());
    }

    // test_localprocessterminatesifInQueueFull
    @ParameterizedTest
    @MethodSource("schedulers")
    void finishesEvenWithUnreadInput(int workers) {
        final class WaitForControl extends ThreadedComponent {
            WaitForControl() {
                super(Boxes.standard(), 5);
            }

            @Override
            protected void threadMain() {
                while (!dataReady(CONTROL)) {
                    pause();
                }
            }
        }
        final class Stuffer extends Component {
            @Override
            protected Step main() {
                for (int i = 0; i < 10; i++) {
                    send(new Object());
                }
                send("stop", SIGNAL);
                return Step.DONE;
            }
        }
        Scheduler s = scheduler(workers);
        WaitForControl t = new WaitForControl();
        Stuffer d = new Stuffer();
        d.link(d, "outbox", t, "inbox");
        d.link(d, "signal", t, "control");
        t.activate(s);
        d.activate(s);
        assertTrue(s.run(ENOUGH), "unread input must not keep it alive");
        assertTrue(t.isStopped());
    }

    // ---- failures -----------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("schedulers")
    void anExceptionInThreadMainBecomesErrorInformationOnSignal(int workers) {
        final class Boom extends ThreadedComponent {
            final RuntimeException boom = new IllegalStateException("boom");

            @Override
            protected void threadMain() {
                throw boom;
            }
        }
        Scheduler s = scheduler(workers);
        Boom t = new Boom();
        RecvN r = new RecvN(1);
        r.link(t, "signal", r, "inbox");
        t.activate(s);
        r.activate(s);
        assertTrue(s.run(ENOUGH), "the exception must not stop the scheduler or hang the component");
        assertTrue(t.isStopped());
        ErrorInformation err = assertInstanceOf(ErrorInformation.class, r.rec.get(0));
        assertSame(t, err.caller());
        assertSame(t.boom, err.exception());
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void outputSentBeforeAnExceptionIsStillDelivered(int workers) {
        final class SendThenBoom extends ThreadedComponent {
            @Override
            protected void threadMain() {
                send("before");
                throw new IllegalStateException("boom");
            }
        }
        Scheduler s = scheduler(workers);
        SendThenBoom t = new SendThenBoom();
        RecvN out = new RecvN(1);
        RecvN sig = new RecvN(1);
        out.link(t, "outbox", out, "inbox");
        sig.link(t, "signal", sig, "inbox");
        t.activate(s);
        out.activate(s);
        sig.activate(s);
        assertTrue(s.run(ENOUGH));
        assertEquals(List.of("before"), out.rec);
        assertInstanceOf(ErrorInformation.class, sig.rec.get(0));
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void anExceptionInThreadMainOfAPipelineChildComesOutOfThePipelineSignal(int workers) {
        final class Boom extends ThreadedComponent {
            final RuntimeException boom = new IllegalStateException("boom");

            @Override
            protected void threadMain() {
                throw boom;
            }
        }
        for (int round = 0; round < 20; round++) { // repeated: the parent may tidy up concurrently
            Scheduler s = scheduler(workers);
            Boom t = new Boom();
            Pipeline p = new Pipeline(t);
            RecvN r = new RecvN(1);
            r.link(p, "signal", r, "inbox");
            p.activate(s);
            r.activate(s);
            assertTrue(s.run(ENOUGH), "round " + round + ": the ErrorInformation did not arrive");
            ErrorInformation err = assertInstanceOf(ErrorInformation.class, r.rec.get(0));
            assertSame(t, err.caller());
        }
    }
}
