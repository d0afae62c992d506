package org.kamaelia4j.components.net;

import java.net.InetSocketAddress;

/**
 * A UDP datagram and the address it came from or goes to: what {@link UdpReceiver} emits and
 * what {@link UdpSender} accepts besides plain {@code byte[]}.
 *
 * <pre>{@code
 * send(new Datagram("ping".getBytes(), new InetSocketAddress("127.0.0.1", 9999)));
 * }</pre>
 *
 * @param data    the payload (shared, not copied)
 * @param address the sender (received) or the destination (to send)
 */
public record Datagram(byte[] data, InetSocketAddress address) {
}
