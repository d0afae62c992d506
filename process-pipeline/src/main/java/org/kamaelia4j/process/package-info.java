/**
 * ProcessPipeline and ProcessGraphline: top-level components in separate JVMs, linked by
 * memory-mapped Chronicle queues, run as one component in the parent JVM.
 *
 * <pre>{@code
 * Collector out = new Collector();
 * new Pipeline(
 *     new DataSource(List.of(1, 2, 3)),
 *     ProcessPipeline.of(
 *         Stage.of(() -> new Doubler()).named("double").jvmOptions("-Xmx64m"),
 *         Stage.of(() -> new Incrementer()).named("inc").restart(RestartPolicy.upTo(2))),
 *     out
 * ).run();
 * }</pre>
 *
 * <h2>The pieces</h2>
 * A {@link org.kamaelia4j.process.Stage} says how to build one component (a serializable factory)
 * and how to run its JVM. {@link org.kamaelia4j.process.ProcessPipeline} chains stages like
 * {@code Pipeline}; {@link org.kamaelia4j.process.ProcessGraphline} wires them like
 * {@code Graphline}, any declared box included. Both are
 * {@link org.kamaelia4j.process.ProcessNetwork}s, ordinary components of the parent JVM: they can
 * be {@code run()}, activated, or nested in Pipelines. {@link org.kamaelia4j.process.LinkOptions}
 * sets the back-pressure window, queue files and {@link org.kamaelia4j.process.Codecs}; a
 * {@link org.kamaelia4j.process.MessageCodec} teaches the links a new type.
 *
 * <h2>How a message crosses</h2>
 * In the sending JVM the component sends on an outbox as usual; the outbox is linked to a bounded
 * inbox of the JVM's host, which encodes the message, numbers it and adds it to the link's open
 * batch; at the end of each of its slices (or once a batch holds 256 messages or 16 KiB) the batch
 * is appended as one excerpt to the link's queue in a per-run directory in {@code /dev/shm}, so
 * that the cost of an append is shared by many small messages. In the receiving JVM the host reads
 * the queue, drops
 * numbers it has delivered already, waits for messages sent earlier on sibling links, decodes, and
 * sends to the destination inbox. Each end publishes its progress in a small shared file: the
 * writer's window and the reader's watcher work from those counters, not from the queue.
 *
 * <h2>Threading</h2>
 * <ul>
 *   <li>A network's slices run on the scheduler it was activated on; like any component's, they
 *       never overlap. Its queue readers and writers are used only from those slices.</li>
 *   <li>Each network and each stage JVM has one watcher thread that only polls shared counters and
 *       calls {@code unpause()}; stage-exit callbacks and the threads copying a stage's output
 *       likewise only wake the network or print.</li>
 *   <li>A stage JVM runs its component and its host on a one-worker scheduler on its main thread,
 *       which is what makes its checkpoints consistent cuts.</li>
 *   <li>{@link org.kamaelia4j.process.ProcessNetwork#stageProcess} and
 *       {@link org.kamaelia4j.process.ProcessNetwork#runDirectory} may be called from any thread.</li>
 * </ul>
 */
package org.kamaelia4j.process;
