package org.kamaelia4j.benchmarks;

import java.util.List;

/**
 * One benchmark workload: a job measured on Kamaelia4J and on baselines in the same JVM run.
 *
 * <pre>{@code
 * final class PipelineHops implements Workload {
 *     public String name() { return "pipeline-hops"; }
 *     public String title() { return "source -> 10 pass-through -> sink, one worker"; }
 *     public Unit unit() { return Unit.MILLION_PER_SECOND; }
 *     public String target() { return ">= 100 million hops/s and ahead of every baseline"; }
 *     public List<Contender> contenders() {
 *         return List.of(new Contender("Kamaelia4J", true, size -> runOurs(size)),
 *                        new Contender("virtual threads + ArrayBlockingQueue", false, size -> runBaseline(size)));
 *     }
 * }
 * }</pre>
 *
 * <p>The {@link Bench} runner measures every contender several times (more in the full run than in
 * the quick one), takes the median, and writes a Markdown table and an SVG chart to
 * {@code benchmarks/results/}.
 */
public interface Workload {

    /** File-name-safe identifier, e.g. {@code pipeline-hops}. */
    String name();

    /** One line saying what is measured. */
    String title();

    /** How results read, and which direction is better. */
    Unit unit();

    /** The target this project holds itself to, in words, quoted in the results. */
    String target();

    /** Kamaelia4J first, then the baselines. */
    List<Contender> contenders();

    /**
     * The problem size for one measurement: iterations, messages or components. The quick run
     * uses a smaller size than the full one.
     */
    long size(boolean quick);

    /**
     * True for a workload too heavy for the quick run (minutes, gigabytes): {@code ./k4j bench
     * quick} skips it unless a filter names it, and it is measured once, without a warm-up.
     */
    default boolean heavy() {
        return false;
    }

    /**
     * True for a workload that starts JVMs (seconds per run): unit tests never run it, and a quick
     * run measures it once, without a warm-up.
     */
    default boolean startsJvms() {
        return false;
    }

    /** Extra text printed under the table, such as published figures to read the results against. */
    default String notes() {
        return "";
    }

    /** How a figure is expressed. */
    enum Unit {
        /** Nanoseconds per operation: lower is better. */
        NS_PER_OP("ns/op", false),
        /** Millions of operations per second: higher is better. */
        MILLION_PER_SECOND("M ops/s", true),
        /** Microseconds, e.g. a latency: lower is better. */
        MICROSECONDS("us", false),
        /** Thousands of operations (e.g. requests) per second: higher is better. */
        THOUSAND_PER_SECOND("k ops/s", true),
        /** Megabytes (10^6 bytes) per second: higher is better. */
        MB_PER_SECOND("MB/s", true),
        /** Milliseconds for the whole job: lower is better. */
        MILLISECONDS("ms", false),
        /** Bytes per item: lower is better. */
        BYTES("bytes", false),
        /** Millions of things held at once: higher is better. */
        MILLIONS("million", true),
        /** A dimensionless ratio: higher is better. */
        RATIO("x", true);

        private final String label;
        private final boolean higherIsBetter;

        Unit(String label, boolean higherIsBetter) {
            this.label = label;
            this.higherIsBetter = higherIsBetter;
        }

        /** The unit's label in tables and charts. */
        public String label() {
            return label;
        }

        /** True when a larger figure is better. */
        public boolean higherIsBetter() {
            return higherIsBetter;
        }
    }
}
