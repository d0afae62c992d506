package org.kamaelia4j.benchmarks;

import java.util.Arrays;

/**
 * The figures of one contender on one workload: every run's value, summarised by the median.
 *
 * @param contender who was measured
 * @param runs      the figure of each measured run, in order (warm-up runs excluded)
 */
public record Measurement(Contender contender, double[] runs) {

    /** The median of the runs. */
    public double median() {
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The smallest run. */
    public double min() {
        return Arrays.stream(runs).min().orElse(Double.NaN);
    }

    /** The largest run. */
    public double max() {
        return Arrays.stream(runs).max().orElse(Double.NaN);
    }
}
