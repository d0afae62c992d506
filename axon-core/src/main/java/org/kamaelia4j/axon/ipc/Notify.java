package org.kamaelia4j.axon.ipc;

/**
 * A notification carrying a payload from a caller (Axon's {@code notify}).
 *
 * @param caller  who sends the notification
 * @param payload what it is about
 */
public record Notify(Object caller, Object payload) implements Ipc {
}
