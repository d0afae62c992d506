package org.kamaelia4j.components.protocol;

import org.kamaelia4j.components.util.Transformer;

/**
 * Sends back everything it receives (Kamaelia's {@code Protocol.EchoProtocol}): the protocol
 * handler of an echo server.
 *
 * <pre>{@code
 * new SimpleServer(7007, EchoProtocol::new).activate(scheduler);
 * }</pre>
 *
 * <p>When the connection's input ends ({@code ProducerFinished} on {@code control}) it finishes
 * after echoing everything before it, and passes the message on, which closes the connection
 * once the echoes are written.
 */
public final class EchoProtocol extends Transformer {

    /** An echo with the standard boxes. */
    public EchoProtocol() {
        super(Transformer.boxes("anything, typically bytes from a connection", "the same messages, in order"));
    }

    @Override
    protected void process(Object message) {
        emit(message);
    }
}
