package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.ipc.ProducerFinished;

/**
 * Sends, pauses and wakes from many threads at once: several producer components and plain
 * threads (through {@link Handle} and {@link Microprocess#unpause()}) into one scheduler, with
 * bounded inboxes for back-pressure. Checks that no message is lost or duplicated, per-sender
 * order is kept, and nothing sleeps forever (a lost wake-up shows up as a timeout). Each test is
 * a few seconds of work at most and repeats its scenario a few times for more interleavings.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConcurrencyStressTest {

    static Stream<Arguments> schedulers() {
        return Stream.of(arguments(named("1 worker", 1)), arguments(named("4 workers", 4)));
    }

    private static final Duration ENOUGH = Duration.ofSeconds(15);
    private static final int ROUNDS = 3;

    private final List<Scheduler> schedulers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private Scheduler scheduler(int workers) {
        Scheduler s = Scheduler.create(workers);
        schedulers.add(s);
        return s;
    }

    private Thread thread(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        threads.add(t);
        return t;
    }

    @AfterEach
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void cleanUp() {
        schedulers.forEach(Scheduler::stop);
        threads.forEach(Thread::interrupt);
    }

    // ---- components -----------------------------------------------------------------------

    private record Msg(int sender, int seq) {
    }

    /**
     * Checks arrivals: each sender's sequence numbers must come in order, once each. Finishes
     * after {@code total} messages.
     */
    private static final class Checker extends Component {
        final int[] next;
        final int total;
        final Queue<String> errors = new ConcurrentLinkedQueue<>();
        final CountDownLatch done = new CountDownLatch(1);
        volatile int received;

        Checker(int senders, int total, int capacity) {
            this.next = new int[senders];
            this.total = total;
            setInboxSize(INBOX, capacity);
        }

        @Override
        protected Step main() {
            int n = 0;
            while (n++ < 64 && dataReady()) {
                Msg m = recv();
                if (m.seq() != next[m.sender()]) {
                    errors.add("sender " + m.sender() + ": expected " + next[m.sender()] + " got " + m.seq());
                }
                next[m.sender()] = m.seq() + 1;
                received++;
            }
            if (received >= total) {
                done.countDown();
                return Step.DONE;
            }
            return dataReady() ? Step.CONTINUE : Step.PAUSE;
        }
    }

    /** Sends n numbered messages as fast as back-pressure allows; sleeps when refused. */
    private static final class Producer extends Component {
        private final int id;
        private final int n;
        private int next;

        Producer(int id, int n) {
            this.id = id;
            this.n = n;
        }

        @Override
        protected Step main() {
            int burst = 0;
            while (next < n) {
                try {
                    send(new Msg(id, next));
                } catch (BoxFullException full) {
                    return Step.PAUSE; // woken when the receiver frees space
                }
                next++;
                if (++burst == 50) {
                    return Step.CONTINUE;
                }
            }
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
    }

    /** A ThreadedComponent producer: blocking code, retrying while refused. */
    private static final class ThreadedProducer extends ThreadedComponent {
        private final int id;
        private final int n;

        ThreadedProducer(int id, int n) {
            super(Boxes.standard(), 16);
            this.id = id;
            this.n = n;
        }

        @Override
        protected void threadMain() {
            for (int i = 0; i < n; i++) {
                while (true) {
                    try {
                        send(new Msg(id, i));
                        break;
                    } catch (BoxFullException full) {
                        LockSupport.parkNanos(20_000);
                    }
                }
            }
        }
    }

    /** Passes messages on, holding one back (and sleeping) while the next inbox is full. */
    private static final class Relay extends Component {
        private Object pending;
        private boolean finishing;

        Relay(int capacity) {
            setInboxSize(INBOX, capacity);
        }

        @Override
        protected Step main() {
            if (dataReady(CONTROL)) {
                recv(CONTROL);
                finishing = true;
            }
            if (pending != null) {
                try {
                    send(pending);
                    pending = null;
                } catch (BoxFullException full) {
                    return Step.PAUSE;
                }
            }
            while (dataReady()) {
                Object m = recv();
                try {
                    send(m);
                } catch (BoxFullException full) {
                    pending = m;
                    return Step.PAUSE;
                }
            }
            if (finishing) {
                send(new ProducerFinished(this, null), SIGNAL);
                return Step.DONE;
            }
            return Step.PAUSE;
        }
    }

    /** Counts 0..n-1 into "outbox" under back-pressure, then signals ProducerFinished. */
    private static final class Counter extends Component {
        private final int n;
        private int next;

        Counter(int n) {
            this.n = n;
        }

        @Override
        protected Step main() {
            for (int burst = 0; burst < 100 && next < n; burst++) {
                try {
                    send(next);
                } catch (BoxFullException full) {
                    return Step.PAUSE;
                }
                next++;
            }
            if (next < n) {
                return Step.CONTINUE;
            }
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
    }

    /** Expects 0,1,2,... on its bounded inbox; finishes on ProducerFinished. */
    private static final class SequenceSink extends Component {
        final Queue<String> errors = new ConcurrentLinkedQueue<>();
        volatile int expected;
        volatile boolean sawEnd;

        SequenceSink(int capacity) {
            setInboxSize(INBOX, capacity);
        }

        @Override
        protected Step main() {
            drain();
            if (dataReady(CONTROL)) {
                recv(CONTROL);
                drain();
                sawEnd = true;
                return Step.DONE;
            }
            return Step.PAUSE;
        }

        private void drain() {
            while (dataReady()) {
                int v = recv();
                if (v != expected) {
                    errors.add("expected " + expected + " got " + v);
                }
                expected = v + 1;
            }
        }
    }

    /** Echoes inbox to outbox; never finishes on its own. */
    private static final class Echo extends Component {
        @Override
        protected Step main() {
            while (dataReady()) {
                send(recv());
            }
            return Step.PAUSE;
        }
    }

    /** Tokens handed over by outside threads: eats what is queued, noting any token seen twice. */
    private static final class Tokens {
        final Queue<Integer> queue = new ConcurrentLinkedQueue<>();
        final boolean[] seen;
        final Queue<String> errors = new ConcurrentLinkedQueue<>();
        volatile int eaten;

        Tokens(int total) {
            seen = new boolean[total];
        }

        /** Eats every queued token; true when all have been eaten. */
        boolean eat() {
            Integer t;
            while ((t = queue.poll()) != null) {
                if (seen[t]) {
                    errors.add("token " + t + " twice");
                }
                seen[t] = true;
                eaten++;
            }
            return eaten == seen.length;
        }
    }

    /** Eats tokens in its slices, pausing when none are queued. */
    private static final class TokenEater extends Component {
        private final Tokens tokens;

        TokenEater(Tokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected Step main() {
            return tokens.eat() ? Step.DONE : Step.PAUSE;
        }
    }

    /** The same as TokenEater, in a thread: pause() blocks. */
    private static final class ThreadedTokenEater extends ThreadedComponent {
        private final Tokens tokens;

        ThreadedTokenEater(Tokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void threadMain() {
            while (!tokens.eat()) {
                pause();
            }
        }
    }

    // ---- tests --------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("schedulers")
    void producersIntoOneBoundedInboxDeliverEveryMessageOnceInOrder(int workers) {
        int producers = 6;
        int perProducer = 3000;
        for (int round = 0; round < ROUNDS; round++) {
            Scheduler s = scheduler(workers);
            Checker checker = new Checker(producers, producers * perProducer, 8);
            checker.activate(s);
            List<Producer> ps = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                Producer pr = new Producer(p, perProducer);
                pr.link(pr, "outbox", checker, "inbox");
                ps.add(pr);
            }
            ps.forEach(p -> p.activate(s));
            assertTrue(s.run(ENOUGH), "round " + round + ": stalled at " + checker.received + " messages");
            assertTrue(checker.errors.isEmpty(), () -> String.valueOf(checker.errors));
            assertEquals(producers * perProducer, checker.received);
            for (int p = 0; p < producers; p++) {
                assertEquals(perProducer, checker.next[p], "sender " + p);
            }
            ps.forEach(p -> assertTrue(p.isStopped()));
        }
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void threadedAndOrdinaryProducersShareABoundedInbox(int workers) {
        int each = 2000;
        for (int round = 0; round < ROUNDS; round++) {
            Scheduler s = scheduler(workers);
            int senders = 6;
            Checker checker = new Checker(senders, senders * each, 4);
            checker.activate(s);
            List<Component> ps = new ArrayList<>();
            for (int p = 0; p < senders; p++) {
                Component pr = p % 2 == 0 ? new ThreadedProducer(p, each) : new Producer(p, each);
                pr.link(pr, "outbox", checker, "inbox");
                ps.add(pr);
            }
            ps.forEach(p -> p.activate(s));
            assertTrue(s.run(ENOUGH), "round " + round + ": stalled at " + checker.received + " messages");
            assertTrue(checker.errors.isEmpty(), () -> String.valueOf(checker.errors));
            for (int p = 0; p < senders; p++) {
                assertEquals(each, checker.next[p], "sender " + p);
            }
            ps.forEach(p -> assertTrue(p.isStopped(), p.name()));
        }
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void aPipelineOfTinyInboxesPassesEveryNumberInOrder(int workers) {
        int n = 20_000;
        for (int round = 0; round < ROUNDS; round++) {
            Scheduler s = scheduler(workers);
            SequenceSink sink = new SequenceSink(2);
            Pipeline p = new Pipeline(new Counter(n), new Relay(1), new Relay(2), new Relay(3), sink);
            p.activate(s);
            assertTrue(s.run(ENOUGH), "round " + round + ": stalled at " + sink.expected);
            assertTrue(sink.errors.isEmpty(), () -> String.valueOf(sink.errors));
            assertEquals(n, sink.expected);
            assertTrue(sink.sawEnd);
            assertTrue(p.isStopped());
        }
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void unpauseFromManyThreadsNeverLosesAWake(int workers) {
        feedFromManyThreads(workers, TokenEater::new);
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void unpauseFromManyThreadsNeverLosesAWakeOfABlockedThreadMain(int workers) {
        feedFromManyThreads(workers, ThreadedTokenEater::new);
    }

    /** Four threads queue tokens and unpause the eater after each; every token is eaten once. */
    private void feedFromManyThreads(int workers, Function<Tokens, Component> eaterOf) {
        int threadsN = 4;
        int perThread = 5000;
        for (int round = 0; round < ROUNDS; round++) {
            Scheduler s = scheduler(workers);
            Tokens tokens = new Tokens(threadsN * perThread);
            Component eater = eaterOf.apply(tokens);
            eater.activate(s);
            CyclicBarrier start = new CyclicBarrier(threadsN);
            for (int t = 0; t < threadsN; t++) {
                int base = t * perThread;
                thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        tokens.queue.add(base + i);
                        eater.unpause();
                    }
                }).start();
            }
            assertTrue(s.run(ENOUGH), "round " + round + ": asleep after " + tokens.eaten + " tokens");
            assertTrue(tokens.errors.isEmpty(), () -> String.valueOf(tokens.errors));
            assertEquals(threadsN * perThread, tokens.eaten);
        }
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void plainThreadsThroughHandlesAlongsideBusyComponents(int workers) throws Exception {
        Scheduler s = scheduler(workers);
        s.startInBackground();
        int producers = 4;
        int perProducer = 3000;
        Checker checker = new Checker(producers, producers * perProducer, 8);
        checker.activate(s);
        for (int p = 0; p < producers; p++) {
            Producer pr = new Producer(p, perProducer);
            pr.link(pr, "outbox", checker, "inbox");
            pr.activate(s);
        }

        int handleThreads = 4;
        int perThread = 1500;
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger finishedThreads = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(handleThreads);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < handleThreads; t++) {
            int id = t;
            Thread th = thread(() -> {
                try {
                    Handle h = Handle.activate(new Echo(), s);
                    start.await();
                    // ping-pong: each put wakes the echo, each output wakes our get
                    for (int i = 0; i < perThread; i++) {
                        h.put(i);
                        Object back = h.get(Duration.ofSeconds(10));
                        if (!Integer.valueOf(i).equals(back)) {
                            errors.add("thread " + id + " ping " + i + " got " + back);
                            return;
                        }
                    }
                    // burst: many puts, then all gets, in order
                    for (int i = 0; i < perThread; i++) {
                        h.put(-i);
                    }
                    for (int i = 0; i < perThread; i++) {
                        Object back = h.get(Duration.ofSeconds(10));
                        if (!Integer.valueOf(-i).equals(back)) {
                            errors.add("thread " + id + " burst " + i + " got " + back);
                            return;
                        }
                    }
                    if (h.poll("outbox") != null) {
                        errors.add("thread " + id + " got an extra message");
                    }
                    finishedThreads.incrementAndGet();
                } catch (Exception e) {
                    errors.add("thread " + id + ": " + e);
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join(TimeUnit.SECONDS.toMillis(15));
        }
        assertTrue(errors.isEmpty(), () -> String.valueOf(errors));
        assertEquals(handleThreads, finishedThreads.get(), "some handle thread did not finish");
        assertTrue(checker.done.await(15, TimeUnit.SECONDS), "checker stalled at " + checker.received);
        assertTrue(checker.errors.isEmpty(), () -> String.valueOf(checker.errors));
        for (int p = 0; p < producers; p++) {
            assertEquals(perProducer, checker.next[p], "sender " + p);
        }
    }
}
