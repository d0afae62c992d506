package org.kamaelia4j.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code ./k4j demo}: the front door. Estimates PI by Monte Carlo on a {@code ProcessPipeline},
 * first with one stage JVM, then with one per processor (at least two), showing progress, the
 * result and the speedup.
 *
 * <pre>
 * ./k4j demo                                  # 10^9 samples; well under a minute on 2 cores
 * ./k4j demo --samples 200_000_000 --stages 4
 * ./k4j demo --introspect                     # says whether the introspector is in this build
 * </pre>
 *
 * <p>The job is {@link MonteCarloPi}'s, run by a {@link Farm}: the same {@link FarmWorker}
 * components that the {@code montecarlo-pi} example runs on threads, here each in its own JVM,
 * linked by memory-mapped queues. Every run gives the same estimate, since each chunk of samples
 * has its own seed. Times are wall times, JVM start-up included.
 */
public final class Demo {

    /** The class that {@code --introspect} looks for; the tools module provides it when it has landed. */
    static final String INTROSPECTION_CLASS = "org.kamaelia4j.tools.Introspection";

    private static final Set<String> OPTIONS = Set.of("samples", "chunks", "stages");

    private Demo() {
    }

    /** Runs the demo, printing to {@code out}; see the class comment for {@code args}. */
    public static void run(PrintStream out, String... args) {
        Options options = Options.parse("demo", args, OPTIONS, Set.of("introspect"));
        long samples = options.number("samples", 1_000_000_000L);
        int stages = options.integer("stages", Math.max(2, Runtime.getRuntime().availableProcessors()));
        List<MonteCarloPi.Chunk> chunks = MonteCarloPi.chunks(samples, options.integer("chunks", 100));
        if (options.flag("introspect")) {
            out.println(introspectionStatus());
        }
        out.printf("Kamaelia4J demo: estimating pi from %,d random points, on a ProcessPipeline%n", samples);
        out.printf("(%d chunks shared among stage JVMs; this machine has %d processor(s))%n", chunks.size(),
                Runtime.getRuntime().availableProcessors());
        Farm.Run<MonteCarloPi.Hits> one = stageRun(out, Farm.separateJvms(1), chunks);
        Farm.Run<MonteCarloPi.Hits> many = stageRun(out, Farm.separateJvms(stages), chunks);
        if (MonteCarloPi.inside(one.results()) != MonteCarloPi.inside(many.results())) {
            throw new IllegalStateException("demo: the runs disagree: " + one.results() + " and " + many.results());
        }
        out.printf("speedup with %d stage JVMs against 1: %.2fx%n", stages, one.seconds() / many.seconds());
        out.println("-- done");
    }

    private static Farm.Run<MonteCarloPi.Hits> stageRun(PrintStream out, Farm farm, List<MonteCarloPi.Chunk> chunks) {
        out.println("-- " + farm);
        Farm.Run<MonteCarloPi.Hits> run = farm.run(chunks, out);
        double pi = MonteCarloPi.estimate(run.results());
        out.printf("  pi = %.6f (error %.1e) in %.2f s%n", pi, Math.abs(pi - Math.PI), run.seconds());
        return run;
    }

    /** What {@code --introspect} says: whether the introspector is on the class path. */
    static String introspectionStatus() {
        try {
            Class.forName(INTROSPECTION_CLASS, false, Demo.class.getClassLoader());
            return "introspection: " + INTROSPECTION_CLASS + " is on the class path, but this demo does not start"
                    + " it yet; running the demo without it";
        } catch (ClassNotFoundException e) {
            return "introspection is not available in this build (" + INTROSPECTION_CLASS + " is not on the class"
                    + " path); running the demo without it";
        }
    }

    /** {@code ./k4j demo [--samples N] [--chunks N] [--stages N] [--introspect]}. */
    public static void main(String[] args) {
        run(System.out, args);
    }
}
