package org.kamaelia4j.axon.ipc;

/**
 * A status report (Axon's {@code status}), such as a protocol handler's "connected".
 *
 * @param status the status text
 */
public record Status(String status) implements Ipc {
}
