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
 *       ProcessPipeline of JVMs: the same components either way; {@code ./k4j demo --introspect}
 *       serves the demo's graph, stage JVMs included, to the introspector.</li>
 *   <li>{@code sieve}: components spawning components, one per prime.</li>
 *   <li>{@code token-ring}, {@code commstime}: the CSP micro-benchmarks, cost per hop and per cycle.</li>
 *   <li>{@code producer-consumer}: the Hydra paper's two processes, in one JVM and in two.</li>
 *   <li>{@code philosophers}: dining philosophers sharing forks through STM.</li>
 *   <li>{@code chat}: a TCP chat server, a {@code ServerCore} making a protocol pipeline per
 *       connection, the pipelines meeting on a {@code Backplane}.</li>
 *   <li>{@code introspection}: Kamaelia's introspection tutorial, an {@code Introspector} printing
 *       a running system's topology.</li>
 *   <li>{@code tutorial}: the README's tutorial as one program.</li>
 * </ul>
 * Each prints a readable table or result to the stream it is given; the figures of the papers the
 * examples come from are printed beside ours where the papers give them.
 *
 * <h2>Threading</h2>
 * Every example builds its components on the calling thread, activates them on a scheduler of
 * its own and blocks in {@code Scheduler.run()} until they have finished, so an example is an
 * ordinary method call. Components touch only their own fields from their slices; what they share
 * ({@code TokenRing.Run}, the sieve's peak count) is atomic or volatile, and results are read from
 * a {@code Collector} after {@code run()} returns. The chat server is the exception that runs
 * until stopped: its scheduler runs in the background in tests, which talk to it over sockets and
 * stop it with {@code ShutdownMicroprocess} through a {@code Handle}; the demo's introspection
 * server answers on its own threads. Stage JVMs of a ProcessPipeline get their
 * components from serializable factories and talk to the parent only through their links.
 */
package org.kamaelia4j.examples;
