package org.kamaelia4j.components.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamaelia4j.components.chassis.Harness.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.chassis.Harness.Probe;
import org.kamaelia4j.components.chassis.Supervisor.Restart;
import org.kamaelia4j.components.chassis.Supervisor.Strategy;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;

@Timeout(60)
class SupervisorTest {

    private static final Duration LONG = Duration.ofHours(1);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Scheduler scheduler;

    @AfterEach
    void stopScheduler() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    /** Starts {@code sup} on a background scheduler; the probe sends to its control and gets its signal. */
    private Probe start(Supervisor sup, int workers) {
        Probe h = new Probe();
        h.link(h, Component.OUTBOX, sup, Component.CONTROL);
        h.link(sup, Component.SIGNAL, h, Component.CONTROL);
        scheduler = Scheduler.create(workers);
        scheduler.startInBackground();
        sup.activate(scheduler);
        return h;
    }

    /** Passes inbox to outbox; throws on "crash" (after taking it); finishes on a shutdown message. */
    static final class Worker extends Component {
        @Override
        protected Step main() {
            while (dataReady()) {
                Object m = recv();
                if ("crash".equals(m)) {
                    throw new IllegalStateException("asked to crash");
                }
                send(m);
            }
            return Shutdowns.forwardedShutdown(this) ? Step.DONE : Step.PAUSE;
        }
    }

    /** Fails on its first slice while the shared budget of failures lasts, then finishes normally. */
    static Supplier<Component> flaky(AtomicInteger failuresLeft) {
        return () -> new Component() {
            @Override
            protected Step main() {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("flaky failure");
                }
                send(new ProducerFinished(this, null), SIGNAL);
                return Step.DONE;
            }
        };
    }

    private static <T> T signalOf(Probe h) {
        return h.next(Component.CONTROL);
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    void oneForOneRestartsOnlyTheFailedChild(int workers) {
        Supervisor sup = Supervisor.builder().intensity(10, LONG)
                .child("flaky", flaky(new AtomicInteger(3)))
                .child("steady", Worker::new)
                .build();
        Probe h = start(sup, workers);
        await(() -> sup.incarnations("flaky") == 4 && sup.child("flaky") == null, "flaky ends for good");
        assertEquals(3, sup.restarts());
        assertEquals(1, sup.incarnations("steady"));
        Component steady = sup.child("steady");
        ShutdownMicroprocess stop = new ShutdownMicroprocess();
        h.send(stop);
        assertSame(stop, signalOf(h), "the shutdown is passed on once the children finished");
        await(sup::isStopped, "the supervisor finishes");
        assertTrue(steady.isStopped(), "the running child got the shutdown");
    }

    @Test
    void aNormalFinishIsNotAFailureForTransientChildren() {
        Supervisor sup = Supervisor.builder().child("once", flaky(new AtomicInteger(0))).build();
        Probe h = start(sup, 1);
        ProducerFinished done = signalOf(h);
        assertSame(sup, done.caller(), "every child ended for good: the supervisor finishes");
        assertEquals(0, sup.restarts());
        assertEquals(1, sup.incarnations("once"));
    }

    @Test
    void permanentChildrenRestartAfterANormalFinishUntilTheIntensityIsExceeded() {
        Supervisor sup = Supervisor.builder().intensity(5, LONG)
                .child("always", flaky(new AtomicInteger(0)), Restart.PERMANENT)
                .build();
        Probe h = start(sup, 2);
        ErrorInformation gaveUp = signalOf(h);
        assertSame(sup, gaveUp.caller());
        assertTrue(gaveUp.message().contains("gave up") && gaveUp.message().contains("'always' finished"),
                gaveUp.message());
        assertEquals(5, sup.restarts());
        assertEquals(6, sup.incarnations("always"));
    }

    @Test
    void temporaryChildrenAreNeverRestarted() {
        Supervisor sup = Supervisor.builder().intensity(10, LONG)
                .child("once", flaky(new AtomicInteger(1)), Restart.TEMPORARY)
                .build();
        Probe h = start(sup, 1);
        assertInstanceOf(ProducerFinished.class, signalOf(h));
        assertEquals(0, sup.restarts());
        assertEquals(1, sup.incarnations("once"));
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    void oneForAllRestartsEveryChild(int workers) {
        Supervisor sup = Supervisor.builder().strategy(Strategy.ONE_FOR_ALL).intensity(10, LONG)
                .child("a", Worker::new)
                .child("b", flaky(new AtomicInteger(1)))
                .child("c", Worker::new)
                .build();
        Probe h = start(sup, workers);
        await(() -> sup.incarnations("a") == 2 && sup.incarnations("c") == 2 && sup.incarnations("b") == 2
                && sup.child("b") == null, "everything restarted once");
        assertEquals(1, sup.restarts(), "a group restart counts once");
        h.send(new ProducerFinished());
        assertInstanceOf(ProducerFinished.class, signalOf(h));
        assertEquals(2, sup.incarnations("a"), "a normal end after ProducerFinished is final");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    void restForOneRestartsTheChildAndThoseAfterIt(int workers) {
        Supervisor sup = Supervisor.builder().strategy(Strategy.REST_FOR_ONE).intensity(10, LONG)
                .child("a", Worker::new)
                .child("b", flaky(new AtomicInteger(1)))
                .child("c", Worker::new)
                .build();
        Probe h = start(sup, workers);
        await(() -> sup.incarnations("c") == 2 && sup.incarnations("b") == 2 && sup.child("b") == null,
                "b and c restarted");
        assertEquals(1, sup.incarnations("a"));
        assertEquals(1, sup.restarts());
        h.send(new ShutdownMicroprocess());
        assertInstanceOf(ShutdownMicroprocess.class, signalOf(h));
    }

    @Test
    void exceedingTheIntensityStopsTheChildrenAndReportsTheFailure() {
        List<Component> steadies = new CopyOnWriteArrayList<>();
        Supervisor sup = Supervisor.builder().intensity(3, LONG)
                .child("steady", () -> {
                    Worker w = new Worker();
                    steadies.add(w);
                    return w;
                })
                .child("broken", flaky(new AtomicInteger(Integer.MAX_VALUE)))
                .build();
        Probe h = start(sup, 2);
        ErrorInformation gaveUp = signalOf(h);
        assertSame(sup, gaveUp.caller());
        assertInstanceOf(IllegalStateException.class, gaveUp.exception());
        assertTrue(gaveUp.message().contains("more than 3 restarts") && gaveUp.message().contains("flaky failure"),
                gaveUp.message());
        assertEquals(4, sup.incarnations("broken"));
        assertEquals(1, steadies.size());
        await(steadies.get(0)::isStopped, "the remaining child is stopped");
        await(sup::isStopped, "the supervisor finishes");
    }

    @Test
    void restartsOutsideThePeriodDoNotCount() {
        AtomicLong now = new AtomicLong();
        long sixSeconds = Duration.ofSeconds(6).toNanos();
        Supervisor sup = Supervisor.builder().intensity(2, Duration.ofSeconds(10))
                .clock(() -> now.addAndGet(sixSeconds))
                .child("flaky", flaky(new AtomicInteger(5)))
                .build();
        Probe h = start(sup, 1);
        assertInstanceOf(ProducerFinished.class, signalOf(h), "never more than 2 restarts within 10 s");
        assertEquals(5, sup.restarts());
        assertEquals(6, sup.incarnations("flaky"));
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    void inboxReachesTheCurrentIncarnationAndNothingIsLostAcrossRestarts(int workers) {
        List<Object> input = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            input.add(i);
            expected.add(i);
            if (i % 50 == 49) {
                input.add("crash");
            }
        }
        Supervisor sup = Supervisor.builder().intensity(1000, LONG)
                .child("worker", () -> {
                    Worker w = new Worker();
                    w.setInboxSize(Component.INBOX, 3);   // back-pressure into the supervisor too
                    return w;
                })
                .build();
        Collector out = new Collector();
        scheduler = Scheduler.create(workers);
        new Pipeline(new DataSource(input), sup, out).activate(scheduler);
        assertTrue(scheduler.run(WAIT), "everything finishes");
        assertEquals(expected, out.collected(), "every message but the crashing ones, in order");
        assertEquals(40, sup.restarts());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
    }

    @Test
    void stressManyChildrenManyRestartsOnTwoWorkers() {
        int children = 10;
        int failures = 30;
        Supervisor.Builder b = Supervisor.builder().intensity(children * failures, LONG);
        List<AtomicInteger> budgets = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            AtomicInteger budget = new AtomicInteger(failures);
            budgets.add(budget);
            b.child("c" + i, flaky(budget));
        }
        Supervisor sup = b.child("steady", Worker::new).build();
        Probe h = start(sup, 2);
        await(() -> IntStream.range(0, children).allMatch(i -> sup.child("c" + i) == null
                && sup.incarnations("c" + i) == failures + 1), "every flaky child ended for good");
        assertEquals(children * failures, sup.restarts());
        assertEquals(1, sup.incarnations("steady"));
        budgets.forEach(budget -> assertEquals(-1, budget.get(), "one normal incarnation after the failures"));
        h.send(new ShutdownMicroprocess());
        assertInstanceOf(ShutdownMicroprocess.class, signalOf(h));
        assertNull(sup.child("steady"));
    }

    @Test
    void everyChildsOutboxLeadsOutThroughTheSupervisor() {
        Supervisor sup = Supervisor.builder()
                .child("x", () -> new DataSource("x"))
                .child("y", () -> new DataSource("y"))
                .build();
        Collector out = new Collector();
        scheduler = Scheduler.create(1);
        new Pipeline(sup, out).activate(scheduler);
        assertTrue(scheduler.run(WAIT), "both ended normally, so the supervisor finished");
        assertEquals(List.of("x", "y"), out.collected().stream().sorted().toList());
        assertSame(sup, ((ProducerFinished) out.shutdownMessage()).caller());
    }

    @Test
    void shutdownAfterARestartReachesTheNewIncarnation() {
        List<Component> made = new CopyOnWriteArrayList<>();
        Supervisor sup = Supervisor.builder().strategy(Strategy.ONE_FOR_ALL).intensity(100, LONG)
                .child("slow", () -> {
                    Worker w = new Worker();
                    made.add(w);
                    return w;
                })
                .build();
        Probe h = start(sup, 2);
        await(() -> made.size() == 1, "the child runs");
        Probe feeder = new Probe();
        feeder.link(feeder, Component.OUTBOX, sup, Component.INBOX);
        feeder.send("crash");
        await(() -> sup.restarts() == 1 && made.size() == 2, "restarted once");
        h.send(new ShutdownMicroprocess());
        assertInstanceOf(ShutdownMicroprocess.class, signalOf(h));
        await(sup::isStopped, "the supervisor finishes");
        assertTrue(made.stream().allMatch(Component::isStopped));
        assertEquals(2, made.size(), "no restart after the shutdown");
    }

    @Test
    void stoppingTheSupervisorStopsItsChildren() {
        List<Component> made = new CopyOnWriteArrayList<>();
        Supervisor sup = Supervisor.builder()
                .child("w", () -> {
                    Worker w = new Worker();
                    made.add(w);
                    return w;
                })
                .build();
        start(sup, 2);
        await(() -> made.size() == 1, "the child runs");
        sup.stop();
        await(() -> made.get(0).isStopped(), "the child is stopped with it");
    }

    @Test
    void badDeclarationsAreRefusedWithTheirReason() {
        assertThrows(IllegalArgumentException.class, () -> Supervisor.builder().build());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Supervisor.builder().child("x", Worker::new).child("x", Worker::new).build());
        assertTrue(twice.getMessage().contains("'x'"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Supervisor.builder().intensity(-1, LONG));
        assertThrows(IllegalArgumentException.class, () -> Supervisor.builder().intensity(1, Duration.ZERO));
        Supervisor sup = Supervisor.builder().child("x", Worker::new).build();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> sup.child("y"));
        assertTrue(unknown.getMessage().contains("[x]"), unknown.getMessage());
    }
}
