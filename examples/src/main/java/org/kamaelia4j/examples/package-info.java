/**
 * Runnable example programs, each behind {@code ./k4j example NAME} (see {@link
 * org.kamaelia4j.examples.Examples}) and each run by the test suite at a small size.
 *
 * <pre>
 * ./k4j demo                          # Monte Carlo PI on a ProcessPipeline, with the speedup
 * ./k4j example list                  # names every example
 * ./k4j example sieve --primes 10000
 * </pre>
 *
 * <h2>The examples</h2>
 * <ul>
 *   <li>{@code hello}, {@code graphline}: a Pipeline and a Graphline, the smallest programs.</li>
 *   <li>{@code montecarlo-pi}, {@code mandelbrot} and the demo: a job of {@link
 *       org.kamaelia4j.examples.FarmTask}s shared by a {@link org.kamaelia4j.examples.Farm} of
 *       {@link org.kamaelia4j.examples.FarmWorker}s, on threads of one scheduler or as a
 *       ProcessPipeline of JVMs: the same components either way.</li>
 *   <li>{@code sieve}: components spawning components, one per prime.</li>
 *   <li>{@code token-ring}, {@code commstime}: the CSP micro-benchmarks, cost per hop and per cycle.</li>
 *   <li>{@code producer-consumer}: the Hydra paper's two processes, in one JVM and in two.</li>
 * </ul>
 * Each prints a readable table or result to the stream it is given; the figures of the papers the
 * examples come from are printed beside ours where the papers give them.
 *
 * <h2>Threading</h2>
 * Every example builds its components on the calling thread, activates them on a scheduler of
 * its own and blocks in {@code Scheduler.run()} until they have finished, so an example is an
 * ordinary method call. Components touch only their own fields from their slices; what they share
 * ({@code TokenRing.Run}, the sieve's peak count) is atomic or volatile, and results are read from
 * a {@code Collector} after {@code run()} returns. Stage JVMs of a ProcessPipeline get their
 * components from serializable factories and talk to the parent only through their links.
 */
package org.kamaelia4j.examples;
