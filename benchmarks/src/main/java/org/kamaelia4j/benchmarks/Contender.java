package org.kamaelia4j.benchmarks;

/**
 * One implementation of a {@link Workload}: Kamaelia4J itself or a baseline.
 *
 * <p>A workload measured at several settings (a ring with 1, 4, 16 or 63 tokens) puts each
 * setting's contenders in a {@code group}; the report compares each baseline with Kamaelia4J in
 * its own group and adds a table with one row per group.
 *
 * <pre>{@code
 * new Contender("virtual threads", false, size -> ringOnVirtualThreads(size), "4 tokens");
 * }</pre>
 *
 * @param name    how tables and charts name it
 * @param ours    true for Kamaelia4J, false for a baseline
 * @param measure runs the job once at the given size and returns the figure in the workload's unit
 * @param group   the setting this contender was measured at, or "" when the workload has one
 */
public record Contender(String name, boolean ours, Measure measure, String group) {

    /** A contender of a workload with a single setting. */
    public Contender(String name, boolean ours, Measure measure) {
        this(name, ours, measure, "");
    }

    /** The name with the group, as the main table and the chart show it. */
    public String label() {
        return group.isEmpty() ? name : name + " [" + group + "]";
    }

    /** One measurement of a job at a given size. */
    @FunctionalInterface
    public interface Measure {
        /** Runs the job once; returns the figure in the workload's unit. */
        double run(long size) throws Exception;
    }
}
