package org.kamaelia4j.axon.ipc;

/**
 * A producer has sent everything it will send; consumers may finish once they have drained their
 * inboxes (Axon's {@code producerFinished}).
 *
 * <pre>{@code
 * send(new ProducerFinished(this, null), SIGNAL);
 * }</pre>
 *
 * @param caller  the component that finished, or null
 * @param message an optional payload, or null
 */
public record ProducerFinished(Object caller, Object message) implements Ipc {

    /** A {@code ProducerFinished} with no caller and no message. */
    public ProducerFinished() {
        this(null, null);
    }
}
