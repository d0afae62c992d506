/**
 * Benchmarks of Kamaelia4J side by side with its peers; results go to {@code benchmarks/results/}.
 *
 * <p>{@link org.kamaelia4j.benchmarks.Bench} is the runner ({@code ./k4j bench [quick] [filter]}).
 * Each {@link org.kamaelia4j.benchmarks.Workload} measures Kamaelia4J and its baselines in the
 * same JVM run, one contender at a time (never concurrently), so that the figures in a table are
 * comparable; the report states the machine and its load. Benchmarks are never part of
 * {@code ./k4j test}; the module's unit tests only check that the harness reports what it
 * measured.
 */
package org.kamaelia4j.benchmarks;
