package org.kamaelia4j.benchmarks.jmh;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH micro-benchmarks of this package and writes their table to
 * {@code benchmarks/results/jmh.md} (JMH's own text table goes to {@code jmh.txt} beside it):
 * what {@code ./k4j bench jmh [regex]} runs.
 *
 * <pre>
 * ./k4j bench jmh                    # every benchmark: 3 warm-up and 5 measured 1 s iterations, 1 fork
 * ./k4j bench jmh GeneratorResume    # only those whose name matches the regular expression
 * </pre>
 *
 * <p>The forked JVMs get the host JVM's flags (JMH's default), which {@code ./k4j} sets up for
 * continuations. The results directory is the system property {@code k4j.results}, else
 * {@code benchmarks/results}.
 */
public final class JmhRunner {

    /** Every benchmark class this runner knows; {@code META-INF/BenchmarkList} lists their methods. */
    static final List<Class<?>> BENCHMARKS =
            List.of(GeneratorResumeBenchmark.class, InboxBenchmark.class, StoreCommitBenchmark.class);

    private JmhRunner() {
    }

    /** {@code [regex]}: runs the benchmarks whose name matches, all of this package's by default. */
    public static void main(String[] args) throws RunnerException, IOException {
        String filter = args.length > 0 ? args[0] : "";
        String include = JmhRunner.class.getPackageName() + ".*" + filter;
        if (listed(include).isEmpty()) {
            System.err.println("no JMH benchmark matches '" + filter + "'; benchmarks are "
                    + listed(JmhRunner.class.getPackageName()));
            System.exit(2);
        }
        Path results = Path.of(System.getProperty("k4j.results", "benchmarks/results"));
        Files.createDirectories(results);
        Options options = new OptionsBuilder()
                .include(include)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .forks(1)
                .result(results.resolve("jmh.txt").toString())
                .resultFormat(ResultFormatType.TEXT)
                .build();
        double loadBefore = loadAverage();
        Collection<RunResult> run = new Runner(options).run();
        String markdown = markdown(filter, run, loadBefore, loadAverage());
        Files.writeString(results.resolve("jmh.md"), markdown);
        System.out.println(markdown);
        System.out.println("results written to " + results.resolve("jmh.md").toAbsolutePath());
    }

    /** The names ({@code Class.method}) of the generated benchmarks that {@code include} matches. */
    static List<String> listed(String include) {
        return BenchmarkList.defaultList()
                .find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(include),
                        List.of())
                .stream()
                .map(BenchmarkListEntry::getUsername)
                .toList();
    }

    private static String markdown(String filter, Collection<RunResult> run, double before, double after) {
        List<RunResult> sorted = new ArrayList<>(run);
        sorted.sort(Comparator.comparing(r -> r.getParams().getBenchmark()));
        StringBuilder md = new StringBuilder("# JMH micro-benchmarks\n\n");
        md.append(String.format(Locale.ROOT,
                "Measured %s on %d cores, %s %s; JMH, %s; 3 warm-up and 5 measured iterations of 1 s, 1 fork; "
                        + "load average %.2f before, %.2f after%s. Score error is JMH's 99.9%% confidence "
                        + "half-interval.%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), filter.isEmpty() ? "every benchmark" : "filter '" + filter + "'",
                before, after, Math.max(before, after) > Runtime.getRuntime().availableProcessors() * 0.5
                        ? " (the machine was busy: figures are noisy)" : ""));
        md.append("| benchmark | mode | score | error | unit |\n|---|---|---:|---:|---|\n");
        for (RunResult r : sorted) {
            Result<?> primary = r.getPrimaryResult();
            String name = r.getParams().getBenchmark();
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s |%n",
                    name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                    r.getParams().getMode().shortLabel(), primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit()));
        }
        return md.toString();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
