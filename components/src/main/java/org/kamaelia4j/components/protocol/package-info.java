/**
 * Protocol components: framing and chunking of byte streams (Kamaelia's {@code Protocol.Framing}
 * and {@code Packetise}) and a small HTTP/1.1 server and client (Kamaelia's {@code Protocol.HTTP}).
 *
 * <p>Byte streams travel as {@code byte[]} messages whose boundaries mean nothing: a TCP
 * connection may cut a frame anywhere, so every de-framer here buffers and cuts the stream itself
 * ({@link org.kamaelia4j.components.protocol.DeFramer}, {@link
 * org.kamaelia4j.components.protocol.DataDeChunker}). Their input is bounded: a frame above its
 * limit, or bytes that break the format, make the component send
 * {@link org.kamaelia4j.axon.ipc.ErrorInformation} with a message saying what was wrong on
 * {@code signal} and finish (in a {@link org.kamaelia4j.components.chassis.ServerCore} that
 * closes the connection with a logged reason). A stage that receives {@code ErrorInformation} on
 * {@code control} passes it on and finishes too. Nothing here throws on bad bytes.
 *
 * <p>Threading: every component here is an ordinary component whose state is touched only by its
 * own slices; none blocks. Each finishes on {@code ProducerFinished} or {@code ShutdownMicroprocess}
 * from {@code control}, after what arrived before it, and passes that message on through
 * {@code signal}. When a destination inbox is full, output is held and retried once it has room.
 */
package org.kamaelia4j.components.protocol;
