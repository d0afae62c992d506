/**
 * Network components (Kamaelia's {@code Internet} package): {@link
 * org.kamaelia4j.components.net.TcpServer}, {@link org.kamaelia4j.components.net.TcpClient},
 * {@link org.kamaelia4j.components.net.ConnectedSocketAdapter} (one connection),
 * {@link org.kamaelia4j.components.net.SingleServer} (one client at a time),
 * {@link org.kamaelia4j.components.net.UdpSender} and {@link org.kamaelia4j.components.net.UdpReceiver};
 * and, in {@code org.kamaelia4j.components.chassis}, the servers built on them:
 * {@link org.kamaelia4j.components.chassis.ServerCore} (a protocol handler component per
 * connection, made by a factory that is told who connected) and
 * {@link org.kamaelia4j.components.chassis.SimpleServer} (the same with a no-argument factory).
 *
 * <pre>{@code
 * Scheduler s = Scheduler.create(2);
 * new SimpleServer(7007, EchoProtocol::new).activate(s);      // an echo server
 * s.run();
 * }</pre>
 *
 * <h2>Bytes and closing</h2>
 * Data travels as {@code byte[]} messages with no meaning in their boundaries: a message sent
 * may arrive cut in pieces or joined with the next, so protocols frame their data (see
 * {@code org.kamaelia4j.components.protocol}). A connection closes when the peer closes, when its
 * owner sends {@code ProducerFinished} (after writing what came before) or
 * {@code ShutdownMicroprocess} (at once), or when it misbehaves: no byte for the idle timeout of
 * its {@link org.kamaelia4j.components.net.ConnectionSettings} (a half-open peer that vanished,
 * a stalled client), a read or write error, or {@code ErrorInformation} from its protocol handler
 * (garbage bytes, an oversized frame). Each such close is one INFO log line with the reason,
 * through SLF4J; a request or a clean close by the peer logs at DEBUG.
 *
 * <h2>Threading: the I/O model</h2>
 * Each socket is served by virtual threads doing blocking I/O (a connection has a reader and a
 * writer; a listener has an acceptor), which hand data to and from the owning component through a
 * bounded {@link org.kamaelia4j.components.net.Inflow} and wake it with {@code unpause()}, which
 * the core allows from any thread. A component's slices never block and never touch a socket
 * except to close it, so a slow or hostile peer holds up nothing but its own threads: other
 * connections and other components keep running. Back-pressure holds end to end: a full
 * destination inbox leaves read data queued and the reader waiting; a slow socket leaves data in
 * the component's inbox.
 *
 * <p>The alternative was Kamaelia's own model: one selector component multiplexing every socket in
 * non-blocking mode. The benchmarks module's {@code tcp-echo} workload measures both raw models
 * side by side (an echo server with a virtual thread per connection, and one with a single NIO
 * selector thread), with Netty and with these components, at 100 and at 10,000 connections; see
 * its results. In quick runs on a loaded 2-core machine (noisy) the raw models were level:
 * 26.2 k round trips/s for virtual threads against 25.0 k for the selector at 100 connections,
 * 24.6 k against 23.5 k at 10,000 (an earlier run: 24.5 k / 26.2 k and 15.2 k / 13.5 k). Virtual threads were chosen because they keep up
 * with the selector, and because they keep each component simple and each connection isolated:
 * no shared selector loop that one slow handler could stall, no interest-set bookkeeping.
 */
package org.kamaelia4j.components.net;
