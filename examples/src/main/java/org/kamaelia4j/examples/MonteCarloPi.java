package org.kamaelia4j.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code ./k4j example montecarlo-pi}: the Monte Carlo PI workload of the PyCSP paper ("Three
 * Unique Implementations of Processes for PyCSP"), on 1..N worker threads of one scheduler and on
 * ProcessPipelines of 1..N JVMs, printed in the paper's shape beside the paper's Python figures.
 *
 * <pre>
 * ./k4j example montecarlo-pi                                  # 2 x 10^8 samples, 1..5 workers
 * ./k4j example montecarlo-pi --samples 200_000_000 --workers 3 --chunks 60
 * ./k4j example montecarlo-pi --threads-only                   # no JVM column
 * </pre>
 *
 * <h2>Why this workload</h2>
 * The paper ran the same Monte Carlo estimate of PI with PyCSP on threads and on processes. Under
 * CPython's global interpreter lock more threads made it slower (0.98 s on one, about 1.55 s on
 * two to five), while processes made it faster (1.01 s on one, about 0.55 s from two on, on their
 * two cores). On the JVM there is no such lock: the same components run in parallel on threads
 * of one scheduler, and a {@code ProcessPipeline} spreads them over JVMs with no change to them.
 *
 * <h2>How it runs</h2>
 * The samples are cut into {@link Chunk}s, each with its own seed, so the estimate is the same
 * whatever runs it, which the example checks. A {@link Farm} hands chunk {@code i} to worker
 * {@code i mod n}; each worker computes one chunk per time slice and the {@link Hits} come back
 * to a collector. Times are wall times, JVM start-up included for the JVM column. The paper's
 * figures are its own (its sample count and 2009 machine), printed for the shape of the curve,
 * not as a like-for-like race.
 */
public final class MonteCarloPi {

    /** The paper's table: Python threads and processes, seconds for 1..5 workers. */
    static final double[] PYCSP_THREADS = {0.98, 1.52, 1.56, 1.55, 1.57};
    static final double[] PYCSP_PROCESSES = {1.01, 0.57, 0.54, 0.54, 0.56};

    private static final Set<String> OPTIONS = Set.of("samples", "chunks", "workers");

    private MonteCarloPi() {
    }

    /**
     * Throws {@code samples} random points at the unit square with a generator seeded by
     * {@code seed}; reports how many fell inside the quarter circle.
     */
    public record Chunk(int index, long seed, long samples) implements FarmTask<Hits> {

        @Override
        public Hits compute() {
            SplittableRandom random = new SplittableRandom(seed);
            long inside = 0;
            for (long i = 0; i < samples; i++) {
                double x = random.nextDouble();
                double y = random.nextDouble();
                if (x * x + y * y <= 1.0) {
                    inside++;
                }
            }
            return new Hits(index, inside, samples);
        }
    }

    /** The result of one chunk: {@code inside} of {@code samples} points fell inside the circle. */
    public record Hits(int index, long inside, long samples) {
    }

    /** {@code samples} points cut into {@code count} chunks (as equal as can be), seeded by index. */
    public static List<Chunk> chunks(long samples, int count) {
        if (samples < count || count < 1) {
            throw new IllegalArgumentException("montecarlo-pi: need at least one sample per chunk, got " + samples
                    + " samples in " + count + " chunks");
        }
        List<Chunk> chunks = new ArrayList<>(count);
        SplittableRandom seeds = new SplittableRandom(20091103L);
        for (int i = 0; i < count; i++) {
            long share = samples / count + (i < samples % count ? 1 : 0);
            chunks.add(new Chunk(i, seeds.nextLong(), share));
        }
        return chunks;
    }

    /** The points inside the circle over all {@code hits}. */
    public static long inside(List<Hits> hits) {
        return hits.stream().mapToLong(Hits::inside).sum();
    }

    /** The estimate of PI from {@code hits}: four times the fraction inside. */
    public static double estimate(List<Hits> hits) {
        long samples = hits.stream().mapToLong(Hits::samples).sum();
        return 4.0 * inside(hits) / samples;
    }

    /** Runs the table, printing to {@code out}; see the class comment for {@code args}. */
    public static void run(PrintStream out, String... args) {
        Options options = Options.parse("montecarlo-pi", args, OPTIONS, Set.of("threads-only"));
        boolean withJvms = !options.flag("threads-only");
        long samples = options.number("samples", 200_000_000L);
        int workers = options.integer("workers", PYCSP_THREADS.length);
        List<Chunk> chunks = chunks(samples, options.integer("chunks", 100));
        out.printf("Monte Carlo PI: %,d samples in %d chunks, on %d processor(s)%n", samples, chunks.size(),
                Runtime.getRuntime().availableProcessors());
        out.println("the paper's figures are PyCSP on CPython (its sample count, its 2009 machine)");
        out.println();
        out.printf("%-8s %14s %16s %16s %18s%n", "workers", "PyCSP threads", "PyCSP processes",
                "K4J threads", "K4J ProcessPipeline");
        Long agreed = null;
        double pi = 0;
        for (int n = 1; n <= workers; n++) {
            Farm.Run<Hits> threads = Farm.inProcess(n).run(chunks, null);
            Farm.Run<Hits> jvms = withJvms ? Farm.separateJvms(n).run(chunks, null) : null;
            for (Farm.Run<Hits> r : withJvms ? List.of(threads, jvms) : List.of(threads)) {
                long in = inside(r.results());
                if (agreed != null && agreed != in) {
                    throw new IllegalStateException("montecarlo-pi: runs disagree: " + agreed + " and " + in
                            + " points inside");
                }
                agreed = in;
                pi = estimate(r.results());
            }
            out.printf("%-8d %14s %16s %15.2fs %18s%n", n, paper(PYCSP_THREADS, n), paper(PYCSP_PROCESSES, n),
                    threads.seconds(), withJvms ? String.format("%.2fs", jvms.seconds()) : "-");
        }
        out.println();
        out.printf("every run estimated pi = %.6f (error %.2e)%n", pi, Math.abs(pi - Math.PI));
    }

    private static String paper(double[] figures, int workers) {
        return workers <= figures.length ? String.format("%.2fs", figures[workers - 1]) : "-";
    }

    /** {@code ./k4j example montecarlo-pi [--samples N] [--chunks N] [--workers N] [--threads-only]}. */
    public static void main(String[] args) {
        run(System.out, args);
    }
}
