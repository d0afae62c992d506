/**
 * Kamaelia's utility components: sources, sinks, transformers, filters, splitters, timers, codecs
 * and the console.
 *
 * <pre>{@code
 * new Pipeline(new ConsoleReader(), new Filter<String>(l -> !l.isBlank()), new TagWithSequenceNumber(),
 *         new Stringify(), new ConsoleEchoer(System.out, false, "\n")).run();
 * }</pre>
 *
 * <h2>One shape, written once</h2>
 * Most components here receive on {@code inbox}, maybe send on {@code outbox}, and obey
 * {@code control}. That loop lives in one place, {@link org.kamaelia4j.components.util.Transformer}:
 * a component supplies {@code process(msg)} and, where it needs them, the hooks {@code poll()}
 * (sources, timers, extra inboxes), {@code canProcess()} (a gate, e.g. a rate or a prompt) and
 * {@code finishing(...)} (last words such as {@link org.kamaelia4j.components.util.Collate}'s list).
 * {@link org.kamaelia4j.components.util.DataSource} and
 * {@link org.kamaelia4j.components.util.Collector}, the test and example helpers, predate it and
 * stand alone.
 *
 * <h2>Shutdown</h2>
 * Each component finishes on {@code ProducerFinished} from {@code control} after processing what
 * arrived before it, and passes it on through {@code signal}; {@code ShutdownMicroprocess} finishes
 * it after the current message, also passed on. An {@code ErrorInformation} on {@code control}
 * (the producer failed) is treated like {@code ProducerFinished}, so a pipeline ends when one of
 * its stages fails. Other {@code control} messages are passed on through {@code signal}. Sources
 * send {@code ProducerFinished} when done, or an {@code ErrorInformation} naming what went wrong.
 *
 * <h2>Back-pressure</h2>
 * No component here loses a message when its destination inbox is full (a bounded inbox, see
 * {@code setInboxSize}): it holds the refused message, reads nothing more, pauses, and is woken by
 * the {@code recv} that frees room. The exception is
 * {@link org.kamaelia4j.components.util.LossyConnector}, whose purpose is to drop.
 *
 * <h2>Threading</h2>
 * Every component's state is touched only by its own slices, which never overlap, so none needs
 * locks. Nothing sleeps or blocks in a slice: {@link org.kamaelia4j.components.util.Clock},
 * {@link org.kamaelia4j.components.util.MessageRateLimit} and the rate-controlled file reader are
 * woken by one shared daemon timer thread ({@link org.kamaelia4j.components.util.WakeTimer}),
 * whose only work is {@code unpause()}; {@link org.kamaelia4j.components.util.ConsoleReader} reads
 * on a virtual thread of its own and hands lines over through a bounded
 * {@link org.kamaelia4j.components.util.ThreadFeed}. {@code Collector}'s snapshot methods,
 * {@code LossyConnector.dropped()} and {@code ThreadFeed}'s thread-side methods may be called
 * from any thread. The components work the same on one scheduler worker or many.
 */
package org.kamaelia4j.components.util;
