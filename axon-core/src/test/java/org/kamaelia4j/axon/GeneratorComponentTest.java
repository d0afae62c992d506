package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kamaelia4j.axon.GeneratorComponent.Mode;
import org.kamaelia4j.axon.ipc.ErrorInformation;
import org.kamaelia4j.axon.ipc.ProducerFinished;

/** The same behaviours on continuations and on virtual threads, on one and on several workers. */
@Timeout(20)
class GeneratorComponentTest {

    static Stream<Arguments> modesAndWorkers() {
        return Stream.of(Mode.CONTINUATION, Mode.VIRTUAL_THREAD)
                .flatMap(m -> Stream.of(Arguments.of(m, 1), Arguments.of(m, 3)));
    }

    /** Sums what arrives until ProducerFinished, then sends the total: locals live across suspensions. */
    private static final class Summer extends GeneratorComponent {
        Summer(Mode mode) {
            super(Boxes.standard(), mode);
        }

        @Override
        protected void body() {
            long total = 0;
            while (true) {
                pauseUntilData();
                boolean stopping = dataReady(CONTROL);
                while (dataReady()) {
                    total += this.<Integer>recv();
                }
                if (stopping) {
                    break;
                }
                yieldNow();
            }
            send(total);
            send(recv(CONTROL), SIGNAL);
        }
    }

    /** Sends 1..n, yielding after each. */
    private static final class Counter extends GeneratorComponent {
        private final int n;

        Counter(Mode mode, int n) {
            super(Boxes.standard(), mode);
            this.n = n;
        }

        @Override
        protected void body() {
            for (int i = 1; i <= n; i++) {
                send(i);
                yieldNow();
            }
            send(new ProducerFinished(this, null), SIGNAL);
        }
    }

    private static final class Sink extends Component {
        final List<Object> got = new ArrayList<>();
        volatile Object stop;

        @Override
        protected Step main() {
            stop = dataReady(CONTROL) ? recv(CONTROL) : null;
            while (dataReady()) {
                got.add(recv());
            }
            return stop != null ? Step.DONE : Step.PAUSE;
        }
    }

    @ParameterizedTest(name = "{0}, {1} worker(s)")
    @MethodSource("modesAndWorkers")
    void loopsAndLocalsSurviveSuspensionsAcrossAPipeline(Mode mode, int workers) {
        Sink sink = new Sink();
        Scheduler s = Scheduler.create(workers);
        new Pipeline(new Counter(mode, 500), new Summer(mode), sink).activate(s);
        assertTrue(s.run(Duration.ofSeconds(15)));
        assertEquals(List.of(500L * 501 / 2), sink.got);
    }

    @ParameterizedTest(name = "{0}, {1} worker(s)")
    @MethodSource("modesAndWorkers")
    void yieldNowLetsOthersRunInTurn(Mode mode, int workers) {
        List<String> trace = java.util.Collections.synchronizedList(new ArrayList<>());
        Scheduler s = Scheduler.create(workers);
        for (String name : List.of("a", "b")) {
            new GeneratorComponent(Boxes.standard(), mode) {
                @Override
                protected void body() {
                    for (int i = 0; i < 3; i++) {
                        trace.add(name + i);
                        yieldNow();
                    }
                }
            }.activate(s);
        }
        assertTrue(s.run(Duration.ofSeconds(10)));
        assertEquals(6, trace.size());
        if (workers == 1) {
            assertEquals(List.of("a0", "b0", "a1", "b1", "a2", "b2"), trace, "round-robin, one slice each");
        }
    }

    @ParameterizedTest(name = "{0}, {1} worker(s)")
    @MethodSource("modesAndWorkers")
    void receiveWaitsForAMessageWithoutRunning(Mode mode, int workers) {
        List<Object> got = new ArrayList<>();
        GeneratorComponent waiter = new GeneratorComponent(Boxes.standard(), mode) {
            @Override
            protected void body() {
                got.add(receive());
                got.add(receive());
            }
        };
        Scheduler s = Scheduler.create(workers);
        waiter.activate(s);
        assertTimedOut(s);
        assertTrue(s.isPaused(waiter), "suspended in receive, the component is paused");
        waiter.link(waiter, Component.OUTBOX, waiter, Component.INBOX);
        waiter.send("one");
        waiter.send("two");
        assertTrue(s.run(Duration.ofSeconds(5)));
        assertEquals(List.of("one", "two"), got);
    }

    private static void assertTimedOut(Scheduler s) {
        assertTrue(!s.run(Duration.ofMillis(200)), "nothing to receive: the scheduler must not finish");
    }

    @ParameterizedTest(name = "{0}, {1} worker(s)")
    @MethodSource("modesAndWorkers")
    void anExceptionInTheBodyFailsTheComponentWithErrorInformation(Mode mode, int workers) {
        IllegalStateException boom = new IllegalStateException("boom");
        GeneratorComponent failing = new GeneratorComponent(Boxes.standard(), mode) {
            @Override
            protected void body() {
                yieldNow();
                throw boom;
            }
        };
        Sink sink = new Sink();
        Scheduler s = Scheduler.create(workers);
        new Pipeline(failing, sink).activate(s);
        assertTrue(s.run(Duration.ofSeconds(10)));
        assertTrue(failing.isStopped());
        ErrorInformation error = assertInstanceOf(ErrorInformation.class, sink.stop,
                "the error goes out on signal, reaching the next component's control");
        assertEquals(boom, error.exception());
    }

    @ParameterizedTest(name = "{0}, {1} worker(s)")
    @MethodSource("modesAndWorkers")
    void stoppingASuspendedBodyFinishesTheComponent(Mode mode, int workers) {
        GeneratorComponent waiter = new GeneratorComponent(Boxes.standard(), mode) {
            @Override
            protected void body() {
                receive();
            }
        };
        Scheduler s = Scheduler.create(workers);
        waiter.activate(s);
        assertTimedOut(s);
        waiter.stop();
        assertTrue(s.run(Duration.ofSeconds(5)), "a stopped generator finishes");
        assertTrue(waiter.isStopped());
    }

    @Test
    void autoModeRunsOnContinuationsWhenTheJvmExportsThem() {
        assertNotNull(Strand.create(Mode.AUTO, () -> { }));
        assertTrue(Strand.OnContinuation.AVAILABLE,
                "the test JVM is started with --add-exports java.base/jdk.internal.vm=ALL-UNNAMED");
        assertInstanceOf(Strand.OnContinuation.class, Strand.create(Mode.AUTO, () -> { }));
    }
}
