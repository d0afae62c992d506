package org.kamaelia4j.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.tools.Introspection;
import org.kamaelia4j.tools.IntrospectionServer;

/**
 * {@code ./k4j demo}: the front door. Estimates PI by Monte Carlo on a {@code ProcessPipeline},
 * first with one stage JVM, then with one per processor (at least two), showing progress, the
 * result and the speedup.
 *
 * <pre>
 * ./k4j demo                                  # 10^9 samples; well under a minute on 2 cores
 * ./k4j demo --samples 200_000_000 --stages 4
 * ./k4j demo --introspect                     # prints the introspector's URL; serves until Ctrl-C
 * ./k4j demo --introspect --introspect-seconds 60
 * </pre>
 *
 * <p>The job is {@link MonteCarloPi}'s, run by a {@link Farm}: the same {@link FarmWorker}
 * components that the {@code montecarlo-pi} example runs on threads, here each in its own JVM,
 * linked by memory-mapped queues. Every run gives the same estimate, since each chunk of samples
 * has its own seed. Times are wall times, JVM start-up included.
 *
 * <p>With {@code --introspect} the introspection server is started for the demo's scheduler
 * before the first stage JVM launches, so the stage JVMs report to it too, and its URL is printed
 * ({@code introspector: http://127.0.0.1:PORT/?token=...}): open it to watch the components of
 * every JVM while the job runs. Commands are allowed. After the job the server goes on showing
 * the finished graph until the process is interrupted, or for {@code --introspect-seconds}.
 */
public final class Demo {

    private static final Set<String> OPTIONS = Set.of("samples", "chunks", "stages", "introspect-seconds");

    private Demo() {
    }

    /** Runs the demo, printing to {@code out}; see the class comment for {@code args}. */
    public static void run(PrintStream out, String... args) {
        Options options = Options.parse("demo", args, OPTIONS, Set.of("introspect"));
        long samples = options.number("samples", 1_000_000_000L);
        int stages = options.integer("stages", Math.max(2, Runtime.getRuntime().availableProcessors()));
        List<MonteCarloPi.Chunk> chunks = MonteCarloPi.chunks(samples, options.integer("chunks", 100));
        Scheduler scheduler = Farm.separateJvms(1).newScheduler();   // one for both runs, so one introspector
        IntrospectionServer server = options.flag("introspect") ? introspect(scheduler, out) : null;
        try {
            out.printf("Kamaelia4J demo: estimating pi from %,d random points, on a ProcessPipeline%n", samples);
            out.printf("(%d chunks shared among stage JVMs; this machine has %d processor(s))%n", chunks.size(),
                    Runtime.getRuntime().availableProcessors());
            Farm.Run<MonteCarloPi.Hits> one = stageRun(out, Farm.separateJvms(1), chunks, scheduler);
            Farm.Run<MonteCarloPi.Hits> many = stageRun(out, Farm.separateJvms(stages), chunks, scheduler);
            if (MonteCarloPi.inside(one.results()) != MonteCarloPi.inside(many.results())) {
                throw new IllegalStateException("demo: the runs disagree: " + one.results() + " and "
                        + many.results());
            }
            out.printf("speedup with %d stage JVMs against 1: %.2fx%n", stages, one.seconds() / many.seconds());
            out.println("-- done");
            if (server != null) {
                keepServing(server, out, options.number("introspect-seconds", 0));
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static Farm.Run<MonteCarloPi.Hits> stageRun(PrintStream out, Farm farm, List<MonteCarloPi.Chunk> chunks,
            Scheduler scheduler) {
        out.println("-- " + farm);
        Farm.Run<MonteCarloPi.Hits> run = farm.run(chunks, out, scheduler);
        double pi = MonteCarloPi.estimate(run.results());
        out.printf("  pi = %.6f (error %.1e) in %.2f s%n", pi, Math.abs(pi - Math.PI), run.seconds());
        return run;
    }

    /** Serves {@code scheduler}; stage JVMs launched from now on report to the server too. */
    private static IntrospectionServer introspect(Scheduler scheduler, PrintStream out) {
        IntrospectionServer server = Introspection.serve(scheduler,
                org.kamaelia4j.tools.Options.defaults().allowControl(true).label("demo"));
        out.println("introspector: " + server.url());
        return server;
    }

    /** Keeps the server up after the job: for {@code seconds}, or until interrupted when 0. */
    private static void keepServing(IntrospectionServer server, PrintStream out, long seconds) {
        out.println("introspector: showing the finished graph at " + server.url() + " "
                + (seconds > 0 ? "for " + seconds + " s" : "until interrupted (Ctrl-C)"));
        CountDownLatch untilInterrupted = new CountDownLatch(1);
        try {
            if (seconds > 0) {
                untilInterrupted.await(seconds, TimeUnit.SECONDS);
            } else {
                untilInterrupted.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code ./k4j demo [--samples N] [--chunks N] [--stages N] [--introspect [--introspect-seconds N]]}. */
    public static void main(String[] args) {
        run(System.out, args);
    }
}
