package org.kamaelia4j.benchmarks;

/**
 * One implementation of a {@link Workload}: Kamaelia4J itself or a baseline.
 *
 * @param name    how tables and charts name it
 * @param ours    true for Kamaelia4J, false for a baseline
 * @param measure runs the job once at the given size and returns the figure in the workload's unit
 */
public record Contender(String name, boolean ours, Measure measure) {

    /** One measurement of a job at a given size. */
    @FunctionalInterface
    public interface Measure {
        /** Runs the job once; returns the figure in the workload's unit. */
        double run(long size) throws Exception;
    }
}
