package org.kamaelia4j.examples;

import java.io.PrintStream;

import org.kamaelia4j.axon.Graphline;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;

/**
 * A Graphline with fan-out and {@code self} boxes, inside a Pipeline.
 *
 * <pre>
 *                +---------------- Graphline ----------------+
 * NumberSource --> self.inbox --> split --evens--> x10 --+    |
 *                |                      --odds---> x100 -+--> self.outbox --> Printer
 *                +-------------------------------------------+
 * </pre>
 *
 * <p>The Graphline's {@code control} passes through to the splitter, which passes the shutdown
 * message to both branches. Nothing feeds the Graphline's {@code signal}, so the Graphline sends
 * {@code ProducerFinished} there itself once all three children have finished: by then every
 * result has been delivered to the printer.
 */
public final class GraphlineExample {

    private GraphlineExample() {
    }

    /** The Graphline described above. */
    static Graphline evensAndOdds() {
        return Graphline.builder()
                .component("split", new EvenOddSplitter())
                .component("tens", new Scale(10))
                .component("hundreds", new Scale(100))
                .link("self", "inbox", "split", "inbox")
                .link("self", "control", "split", "control")
                .link("split", EvenOddSplitter.EVENS, "tens", "inbox")
                .link("split", EvenOddSplitter.ODDS, "hundreds", "inbox")
                .link("split", EvenOddSplitter.EVENS_SIGNAL, "tens", "control")
                .link("split", EvenOddSplitter.ODDS_SIGNAL, "hundreds", "control")
                .link("tens", "outbox", "self", "outbox")
                .link("hundreds", "outbox", "self", "outbox")
                .build();
    }

    /** Runs the example on {@code scheduler}, printing to {@code out}. */
    public static void run(Scheduler scheduler, PrintStream out) {
        new Pipeline(new NumberSource(1, 6), evensAndOdds(), new Printer(out, "")).activate(scheduler);
        scheduler.run();
    }

    /** {@code ./k4j example graphline}. */
    public static void main(String[] args) {
        run(Scheduler.create(1), System.out);
    }
}
