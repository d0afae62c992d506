package org.kamaelia4j.components.chassis;

import java.util.ArrayDeque;
import java.util.Collection;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Component;

/**
 * One message on its way to several outboxes of a component, held until every one of them took
 * it: the back-pressure rule shared by the components that copy messages ({@link Fanout},
 * {@link PlugSplitter}, {@link Par}, {@link SubscribeTo}, {@link Supervisor}).
 *
 * <pre>{@code
 * if (!copies.resume()) return Step.PAUSE;          // still owed from an earlier slice
 * while (dataReady()) {
 *     if (!copies.send(recv(), outboxes)) return Step.PAUSE;   // a destination is full
 * }
 * }</pre>
 *
 * <p>When a destination inbox is full ({@link BoxFullException}) the message stays here, owed to
 * that outbox and to those after it, and the owner pauses without reading more input: a
 * {@code recv} at the full inbox wakes it and {@link #resume()} carries on where it stopped. So
 * nothing is lost and a slow destination slows the source down instead of growing a queue.
 * Used only by the owner's own slices.
 */
final class Broadcast {

    private final Component owner;
    private final ArrayDeque<String> owed = new ArrayDeque<>();
    private Object message;

    Broadcast(Component owner) {
        this.owner = owner;
    }

    /** True when no message is owed to any outbox. */
    boolean isIdle() {
        return message == null;
    }

    /**
     * Sends {@code msg} on each of {@code outboxes}, in order.
     *
     * @return true when every outbox took it; false when one was full (call {@link #resume()} once woken)
     * @throws IllegalStateException when an earlier message is still owed
     */
    boolean send(Object msg, Collection<String> outboxes) {
        if (message != null) {
            throw new IllegalStateException(owner.name() + ": a message is still owed to " + owed
                    + "; resume() it before sending another");
        }
        message = msg;
        owed.addAll(outboxes);
        return resume();
    }

    /** Carries on sending the owed message; true when nothing is owed any more. */
    boolean resume() {
        while (!owed.isEmpty()) {
            try {
                owner.send(message, owed.peekFirst());
            } catch (BoxFullException full) {
                return false;
            }
            owed.removeFirst();
        }
        message = null;
        return true;
    }

    /** Stops owing the message to {@code outbox} (it is being deleted). */
    void forget(String outbox) {
        owed.remove(outbox);
        if (owed.isEmpty()) {
            message = null;
        }
    }
}
