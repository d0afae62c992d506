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
 * closes the connection with a logged reason). The messages cut before the fault go out first. A
 * stage that receives {@code ErrorInformation} on {@code control} processes what arrived before it,
 * passes it on and finishes, so a {@code Pipeline} of these stages reports a fault at its end.
 * Nothing here throws on bad bytes; a message of the wrong type (not a {@code byte[]}, not a
 * {@link org.kamaelia4j.components.protocol.Frame}) is a programming error and fails the component.
 *
 * <p>Threading: every component here is an ordinary component whose state is touched only by its
 * own slices; none blocks ({@code HttpClient} does its blocking I/O on a virtual thread of its
 * own). The stream components ({@code Framer}, {@code DeFramer}, {@code DataChunker},
 * {@code DataDeChunker}, {@code MaxSizePacketiser}, {@code EchoProtocol}) and {@code HttpClient}
 * are {@link org.kamaelia4j.components.util.Transformer}s and share its shutdown and back-pressure
 * rules: each finishes on {@code ProducerFinished} from {@code control} after what arrived before
 * it (on {@code ShutdownMicroprocess} after the current message) and passes that message on
 * through {@code signal}; when a destination inbox is full, output is held and retried once it has
 * room. {@code HttpServer}'s per-connection handler keeps a loop of its own: it also drives a
 * request handler component per request and closes the connection itself.
 */
package org.kamaelia4j.components.protocol;
