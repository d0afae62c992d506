/**
 * JMH micro-benchmarks that complement the side-by-side runner: each isolates one operation
 * that the workloads of {@link org.kamaelia4j.benchmarks.Bench} measure only inside a larger
 * whole, with JMH's warm-up, forking and error bars. {@link org.kamaelia4j.benchmarks.jmh.JmhRunner}
 * runs them ({@code ./k4j bench jmh [regex]}) and writes {@code benchmarks/results/jmh.md}.
 *
 * <ul>
 *   <li>{@link org.kamaelia4j.benchmarks.jmh.GeneratorResumeBenchmark}: a generator component's
 *       resume/yield in continuation mode, against a bare JDK continuation and a plain slice.
 *   <li>{@link org.kamaelia4j.benchmarks.jmh.InboxBenchmark}: one message through one linked
 *       inbox, send and receive.
 *   <li>{@link org.kamaelia4j.benchmarks.jmh.StoreCommitBenchmark}: one uncontended single-key
 *       STM commit.
 * </ul>
 *
 * <p>JMH's annotation processor generates the benchmark stubs (package {@code jmh_generated})
 * and {@code META-INF/BenchmarkList} at compile time; the module's tests check that list, and
 * never run JMH.
 *
 * <h2>Threading</h2>
 * Every benchmark runs on JMH's one benchmark thread, with per-thread state; the generator and
 * plain-slice benchmarks run a one-worker scheduler on that thread.
 */
package org.kamaelia4j.benchmarks.jmh;
