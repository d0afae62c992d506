package org.kamaelia4j.examples;

import java.io.PrintStream;
import java.util.Set;

import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Graphline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * {@code ./k4j example commstime}: occam's and JCSP's classic CommsTime network, the standard
 * measure of a CSP system's communication cost; prints microseconds per cycle.
 *
 * <pre>
 * ./k4j example commstime                         # 1,000,000 cycles on one worker
 * ./k4j example commstime --cycles 200_000 --workers 2
 * </pre>
 *
 * <h2>The network</h2>
 * <pre>
 *   Prefix(0) --&gt; Delta --&gt; Successor --+
 *      ^            |                    |
 *      |            +--&gt; Consume         |
 *      +---------------------------------+
 * </pre>
 * {@link Prefix} sends 0, then copies its input; {@link Delta} copies each number to
 * {@link Successor} and to {@link Consume}; Successor adds one and feeds Prefix. So Consume sees
 * 0, 1, 2, ... and each cycle costs four communications. Consume checks the sequence, times
 * {@code --cycles} cycles after a warm-up, then sends {@code ShutdownMicroprocess} to Prefix,
 * which passes it round the loop; the Graphline ends when all four have finished.
 */
public final class CommsTime {

    private static final Set<String> OPTIONS = Set.of("cycles", "workers");
    private static final int WARM_UP = 10_000;

    private CommsTime() {
    }

    /** Passes on what it receives on {@code inbox} as it is; finishes on a shutdown message. */
    private abstract static class NumberStage extends Component {

        NumberStage(Boxes boxes) {
            super(boxes);
        }

        /** Handles one number. */
        abstract void handle(int n);

        @Override
        protected Step main() {
            Object stop = dataReady(CONTROL) ? recv(CONTROL) : null;
            while (dataReady()) {
                handle(this.<Integer>recv());
            }
            if (stop instanceof ProducerFinished || stop instanceof ShutdownMicroprocess) {
                send(stop, SIGNAL);
                return Step.DONE;
            }
            return Step.PAUSE;
        }

        static Boxes.Builder boxes(String in, String out) {
            return Boxes.builder()
                    .inbox(INBOX, in)
                    .inbox(CONTROL, "ShutdownMicroprocess, passed round the loop at the end")
                    .outbox(OUTBOX, out)
                    .outbox(SIGNAL, "the shutdown message, passed on");
        }
    }

    /** occam's PREFIX: sends its initial value once, then copies its input. */
    static final class Prefix extends NumberStage {

        private Integer initial;

        Prefix(int initial) {
            super(boxes("numbers from Successor", "the initial value, then every number received").build());
            this.initial = initial;
        }

        @Override
        protected Step main() {
            if (initial != null) {
                send(initial);
                initial = null;
            }
            return super.main();
        }

        @Override
        void handle(int n) {
            send(n);
        }
    }

    /** occam's DELTA: sends each number to two places. */
    static final class Delta extends NumberStage {

        static final String TAP = "tap";

        Delta() {
            super(boxes("numbers from Prefix", "each number, to Successor")
                    .outbox(TAP, "each number again, to Consume").build());
        }

        @Override
        void handle(int n) {
            send(n);
            send(n, TAP);
        }
    }

    /** occam's SUCC: adds one. */
    static final class Successor extends NumberStage {

        Successor() {
            super(boxes("numbers from Delta", "each number plus one, to Prefix").build());
        }

        @Override
        void handle(int n) {
            send(n + 1);
        }
    }

    /**
     * Checks that it sees 0, 1, 2, ..., times {@code cycles} of them after a warm-up, then sends
     * {@code ShutdownMicroprocess} on {@code signal} to stop the loop.
     */
    static final class Consume extends NumberStage {

        private final int cycles;
        private int expected;
        private long startNanos;
        private volatile long nanos = -1;

        Consume(int cycles) {
            super(boxes("numbers from Delta", "not used").build());
            this.cycles = cycles;
        }

        @Override
        void handle(int n) {
            if (n != expected) {
                throw new IllegalStateException("CommsTime: Consume expected " + expected + " and got " + n);
            }
            if (n == WARM_UP) {
                startNanos = System.nanoTime();
            } else if (n == WARM_UP + cycles) {
                nanos = System.nanoTime() - startNanos;
                send(new ShutdownMicroprocess(), SIGNAL);
            }
            expected++;
        }

        @Override
        protected Step main() {
            Step step = super.main();
            // finish in the slice that sent the shutdown: no number may come to wake it again
            return nanos >= 0 ? Step.DONE : step;
        }

        /** The time of the timed cycles, or -1 before they are done. */
        long nanos() {
            return nanos;
        }
    }

    /** Runs {@code cycles} timed cycles on a scheduler with {@code workers} workers; the time in nanoseconds. */
    static long time(int cycles, int workers) {
        Consume consume = new Consume(cycles);
        Graphline network = Graphline.builder()
                .component("prefix", new Prefix(0))
                .component("delta", new Delta())
                .component("successor", new Successor())
                .component("consume", consume)
                .link("prefix", Component.OUTBOX, "delta", Component.INBOX)
                .link("delta", Component.OUTBOX, "successor", Component.INBOX)
                .link("delta", Delta.TAP, "consume", Component.INBOX)
                .link("successor", Component.OUTBOX, "prefix", Component.INBOX)
                .link("consume", Component.SIGNAL, "prefix", Component.CONTROL)
                .link("prefix", Component.SIGNAL, "delta", Component.CONTROL)
                .link("delta", Component.SIGNAL, "successor", Component.CONTROL)
                .build();
        Scheduler scheduler = Scheduler.create(workers);
        network.activate(scheduler);
        scheduler.run();
        if (consume.nanos() < 0) {
            throw new IllegalStateException("CommsTime: the network finished before Consume timed its cycles");
        }
        return consume.nanos();
    }

    /** Runs CommsTime, printing to {@code out}; see the class comment for {@code args}. */
    public static void run(PrintStream out, String... args) {
        Options options = Options.parse("commstime", args, OPTIONS, Set.of());
        int cycles = options.integer("cycles", 1_000_000);
        int workers = options.integer("workers", 1);
        long nanos = time(cycles, workers);
        out.printf("CommsTime (Prefix, Delta, Successor, Consume) on %d worker(s): %,d cycles in %.3f s%n", workers,
                cycles, nanos / 1e9);
        out.printf("%.3f us per cycle, %.0f ns per communication (4 per cycle)%n", nanos / 1e3 / cycles,
                nanos / 4.0 / cycles);
    }

    /** {@code ./k4j example commstime [--cycles N] [--workers N]}. */
    public static void main(String[] args) {
        run(System.out, args);
    }
}
