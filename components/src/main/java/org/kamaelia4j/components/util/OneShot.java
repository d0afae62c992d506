package org.kamaelia4j.components.util;

import java.util.Objects;

import org.kamaelia4j.axon.ipc.ProducerFinished;

/**
 * Sends one message, then {@code ProducerFinished} on {@code signal} (Kamaelia's
 * {@code Util.OneShot}).
 *
 * <pre>{@code
 * new Pipeline(new OneShot("GET / HTTP/1.0\r\n\r\n"), client, new ConsoleEchoer()).run();
 * }</pre>
 *
 * <p>When the destination is full it waits for room; a {@code ShutdownMicroprocess} on
 * {@code control} before that ends it early, passed on.
 */
public final class OneShot extends Transformer {

    private final Object message;
    private boolean sent;

    /** A one-shot source of {@code message}, which must be non-null. */
    public OneShot(Object message) {
        super(boxes("not used", "the message, once"));
        this.message = Objects.requireNonNull(message, "OneShot: the message must be non-null");
    }

    @Override
    protected boolean poll() {
        if (!sent && shutdownMessage() == null) {
            sent = true;
            emit(message);
            finishWith(new ProducerFinished(this, null));
        }
        return false;
    }
}
