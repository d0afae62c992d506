package org.kamaelia4j.examples;

import java.io.PrintStream;

import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;

/**
 * The smallest Kamaelia4J program: a three-component Pipeline. Numbers 1..10 flow through a
 * component that doubles them into one that prints them; the {@code ProducerFinished} the source
 * sends when it is done travels down the same chain and shuts each stage down in turn.
 *
 * <pre>{@code
 * new Pipeline(new NumberSource(1, 10), new Scale(2), new Printer(System.out, "")).run();
 * }</pre>
 */
public final class Hello {

    private Hello() {
    }

    /** Runs the pipeline on {@code scheduler}, printing to {@code out}. */
    public static void run(Scheduler scheduler, PrintStream out) {
        new Pipeline(new NumberSource(1, 10), new Scale(2), new Printer(out, "")).activate(scheduler);
        scheduler.run();
    }

    /** {@code ./k4j example hello}. */
    public static void main(String[] args) {
        run(Scheduler.create(1), System.out);
    }
}
