package org.kamaelia4j.examples;

import java.io.PrintStream;

import org.kamaelia4j.axon.Scheduler;

/**
 * {@code ./k4j demo}: a Pipeline and a Graphline, each run on a fresh scheduler with one worker
 * per processor, printing their results.
 */
public final class Demo {

    private Demo() {
    }

    /** Runs both programs, printing to {@code out}. */
    public static void run(PrintStream out) {
        int workers = Runtime.getRuntime().availableProcessors();
        out.println("Kamaelia4J demo on " + workers + " worker(s)");
        out.println("-- Pipeline: NumberSource(1..10) -> Scale(2) -> Printer");
        Hello.run(Scheduler.create(workers), out);
        out.println("-- Graphline: evens x10, odds x100, fanned out and back in through 'self' boxes");
        GraphlineExample.run(Scheduler.create(workers), out);
        out.println("-- done");
    }

    /** {@code ./k4j demo}. */
    public static void main(String[] args) {
        run(System.out);
    }
}
