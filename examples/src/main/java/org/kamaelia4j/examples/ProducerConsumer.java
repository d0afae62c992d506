package org.kamaelia4j.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.process.ProcessPipeline;
import org.kamaelia4j.process.Stage;

/**
 * {@code ./k4j example producer-consumer}: the Hydra paper's producer/consumer program, as two
 * components in one JVM (on one worker thread, then two) and then, unchanged, as a
 * {@code ProcessPipeline} with each in its own JVM.
 *
 * <pre>
 * ./k4j example producer-consumer                      # 10,000 numbers
 * ./k4j example producer-consumer --count 2000 --work 5000
 * </pre>
 *
 * <h2>The program</h2>
 * Hydra ("a Python framework for parallel computing", 2009) compiled CSP like
 * <pre>
 * producer :: x : integer; x := 1; *[ x &lt;= 10000 -&gt; print "prod: x = " + x; consumer ! x; ... ]
 * </pre>
 * into Python processes in separate interpreters, and observed the two busy on two cores (83% and
 * 79%). Here {@link Producer} sends x = 1..count, each with a value it computed ("numerous
 * mathematical operations": {@code --work} steps of the logistic map), printing every 2000th as
 * the paper's producer prints; {@link Consumer} does as much work again on each value and sends a
 * {@link Total} at the end. The arithmetic is plain IEEE {@code double}, so every run gives the same
 * checksum, which the example checks.
 */
public final class ProducerConsumer {

    private static final Set<String> OPTIONS = Set.of("count", "work");
    private static final int PRINT_EVERY = 2000;

    private ProducerConsumer() {
    }

    /** One number from the producer with the value it computed for it. */
    public record Item(int x, double value) {
    }

    /** What the consumer got: how many items, and the sum of its results. */
    public record Total(int count, double checksum) {
    }

    /** {@code steps} steps of the logistic map from a start that depends on {@code seed}: busy, exact work. */
    static double work(double seed, int steps) {
        double v = 0.1 + 0.8 * Math.abs(seed - Math.floor(seed));
        for (int i = 0; i < steps; i++) {
            v = 3.99 * v * (1 - v);
        }
        return v;
    }

    /** Sends {@code Item}s for x = 1..count, then {@code ProducerFinished}; holds back when the consumer is behind. */
    static final class Producer extends Component {

        private final int count;
        private final int steps;
        private final PrintStream log;
        private int x = 1;
        private Item pending;

        Producer(int count, int steps, PrintStream log) {
            super(Boxes.builder()
                    .inbox(INBOX, "not used")
                    .inbox(CONTROL, "ShutdownMicroprocess to stop early")
                    .outbox(OUTBOX, "an Item for each x, in order")
                    .outbox(SIGNAL, "ProducerFinished after the last item")
                    .build());
            this.count = count;
            this.steps = steps;
            this.log = log;
        }

        @Override
        protected Step main() {
            if (dataReady(CONTROL) && recv(CONTROL) instanceof ShutdownMicroprocess stop) {
                send(stop, SIGNAL);
                return Step.DONE;
            }
            if (pending == null && x <= count) {
                if (x % PRINT_EVERY == 1) {
                    log.println("prod: x = " + x);
                }
                pending = new Item(x, work(x * 0.618033988749895, steps));
                x++;
            }
            if (pending != null) {
                try {
                    send(pending);
                } catch (BoxFullException full) {
                    return Step.PAUSE;
                }
                pending = null;
                return Step.CONTINUE;
            }
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
    }

    /** Works on every {@code Item}; at the end sends its {@link Total}, then the shutdown message. */
    static final class Consumer extends Component {

        private final int steps;
        private int count;
        private double checksum;

        Consumer(int steps) {
            super(Boxes.builder()
                    .inbox(INBOX, "Items from the producer")
                    .inbox(CONTROL, "ProducerFinished or ShutdownMicroprocess, after the last item")
                    .outbox(OUTBOX, "one Total, at the end")
                    .outbox(SIGNAL, "the shutdown message, passed on after the Total")
                    .build());
            this.steps = steps;
        }

        @Override
        protected Step main() {
            Object stop = dataReady(CONTROL) ? recv(CONTROL) : null;
            while (dataReady()) {
                Item item = recv();
                checksum += work(item.value(), steps);
                count++;
            }
            if (stop instanceof ProducerFinished || stop instanceof ShutdownMicroprocess) {
                send(new Total(count, checksum));
                send(stop, SIGNAL);
                return Step.DONE;
            }
            return Step.PAUSE;
        }
    }

    /** The consumer's total and the wall time of one run of {@code program} into a collector. */
    record Outcome(Total total, long nanos) {
    }

    private static Outcome time(Component program, int workers) {
        Collector result = new Collector();
        Scheduler scheduler = Scheduler.create(workers);
        long start = System.nanoTime();
        new Pipeline(program, result).activate(scheduler);
        scheduler.run();
        long nanos = System.nanoTime() - start;
        List<Object> got = result.collected();
        if (got.size() != 1 || !(got.get(0) instanceof Total total)) {
            throw new IllegalStateException("producer-consumer: expected one Total, got " + got + " and "
                    + result.shutdownMessage());
        }
        return new Outcome(total, nanos);
    }

    /** Runs the program three ways, printing to {@code out}; see the class comment for {@code args}. */
    public static List<Outcome> run(PrintStream out, String... args) {
        Options options = Options.parse("producer-consumer", args, OPTIONS, Set.of());
        int count = options.integer("count", 10_000);
        int steps = options.integer("work", 20_000);
        out.printf("Hydra's producer/consumer: %,d numbers, %,d steps of work on each side of each%n", count, steps);
        out.println("-- two components in one JVM, one worker thread");
        Outcome one = time(new Pipeline(new Producer(count, steps, out), new Consumer(steps)), 1);
        out.println("-- two components in one JVM, two worker threads");
        Outcome two = time(new Pipeline(new Producer(count, steps, out), new Consumer(steps)), 2);
        out.println("-- a ProcessPipeline: each in its own JVM (their output comes prefixed by the stage name)");
        Outcome jvms = time(ProcessPipeline.of(
                Stage.of(() -> new Producer(count, steps, System.out)).named("producer")
                        .jvmOptions(Farm.STAGE_JVM_OPTIONS.toArray(String[]::new)),
                Stage.of(() -> new Consumer(steps)).named("consumer")
                        .jvmOptions(Farm.STAGE_JVM_OPTIONS.toArray(String[]::new))), 1);
        out.println();
        List<Outcome> outcomes = List.of(one, two, jvms);
        List<String> names = List.of("one JVM, 1 worker thread", "one JVM, 2 worker threads",
                "ProcessPipeline, 2 JVMs");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            out.printf("  %-28s %8.2f s   consumer got %,d items, checksum %.9f%n", names.get(i), o.nanos() / 1e9,
                    o.total().count(), o.total().checksum());
        }
        boolean same = outcomes.stream().map(Outcome::total).distinct().count() == 1;
        out.println(same ? "all three runs agree" : "the runs DISAGREE");
        out.println("Hydra (paper): average CPU loads of its two processes 83% and 79%");
        if (!same) {
            throw new IllegalStateException("producer-consumer: the runs disagree: " + outcomes);
        }
        return outcomes;
    }

    /** {@code ./k4j example producer-consumer [--count N] [--work N]}. */
    public static void main(String[] args) {
        run(System.out, args);
    }
}
