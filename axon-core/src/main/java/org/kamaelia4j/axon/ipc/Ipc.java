package org.kamaelia4j.axon.ipc;

/**
 * The messages Axon's own machinery understands, sent between components like any other message.
 *
 * <p>Kamaelia's {@code Axon.Ipc} classes, as records: they compare by value, print readably and
 * cross JVM boundaries through the process-pipeline codecs. The shutdown convention uses two of
 * them: a component that receives {@link ProducerFinished} or {@link ShutdownMicroprocess} on its
 * {@code control} inbox forwards it on its {@code signal} outbox and finishes.
 *
 * <pre>{@code
 * if (dataReady(CONTROL)) {
 *     Object m = recv(CONTROL);
 *     if (m instanceof ProducerFinished || m instanceof ShutdownMicroprocess) {
 *         send(m, SIGNAL);
 *         return Step.DONE;
 *     }
 * }
 * }</pre>
 *
 * <p>The interface is sealed so that a {@code switch} over an {@code Ipc} is exhaustive.
 */
public sealed interface Ipc
        permits ProducerFinished, ShutdownMicroprocess, NewComponent, Notify, Status, WouldBlock, ErrorInformation {
}
