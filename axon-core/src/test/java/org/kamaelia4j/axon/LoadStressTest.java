package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Correctness under load on a two-worker scheduler: plain threads send into relays (through
 * {@link Handle}s on passthrough gates), relays forward across workers to shared sinks, and the
 * same threads pause, wake and stop components while messages fly. Checks that no message is lost
 * or duplicated, that no component is left asleep with data waiting, that stopped components
 * finish, and that idle workers park instead of spinning.
 *
 * <p>Each round sends a fixed number of messages; rounds repeat for {@code k4j.stress.seconds}
 * seconds (3 by default, so that {@code ./k4j test} stays quick). The long run is the Maven
 * profile {@code stress} of the root pom, which sets 60 seconds:
 * {@code mvn -Pstress -pl axon-core -am test -Dtest=LoadStressTest -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>The CPU check reads the worker threads' CPU time with {@link ThreadMXBean} over an idle second
 * and allows 300 ms for both together, and for each less than half of what a reference thread
 * spinning over the same second got: a parked worker uses next to none, a spinning one as much as
 * the spinner, however loaded the machine is.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoadStressTest {

    private static final int THREADS = 6;
    private static final int PER_THREAD = 20_000;
    private static final int RELAYS = 16;
    private static final int SINKS = 4;
    private static final int VICTIMS = 8;
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final long IDLE_CPU_BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    private Scheduler scheduler;

    @BeforeEach
    void start() {
        scheduler = Scheduler.create(2);
        scheduler.startInBackground();
    }

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    // ---- components ----

    /** Forwards everything it gets. */
    private static final class Relay extends Component {
        @Override
        protected Step main() {
            while (dataReady()) {
                send(recv());
            }
            return Step.PAUSE;
        }
    }

    /** Counts each message id it sees in a shared array. */
    private static final class Sink extends Component {
        private final AtomicIntegerArray seen;
        private final AtomicInteger total;
        private final CountDownLatch all;

        Sink(AtomicIntegerArray seen, AtomicInteger total, CountDownLatch all) {
            this.seen = seen;
            this.total = total;
            this.all = all;
        }

        @Override
        protected Step main() {
            while (dataReady()) {
                seen.incrementAndGet(this.<Integer>recv());
                if (total.incrementAndGet() == seen.length()) {
                    all.countDown();
                }
            }
            return Step.PAUSE;
        }
    }

    /** Drains whatever it gets; the threads stop it at random. */
    private static final class Victim extends Component {
        @Override
        protected Step main() {
            while (dataReady()) {
                recv();
            }
            return Step.PAUSE;
        }
    }

    /** A handle whose inbox passes straight through to {@code target}'s inbox. */
    private Handle gateTo(Component target) {
        TestComponents.Passive gate = new TestComponents.Passive();
        gate.link(gate, Component.INBOX, target, Component.INBOX, Passthrough.INBOUND);
        return Handle.activate(gate, scheduler);
    }

    // ---- one round ----

    /** The components of one round. */
    private final class Round {
        final AtomicIntegerArray seen = new AtomicIntegerArray(THREADS * PER_THREAD);
        final AtomicInteger total = new AtomicInteger();
        final CountDownLatch all = new CountDownLatch(1);
        final List<Relay> relays = new ArrayList<>();
        final List<Sink> sinks = new ArrayList<>();
        final List<Victim> victims = new ArrayList<>();
        final List<Handle> toRelays = new ArrayList<>();
        final List<Handle> toVictims = new ArrayList<>();

        Round() {
            for (int i = 0; i < SINKS; i++) {
                sinks.add(new Sink(seen, total, all));
            }
            for (int i = 0; i < RELAYS; i++) {
                Relay r = new Relay();
                r.link(r, Component.OUTBOX, sinks.get(i % SINKS), Component.INBOX);
                relays.add(r);
            }
            sinks.forEach(s -> s.activate(scheduler));
            relays.forEach(r -> r.activate(scheduler));
            relays.forEach(r -> toRelays.add(gateTo(r)));
            for (int i = 0; i < VICTIMS; i++) {
                Victim v = new Victim();
                victims.add(v);
                toVictims.add(Handle.activate(v, scheduler));
            }
        }

        /** One sending thread: its messages to random relays, with pauses, wakes and stops mixed in. */
        Runnable sender(int id) {
            return () -> {
                Random random = new Random(id);
                for (int k = 0; k < PER_THREAD; k++) {
                    toRelays.get(random.nextInt(RELAYS)).put(id * PER_THREAD + k);
                    toVictims.get(random.nextInt(VICTIMS)).put(k);
                    switch (random.nextInt(64)) {
                        case 0 -> relays.get(random.nextInt(RELAYS)).pause();
                        case 1 -> sinks.get(random.nextInt(SINKS)).pause();
                        case 2 -> relays.get(random.nextInt(RELAYS)).unpause();
                        case 3 -> sinks.get(random.nextInt(SINKS)).unpause();
                        case 4 -> victims.get(random.nextInt(VICTIMS)).pause();
                        case 5 -> {
                            if (k % 4096 == 5) {
                                victims.get(random.nextInt(VICTIMS)).stop();
                            }
                        }
                        default -> {
                        }
                    }
                    if ((k & 1023) == 0) {
                        Thread.yield();
                    }
                }
            };
        }

        void run() throws InterruptedException {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                threads.add(Thread.ofPlatform().daemon().name("stress-sender-" + t).start(sender(t)));
            }
            for (Thread t : threads) {
                t.join();
            }
            if (!all.await(SETTLE.toSeconds(), TimeUnit.SECONDS)) {
                fail("after " + SETTLE + " the sinks have " + total.get() + " of " + seen.length()
                        + " messages; asleep with data waiting: " + asleepWithData());
            }
            for (int i = 0; i < seen.length(); i++) {
                if (seen.get(i) != 1) {
                    fail("message " + i + " arrived " + seen.get(i) + " times");
                }
            }
            assertEquals(List.of(), asleepWithData(), "components asleep with data waiting");
            victims.forEach(Microprocess::stop);
            relays.forEach(Microprocess::stop);
            sinks.forEach(Microprocess::stop);
            toRelays.forEach(h -> h.component().stop());
            awaitRetired(victims);
            awaitRetired(relays);
            awaitRetired(sinks);
        }

        /** Components of this round that are paused while an inbox holds messages: lost wake-ups. */
        List<String> asleepWithData() {
            List<Component> all = new ArrayList<>(relays);
            all.addAll(sinks);
            all.removeIf(c -> c.isStopped() || !scheduler.isPaused(c) || c.dataCount(Component.INBOX) == 0);
            return all.stream().map(c -> c.name() + " holds " + c.dataCount(Component.INBOX)).toList();
        }
    }

    private void awaitRetired(List<? extends Microprocess> mps) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        for (Microprocess mp : mps) {
            while (scheduler.microprocesses().contains(mp)) {
                assertTrue(System.nanoTime() < deadline, mp.name() + " was stopped but never finished");
                Thread.sleep(1);
            }
        }
    }

    static long stressSeconds() {
        return Long.getLong("k4j.stress.seconds", 3);
    }

    @Test
    void threadsSendingPausingWakingAndStoppingLoseAndDuplicateNothing() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(stressSeconds());
        int rounds = 0;
        do {
            new Round().run();
            rounds++;
        } while (System.nanoTime() < end);
        assertTrue(rounds >= 1);
    }

    @Test
    void idleWorkersParkWhileComponentsArePausedAndWhenNoneAreLeft() throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) {
            return;
        }
        mx.setThreadCpuTimeEnabled(true);
        Round round = new Round();
        List<Thread> workers = awaitWorkers();
        assertEquals(2, workers.size(), "worker threads of " + scheduler);
        assertParked(mx, workers, "paused components");
        round.run();
        assertParked(mx, workers, "no components left");
    }

    /**
     * Over one idle second, the workers together use less than {@link #IDLE_CPU_BUDGET_NANOS}
     * of CPU, and each less than half of what a thread spinning beside them got in the same
     * second: on a loaded machine a spinning worker may get far less than a whole second.
     */
    private void assertParked(ThreadMXBean mx, List<Thread> workers, String situation) throws InterruptedException {
        Thread.sleep(200); // let the last slices and wake-ups die down
        AtomicBoolean spinning = new AtomicBoolean(true);
        Thread spinner = Thread.ofPlatform().daemon().name("stress-reference-spinner").start(() -> {
            while (spinning.get()) {
                Thread.onSpinWait();
            }
        });
        long[] before = cpu(mx, workers);
        long spinnerBefore = Math.max(0, mx.getThreadCpuTime(spinner.threadId()));
        Thread.sleep(1_000);
        long[] after = cpu(mx, workers);
        long spun = mx.getThreadCpuTime(spinner.threadId()) - spinnerBefore;
        spinning.set(false);
        spinner.join();
        long total = 0;
        for (int i = 0; i < workers.size(); i++) {
            long used = after[i] - before[i];
            total += used;
            assertTrue(used < spun / 2, workers.get(i).getName() + " used " + used / 1_000 + " us of CPU in an idle "
                    + "second with " + situation + ", a spinning thread " + spun / 1_000 + " us");
        }
        assertTrue(total < IDLE_CPU_BUDGET_NANOS, "the workers used " + total / 1_000_000
                + " ms of CPU in an idle second with " + situation);
    }

    /** The threads running this scheduler's slices: its background thread and its helper workers. */
    private List<Thread> awaitWorkers() throws InterruptedException {
        Matcher m = Pattern.compile("^Scheduler_(\\d+)\\[").matcher(scheduler.toString());
        assertTrue(m.find(), "cannot read the serial number from " + scheduler);
        String serial = m.group(1);
        Pattern names = Pattern.compile("k4j-(scheduler-" + serial + "|worker-" + serial + "-\\d+)");
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<Thread> found;
        do {
            found = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> names.matcher(t.getName()).matches()).toList();
            if (found.size() < scheduler.workers()) {
                Thread.sleep(5);
            }
        } while (found.size() < scheduler.workers() && System.nanoTime() < deadline);
        return found;
    }

    private static long[] cpu(ThreadMXBean mx, List<Thread> threads) {
        return threads.stream().mapToLong(t -> Math.max(0, mx.getThreadCpuTime(t.threadId()))).toArray();
    }
}
