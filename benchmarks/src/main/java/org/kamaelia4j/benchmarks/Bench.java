package org.kamaelia4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The side-by-side benchmark runner behind {@code ./k4j bench}: runs each {@link Workload} on
 * Kamaelia4J and on its baselines in the same JVM, one after the other, and writes
 * {@code benchmarks/results/<workload>.md} and {@code .svg}.
 *
 * <pre>
 * ./k4j bench                 # every workload, full size, 7 measured runs each
 * ./k4j bench quick           # every workload, small size, 3 runs (heavy ones: 1): a few minutes
 * ./k4j bench quick pipeline  # only workloads whose name contains "pipeline"
 * </pre>
 *
 * <p>A {@linkplain Workload#heavy() heavy} workload (most live components) is left out of an
 * unfiltered quick run; {@code ./k4j bench quick live} runs it at its quick size. Give the JVM
 * room for it: {@code K4J_JAVA_OPTS=-Xmx8g ./k4j bench live}. A heavy workload gets no warm-up
 * and one measured run.
 *
 * <p>Each contender gets warm-up runs that are not counted, then measured runs; the report
 * gives the median with the min and max, the machine (cores, JDK, OS) and the load average
 * before and after, so a noisy machine shows. The results directory is the system property
 * {@code k4j.results}, else {@code benchmarks/results}.
 */
public final class Bench {

    private Bench() {
    }

    /** Every workload this module knows, in report order. */
    static List<Workload> workloads() {
        return List.of(new RingHops(), new RingTokens(), new PipelineHops(), new PingPong(), new Skynet(),
                new IdleMemory(), new LiveComponents(), new ParallelSpeedup(), new GeneratorResume(),
                new StmCommitLatency(), new StmDisjointCommits(), new StmBankTransfers(),
                new ProcessLinkThroughput(), new ProcessLatency(1_000_000), new ProcessLatency(100_000),
                new MonteCarloPi(), new TcpEcho(), new FramingThroughput());
    }

    /** {@code [quick] [name-filter ...]}. */
    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean quick = rest.remove("quick");
        Path results = Path.of(System.getProperty("k4j.results", "benchmarks/results"));
        List<Workload> chosen = chosen(quick, rest);
        if (chosen.isEmpty()) {
            System.err.println("no workload matches " + rest + "; workloads are "
                    + workloads().stream().map(Workload::name).toList());
            System.exit(2);
        }
        for (Workload w : chosen) {
            System.out.println("== " + w.name() + ": " + w.title());
            Report report = run(w, quick);
            report.writeTo(results);
            System.out.println(report.markdown());
        }
        System.out.println("results written to " + results.toAbsolutePath());
    }

    /**
     * The workloads whose names contain one of {@code filters}; with no filter, all of them, less
     * the heavy ones in a quick run.
     */
    static List<Workload> chosen(boolean quick, List<String> filters) {
        return workloads().stream()
                .filter(w -> filters.isEmpty() ? !(quick && w.heavy())
                        : filters.stream().anyMatch(f -> w.name().contains(f)))
                .toList();
    }

    static Report run(Workload w, boolean quick) throws Exception {
        double loadBefore = loadAverage();
        long size = w.size(quick);
        boolean once = w.heavy() || quick && w.startsJvms();
        int warmups = once ? 0 : quick ? 1 : 3;
        int runs = once ? 1 : quick ? 3 : 7;
        List<Measurement> measurements = new ArrayList<>();
        for (Contender c : w.contenders()) {
            for (int i = 0; i < warmups; i++) {
                c.measure().run(size);
            }
            double[] figures = new double[runs];
            for (int i = 0; i < runs; i++) {
                figures[i] = c.measure().run(size);
            }
            Measurement m = new Measurement(c, figures);
            System.out.printf(Locale.ROOT, "  %-55s median %s %s%n", c.label(), Report.format(m.median()),
                    w.unit().label());
            measurements.add(m);
        }
        return new Report(w, measurements, machine(quick, size, warmups, runs, loadBefore, loadAverage()));
    }

    private static String machine(boolean quick, long size, int warmups, int runs, double before, double after) {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT,
                "Measured %s on %d cores, %s %s, %s %s; %s run, size %d, %d warm-up + %d measured runs per contender; "
                        + "load average %.2f before, %.2f after%s.",
                LocalDate.now(), rt.availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                quick ? "quick" : "full", size, warmups, runs, before, after,
                Math.max(before, after) > rt.availableProcessors() * 0.5 ? " (the machine was busy: figures are noisy)"
                        : "");
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
