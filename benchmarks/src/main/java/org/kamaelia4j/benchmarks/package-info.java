/**
 * Benchmarks of Kamaelia4J side by side with its peers; results go to {@code benchmarks/results/}.
 *
 * <p>Filled by the fast-scheduler issue; {@code ./k4j bench} runs them.
 */
package org.kamaelia4j.benchmarks;
