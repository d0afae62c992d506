package org.kamaelia4j.axon.ipc;

/**
 * The sender would have had to block (Axon's {@code wouldblock}); the receiver may retry later.
 *
 * @param caller who would have blocked
 */
public record WouldBlock(Object caller) implements Ipc {
}
