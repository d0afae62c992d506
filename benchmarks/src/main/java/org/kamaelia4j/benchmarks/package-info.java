/**
 * Benchmarks of Kamaelia4J side by side with its peers; results go to {@code benchmarks/results/}.
 *
 * <p>{@link org.kamaelia4j.benchmarks.Bench} is the runner ({@code ./k4j bench [quick] [filter]}).
 * Each {@link org.kamaelia4j.benchmarks.Workload} measures Kamaelia4J and its baselines in the
 * same JVM run, one contender at a time (never concurrently), so that the figures in a table are
 * comparable; the report states the machine and its load. Benchmarks are never part of
 * {@code ./k4j test}; the module's unit tests check that the harness reports what it measured
 * and that every workload computes the right result at a tiny size.
 *
 * <h2>Workloads</h2>
 * <ul>
 *   <li>{@code ring-hops}: 1,000 nodes, one token, one worker; ns per hop ({@code Ring}).
 *   <li>{@code ring-tokens}: 64 nodes with 1, 4, 16 and 63 tokens (PyCSP's benchmark); hops per
 *       second, with a table by token count.
 *   <li>{@code pipeline-hops}: source, 10 pass-through stages, sink; hops per second.
 *   <li>{@code ping-pong}: round trips between two parties, against a volatile-spin ping-pong.
 *   <li>{@code skynet}: a tree of ten-child nodes summing a million leaves.
 *   <li>{@code idle-memory}: heap per idle component after a full collection.
 *   <li>{@code live-components}: the most idle components one JVM holds; heavy, so a plain quick
 *       run skips it ({@code K4J_JAVA_OPTS=-Xmx8g ./k4j bench live}).
 *   <li>{@code parallel-speedup}: CPU-bound components on two workers against one.
 *   <li>{@code generator-resume}: one yield and resume of a {@code GeneratorComponent}.
 * </ul>
 * Baselines are virtual and platform threads joined by {@code java.util.concurrent} queues,
 * Apache Pekko actors and JCSP processes, wherever the workload maps onto them; thread-per-node
 * baselines that are orders of magnitude slower make a fraction of the work (their names say
 * which) and are reported per unit of work like the rest.
 *
 * <h2>JMH micro-benchmarks</h2>
 * Beside the runner, {@link org.kamaelia4j.benchmarks.jmh} holds JMH benchmarks of single
 * operations: a generator component's resume/yield against a bare JDK continuation, one message
 * through one inbox, one uncontended STM commit. {@code ./k4j bench jmh [regex]} builds and runs
 * them (3 warm-up and 5 measured iterations of 1 s, 1 fork) and writes the table to
 * {@code benchmarks/results/jmh.md}. JMH's warm-up, forks and error bars make these the figures
 * to compare when changing one of those paths; the runner's workloads stay the figures for whole
 * programs against their peers.
 *
 * <h2>The long stress run</h2>
 * Correctness under load is a test, not a workload: {@code LoadStressTest} in axon-core runs for
 * 3 seconds in {@code ./k4j test}, and for 60 seconds under the root pom's Maven profile
 * {@code stress}: {@code mvn -Pstress -pl axon-core -am test -Dtest=LoadStressTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <h2>Threading</h2>
 * The runner is single-threaded; each contender makes and ends its own threads, schedulers or
 * actors within one measurement. The Pekko baselines share one actor system with daemon threads
 * ({@code Peers}).
 */
package org.kamaelia4j.benchmarks;
