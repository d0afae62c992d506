package org.kamaelia4j.components.util;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

import org.kamaelia4j.axon.BoxFullException;
import org.kamaelia4j.axon.Boxes;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Step;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * Sends a fixed sequence of messages, then {@code ProducerFinished} on {@code signal}
 * (Kamaelia's {@code Util.DataSource}).
 *
 * <pre>{@code
 * new Pipeline(new DataSource(List.of("hello", " ", "world\n")), new ConsoleEchoer()).run();
 * }</pre>
 *
 * <p>It sends as many messages per slice as its destination accepts: when that inbox is full it
 * keeps the refused message and pauses until a {@code recv} there wakes it, so nothing is lost.
 * A {@code ShutdownMicroprocess} on {@code control} stops it early; it passes that on.
 */
public final class DataSource extends Component {

    private static final int PER_SLICE = 64;

    private final Deque<Object> messages;

    /** A source of {@code messages}, in order; none may be null. */
    public DataSource(Collection<?> messages) {
        super(Boxes.builder()
                .inbox(INBOX, "not used")
                .inbox(CONTROL, "ShutdownMicroprocess to stop early")
                .outbox(OUTBOX, "the messages, in order")
                .outbox(SIGNAL, "ProducerFinished after the last message, or the ShutdownMicroprocess received")
                .build());
        for (Object m : messages) {
            if (m == null) {
                throw new NullPointerException("DataSource: messages must be non-null, got " + messages);
            }
        }
        this.messages = new ArrayDeque<>(messages);
    }

    /** A source of the given messages, in order. */
    public DataSource(Object... messages) {
        this(List.of(messages));
    }

    @Override
    protected Step main() {
        if (dataReady(CONTROL) && recv(CONTROL) instanceof ShutdownMicroprocess stop) {
            send(stop, SIGNAL);
            return Step.DONE;
        }
        for (int i = 0; i < PER_SLICE && !messages.isEmpty(); i++) {
            try {
                send(messages.peekFirst());
            } catch (BoxFullException full) {
                return Step.PAUSE;
            }
            messages.removeFirst();
        }
        if (messages.isEmpty()) {
            send(new ProducerFinished(this, null), SIGNAL);
            return Step.DONE;
        }
        return Step.CONTINUE;
    }
}
